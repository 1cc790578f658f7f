namespace ReviewBot.Core.Criteria;

/// <summary>
/// A yes/no criteria question of a rulebook, asked in the referral conversation. Rules are data:
/// each question carries the source it comes from.
/// </summary>
/// <param name="Id">Stable id, stored with the answer (e.g. "abuse-or-neglect").</param>
/// <param name="Text">The question as asked.</param>
/// <param name="Hint">Plain-words help shown on request or after a bad answer.</param>
/// <param name="Source">Citation, e.g. "LSCB Regulations 2006 reg 5(2)(a)".</param>
/// <param name="AskOnlyIfYes">Ask only when every one of these questions was answered yes.</param>
/// <param name="AskOnlyIfNo">Ask only when every one of these questions was answered no.</param>
/// <param name="AskWhen">A further condition, for what the two lists cannot say (either/or, "not both").</param>
public sealed record CriteriaQuestion(
    string Id,
    string Text,
    string Hint,
    string Source,
    IReadOnlyList<string>? AskOnlyIfYes = null,
    IReadOnlyList<string>? AskOnlyIfNo = null,
    Condition? AskWhen = null)
{
    /// <summary>True when this question applies given the answers so far.</summary>
    public bool AppliesTo(IReadOnlyDictionary<string, bool> answers)
        => (AskOnlyIfYes ?? []).All(id => answers.TryGetValue(id, out var yes) && yes)
        && (AskOnlyIfNo ?? []).All(id => answers.TryGetValue(id, out var yes) && !yes)
        && (AskWhen?.IsMetBy(answers) ?? true);

    /// <summary>Every question id the conditions of this question read.</summary>
    public IEnumerable<string> DependsOn
        => (AskOnlyIfYes ?? []).Concat(AskOnlyIfNo ?? []).Concat(AskWhen?.QuestionIds ?? []).Distinct();
}
