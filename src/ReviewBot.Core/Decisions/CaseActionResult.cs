using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Decisions;

/// <summary>What happened when someone acted on a case.</summary>
public enum CaseActionStatus
{
    /// <summary>The change was made by this press.</summary>
    Applied,

    /// <summary>The actor does not hold a permitted role on the case; nothing changed.</summary>
    NotAuthorised,

    /// <summary>The card was out of date (someone acted first, or a repeat press); nothing changed.</summary>
    Stale,

    /// <summary>The case is not at a stage where this applies; nothing changed.</summary>
    WrongStage,

    /// <summary>The input was not acceptable (e.g. a required reason missing); nothing changed.</summary>
    Invalid,

    /// <summary>No such case.</summary>
    NotFound,
}

/// <summary>The outcome of a press, with the case as it now stands so every card can show it.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Case">The case as stored now (null when not found).</param>
/// <param name="Problem">Plain words for the person when nothing changed.</param>
/// <param name="PermittedRoles">Who may act, for "only … may" answers.</param>
public sealed record CaseActionResult(CaseActionStatus Status, ReviewCase? Case, string? Problem = null, IReadOnlyList<BoardRole>? PermittedRoles = null)
{
    /// <summary>The case as it was just before this press changed it (only when <see cref="Applied"/>).</summary>
    public ReviewCase? Before { get; init; }

    /// <summary>True when this press changed the case.</summary>
    public bool Applied => Status == CaseActionStatus.Applied;
}
