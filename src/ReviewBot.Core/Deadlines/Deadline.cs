using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Deadlines;

/// <summary>A dated obligation.</summary>
/// <param name="BoardId">The board.</param>
/// <param name="Case">The case.</param>
/// <param name="Kind">What is due, e.g. "chair-decision-reminder:-7".</param>
/// <param name="DueAt">When to act.</param>
public sealed record Deadline(string BoardId, CaseReference Case, string Kind, DateTimeOffset DueAt);
