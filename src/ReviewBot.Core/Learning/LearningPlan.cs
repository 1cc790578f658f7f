using ReviewBot.Core.Imr;

namespace ReviewBot.Core.Learning;

/// <summary>
/// Learning from the review (Enfield 5.4): each agency confirms it has disseminated the learning, chased like an IMR,
/// and a multi-agency learning event is held, scheduled through the panel meeting flow.
/// </summary>
public sealed record LearningPlan
{
    /// <summary>One dissemination task per agency.</summary>
    public IReadOnlyList<AgencyDissemination> Disseminations { get; init; } = [];

    /// <summary>The learning event's meeting (an entry of <c>ReviewCase.Meetings</c>), once called.</summary>
    public string? EventMeetingId { get; init; }

    /// <summary>Why the learning event is not held, when the business manager skipped it (shown on the case, never logged).</summary>
    public string? EventSkippedReason { get; init; }

    /// <summary>Who skipped the learning event, and when.</summary>
    public Review.Recorded? EventSkippedBy { get; init; }
}

/// <summary>An agency's task to disseminate the review's learning, confirmed by its panel member.</summary>
/// <param name="AgencyId">The agency.</param>
/// <param name="DueOn">When it should be done.</param>
public sealed record AgencyDissemination(string AgencyId, DateOnly DueOn)
{
    /// <summary>Who confirms it and is chased: the agency's panel member, or the business manager who asked when the agency has none on the board.</summary>
    public string? PanelMemberObjectId { get; init; }

    /// <summary>The day the task (or its due date) was set.</summary>
    public DateOnly SetOn { get; init; }

    /// <summary>When the agency confirmed it: reminders stop.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>Who confirmed (the agency's panel member).</summary>
    public string? ConfirmedByObjectId { get; init; }

    /// <summary>How it was disseminated (shown to the panel, never logged).</summary>
    public string? Note { get; init; }

    /// <summary>Reminders and escalations sent, oldest first.</summary>
    public IReadOnlyList<ImrReminder> Reminders { get; init; } = [];

    /// <summary>True once confirmed.</summary>
    public bool IsConfirmed => ConfirmedAt is not null;
}
