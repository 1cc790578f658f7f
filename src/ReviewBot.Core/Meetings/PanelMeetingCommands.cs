using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Core.Meetings;

/// <summary>
/// The business manager's presses on the panel meeting card. Each only records what was asked; finding times,
/// sending, moving and cancelling the invite are effects run after the answer (never inside the turn).
/// </summary>
public abstract record PanelMeetingCommand : CaseCommand
{
    /// <summary>Who runs the meeting's scheduling.</summary>
    public static readonly IReadOnlyList<BoardRole> Schedulers = [BoardRole.BusinessManager];

    /// <summary>Stages in which a panel meeting may be arranged, moved or cancelled (the review's own panel meetings too: Core/Review).</summary>
    public static readonly IReadOnlyList<CaseStage> MeetingStages = [CaseStage.AwaitingRecommendation, CaseStage.MoreInformationRequested, CaseStage.AwaitingChairDecision, CaseStage.ReviewInitiated];

    /// <summary>The panel as chosen on the card (comma-separated object ids); null keeps the panel.</summary>
    public string? PanelInput { get; init; }

    /// <summary>The length chosen on the card, in minutes; null keeps the length.</summary>
    public string? DurationInput { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => Schedulers;

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => MeetingStages;

    /// <inheritdoc />
    public sealed override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        var meeting = PanelMeetings.Current(current);
        if (meeting?.Plan is not { } plan || plan.Status == PanelMeetingStatus.Cancelled)
        {
            return CommandResult.Reject("No panel meeting is being arranged for this case. The sub-group can call one from the recommendation card.");
        }

        if (plan.Sending)
        {
            return CommandResult.Reject("ReviewBot is still sending the last change to the calendar. The card updates when it is done.");
        }

        if (ReadPanel(current, meeting, context.Board, plan) is not { } panel)
        {
            return CommandResult.Reject("Please choose at least one panel member from the list.");
        }

        if (ReadDuration(plan) is not { } minutes)
        {
            return CommandResult.Reject("Please choose a duration from the list.");
        }

        var changed = Change(meeting, plan with { Panel = panel, DurationMinutes = minutes }, context);
        return changed.Plan is null ? CommandResult.Reject(changed.Problem!) : CommandResult.Accept(PanelMeetings.With(current, meeting with { Plan = changed.Plan }), meeting.Id);
    }

    /// <summary>The command's own change to the plan, or the problem in plain words.</summary>
    protected abstract (PanelMeetingPlan? Plan, string? Problem) Change(PanelMeeting meeting, PanelMeetingPlan plan, CaseCommandContext context);

    private IReadOnlyList<string>? ReadPanel(ReviewCase current, PanelMeeting meeting, BoardConfiguration board, PanelMeetingPlan plan)
    {
        if (PanelInput is null)
        {
            return plan.Panel;
        }

        var seats = PanelPlanner.Seats(current, meeting, board).Select(s => s.Person.ObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chosen = PanelInput.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(seats.Contains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return chosen.Count == 0 ? null : chosen;
    }

    private int? ReadDuration(PanelMeetingPlan plan)
        => DurationInput is null ? plan.DurationMinutes
            : int.TryParse(DurationInput, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && PanelPlanner.Durations.Contains(m) ? m : null;
}

/// <summary>"Find times again" / "Look further ahead" / "Find another time": a new search with the card's panel and length.</summary>
public sealed record SearchPanelSlotsCommand : PanelMeetingCommand
{
    /// <summary>"deadline" (before the decision deadline) or "longer" (look further ahead).</summary>
    public string? Range { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "PanelMeetingTimesSearched";

    /// <inheritdoc />
    public override string Describe() => "look for panel meeting times";

    /// <inheritdoc />
    protected override (PanelMeetingPlan? Plan, string? Problem) Change(PanelMeeting meeting, PanelMeetingPlan plan, CaseCommandContext context)
        => (plan with { Search = plan.Search + 1, LookFurther = Range == "longer" }, null);
}

/// <summary>"Pick": books the time (or moves the booked meeting to it).</summary>
public sealed record PickPanelSlotCommand : PanelMeetingCommand
{
    /// <summary>The slot as the card sent it, e.g. <c>20261207T1500Z-90</c>.</summary>
    public string? SlotId { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "PanelMeetingTimePicked";

    /// <inheritdoc />
    public override string Describe() => "book the panel meeting";

    /// <inheritdoc />
    protected override (PanelMeetingPlan? Plan, string? Problem) Change(PanelMeeting meeting, PanelMeetingPlan plan, CaseCommandContext context)
    {
        var offered = plan.Offered.Append(plan.NextWindow).OfType<OfferedSlot>()
            .FirstOrDefault(s => PanelSlotIds.Format(s.Start, s.End) == SlotId);
        if (offered is null)
        {
            return (null, "That time is no longer on offer. Please pick one of the times on the card.");
        }

        if (offered.Start <= context.Now)
        {
            return (null, "That time has passed. Please press \"Find times again\".");
        }

        var status = meeting.GraphEventId is null ? PanelMeetingStatus.Booking : PanelMeetingStatus.Rescheduling;
        return (plan with { Picked = offered, Status = status, Problem = null }, null);
    }
}

/// <summary>"Cancel the meeting": cancels the invite (the same event), or drops a meeting not yet booked.</summary>
public sealed record CancelPanelMeetingCommand : PanelMeetingCommand
{
    /// <inheritdoc />
    public override string AuditAction => "PanelMeetingCancelRequested";

    /// <inheritdoc />
    public override string Describe() => "cancel the panel meeting";

    /// <inheritdoc />
    protected override (PanelMeetingPlan? Plan, string? Problem) Change(PanelMeeting meeting, PanelMeetingPlan plan, CaseCommandContext context)
        => (plan with { Status = meeting.GraphEventId is null ? PanelMeetingStatus.Cancelled : PanelMeetingStatus.Cancelling, Problem = null }, null);
}

/// <summary>Finding and replacing the case's current panel meeting.</summary>
public static class PanelMeetings
{
    /// <summary>The latest meeting with a plan, of any kind (one is arranged at a time; each kind at its own stage).</summary>
    public static PanelMeeting? Current(ReviewCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Meetings.LastOrDefault(m => m.Plan is not null);
    }

    /// <summary>A new meeting of <paramref name="kind"/> with its plan (panel, length, deadline); its first search is an outbox effect.</summary>
    public static PanelMeeting Called(ReviewCase c, string kind, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var meeting = new PanelMeeting(string.Create(CultureInfo.InvariantCulture, $"{c.Reference}-m{c.Meetings.Count + 1}"), kind);
        return meeting with { Plan = PanelPlanner.NewPlan(c, meeting, context.Board, context.Today, context.Calendar) };
    }

    /// <summary>The meeting with this id, if any.</summary>
    public static PanelMeeting? Find(ReviewCase c, string? meetingId)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Meetings.FirstOrDefault(m => m.Id == meetingId);
    }

    /// <summary>The case with <paramref name="meeting"/> in place of the meeting with its id.</summary>
    public static ReviewCase With(ReviewCase c, PanelMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(meeting);
        return c with { Meetings = [.. c.Meetings.Select(m => m.Id == meeting.Id ? meeting : m)] };
    }
}

/// <summary>A slot's id as cards send it back: its UTC start and length, e.g. <c>20261207T1500Z-90</c>.</summary>
public static class PanelSlotIds
{
    /// <summary>The id of a slot.</summary>
    public static string Format(DateTimeOffset start, DateTimeOffset end)
        => string.Create(CultureInfo.InvariantCulture, $"{start.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}-{(int)(end - start).TotalMinutes}");
}
