namespace ReviewBot.Core.Criteria;

/// <summary>
/// One rule of a rulebook: when <paramref name="When"/> is met, the finding applies with its source and the
/// outcome is at least <paramref name="Level"/>.
/// </summary>
/// <param name="Id">Stable id, e.g. "must-child-died".</param>
/// <param name="When">The answers that make the rule apply.</param>
/// <param name="Level">The outcome the rule points to; null for a finding that explains without deciding.</param>
/// <param name="Finding">Plain words shown to people.</param>
/// <param name="Source">Citation.</param>
public sealed record CriteriaRule(string Id, Condition When, CriteriaLevel? Level, string Finding, string Source);
