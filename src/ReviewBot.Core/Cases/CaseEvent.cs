namespace ReviewBot.Core.Cases;

/// <summary>
/// An append-only audit record. Holds ids and codes only, never personal data, so it can be kept
/// after a case is erased would a board want that (it does not by default: erasure removes it too).
/// </summary>
public sealed record CaseEvent
{
    /// <summary>The case.</summary>
    public required CaseReference Case { get; init; }

    /// <summary>What happened, in the domain's words, e.g. "ReferralSubmitted", "ChairDecisionRecorded", "ActionRefused".</summary>
    public required string Action { get; init; }

    /// <summary>Entra object id of the actor, or "system" for sweeps.</summary>
    public required string ActorObjectId { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Stage before the change (equal to <see cref="StageAfter"/> for refusals and ticks).</summary>
    public CaseStage? StageBefore { get; init; }

    /// <summary>Stage after the change.</summary>
    public CaseStage? StageAfter { get; init; }

    /// <summary>The case version this event produced; 0 for events that changed nothing (refusals).</summary>
    public long Version { get; init; }

    /// <summary>Ties the event to the request that caused it (activity id or trace id).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>A short code-like detail, e.g. a verb or task id. Never names or narrative.</summary>
    public string? Detail { get; init; }

    /// <summary>How many times it happened: above 1 only for a refusal repeated by one actor with one verb (<see cref="At"/> is then the latest).</summary>
    public int Count { get; init; } = 1;

    /// <summary>The first time, for a repeated refusal; null otherwise.</summary>
    public DateTimeOffset? FirstAt { get; init; }
}
