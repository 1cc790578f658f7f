using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Review;

namespace ReviewBot.Core.Learning;

/// <summary>
/// The business manager calls the multi-agency learning event from the stage card at the learning disseminated
/// stage. It only records the meeting and its plan; the meeting flow (Core/Meetings, Bot/Meetings) finds times,
/// books the Teams meeting, reads responses, moves and cancels it through Graph as outbox effects.
/// </summary>
public sealed record CallLearningEventCommand : ReviewCommand
{
    /// <inheritdoc />
    public override string AuditAction => "LearningEventRequested";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => PanelMeetingCommand.Schedulers;

    /// <inheritdoc />
    public override string Describe() => "call the multi-agency learning event";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage != ReviewStage.LearningDisseminated)
        {
            return Refuse("The multi-agency learning event is called at the review's learning disseminated stage.");
        }

        var learning = current.Learning ?? new LearningPlan();
        if (LearningEvents.Event(current) is { Plan.Status: not PanelMeetingStatus.Cancelled })
        {
            return Refuse("The multi-agency learning event has already been called: the business manager's meeting card is in their chat.");
        }

        var meeting = PanelMeetings.Called(current, PanelMeetingKinds.LearningEvent, context);
        var updated = current with
        {
            Meetings = [.. current.Meetings, meeting],
            Learning = learning with { EventMeetingId = meeting.Id, EventSkippedReason = null, EventSkippedBy = null },
        };
        return (updated, null, meeting.Id);
    }
}

/// <summary>The business manager records that no learning event is held, with the reason (e.g. learning shared at a board conference).</summary>
public sealed record SkipLearningEventCommand : ReviewCommand
{
    /// <summary>Why (required; shown on the case, never logged).</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "LearningEventSkipped";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => PanelMeetingCommand.Schedulers;

    /// <inheritdoc />
    public override string Describe() => "skip the multi-agency learning event";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage != ReviewStage.LearningDisseminated)
        {
            return Refuse("The multi-agency learning event is decided at the review's learning disseminated stage.");
        }

        if (LearningEvents.Event(current) is { Plan.Status: not PanelMeetingStatus.Cancelled })
        {
            return Refuse("The multi-agency learning event has been called: cancel it on the meeting card first, then skip it with a reason.");
        }

        if (Text(Reason) is not { } reason)
        {
            return Refuse("Please give the reason the learning event is not held: it is recorded with the review.");
        }

        var learning = current.Learning ?? new LearningPlan();
        var updated = current with { Learning = learning with { EventSkippedReason = reason, EventSkippedBy = new(context.ActorObjectId, context.Now) } };
        return (updated, null, "skipped");
    }
}

/// <summary>Where the learning event stands, and what keeps the learning disseminated stage from moving on.</summary>
public static class LearningEvents
{
    /// <summary>The case's learning event, once called.</summary>
    public static PanelMeeting? Event(ReviewCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Learning?.EventMeetingId is { } id ? PanelMeetings.Find(c, id) : null;
    }

    /// <summary>True once the booked event has ended.</summary>
    public static bool Held(PanelMeeting? meeting, DateTimeOffset now)
        => meeting is { Plan: { Status: PanelMeetingStatus.Scheduled, Picked: { } picked }, StartsAt: { } starts } && starts + (picked.End - picked.Start) <= now;

    /// <summary>
    /// Why the stage cannot move on yet, in plain words; null once every agency has confirmed its dissemination and
    /// the event has taken place or was skipped with a reason.
    /// </summary>
    public static string? NotReady(ReviewCase c, BoardConfiguration board, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var learning = c.Learning ?? new LearningPlan();
        if (learning.Disseminations.Count == 0)
        {
            return "The agencies have not been asked to disseminate the learning yet: ask them on the action plan card first.";
        }

        var waiting = learning.Disseminations.Where(d => !d.IsConfirmed).Select(d => board.Agencies.FirstOrDefault(a => a.Id == d.AgencyId)?.Name ?? d.AgencyId).ToList();
        if (waiting.Count > 0)
        {
            return $"Not every agency has confirmed it has disseminated the learning: still waiting for {string.Join(", ", waiting)}.";
        }

        if (learning.EventSkippedReason is not null)
        {
            return null;
        }

        var meeting = Event(c);
        return meeting?.Plan switch
        {
            null or { Status: PanelMeetingStatus.Cancelled } => "The multi-agency learning event has not been called yet: call it on this card, or skip it with a reason.",
            { Status: PanelMeetingStatus.Scheduled } when meeting.StartsAt is { } starts && !Held(meeting, now)
                => string.Create(CultureInfo.GetCultureInfo("en-GB"), $"The multi-agency learning event has not taken place yet: it is on {BoardTime.Local(board, starts):dddd d MMMM yyyy}."),
            { Status: PanelMeetingStatus.Scheduled } => null,
            { Sending: true } => "ReviewBot is still sending the multi-agency learning event to the calendar.",
            _ => "The multi-agency learning event is not booked yet: pick a time on the meeting card.",
        };
    }
}
