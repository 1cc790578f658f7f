using System.Globalization;
using ReviewBot.Bot.Effects;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Ports;
using ReviewBot.Core.Scheduling;
using ReviewBot.Ports;

namespace ReviewBot.Bot.Meetings;

/// <summary>
/// Carries out the panel meeting's outbox effects against the board mailbox's calendar (Microsoft Graph), then
/// writes what came back on the case with its audit event and the effects that sets off. Runs only from the
/// outbox and the response sweep, never in a turn. A failure is thrown so the outbox tries again (for ever, with
/// back-off); one no retry alone will fix (403 out of the app's mailbox scope, 404 unknown user) is first
/// recorded on the case so the business manager sees what to fix.
/// </summary>
public sealed partial class MeetingEffectRunner
{
    /// <summary>The actor of changes the calendar's answers make.</summary>
    public const string Actor = "system";

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private readonly IPanelCalendar calendar;
    private readonly ICaseStore cases;
    private readonly EffectDispatcher dispatcher;
    private readonly WorkingDayCalendar workingDays;
    private readonly TimeProvider clock;
    private readonly ILogger<MeetingEffectRunner> logger;

    /// <summary>Creates the runner.</summary>
    public MeetingEffectRunner(IPanelCalendar calendar, ICaseStore cases, EffectDispatcher dispatcher, WorkingDayCalendar workingDays, TimeProvider clock, ILogger<MeetingEffectRunner> logger)
    {
        this.calendar = calendar;
        this.cases = cases;
        this.dispatcher = dispatcher;
        this.workingDays = workingDays;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Runs one meeting effect; returns a message for <see cref="CaseEffect.Recipient"/> when the effect is one.</summary>
    public async Task<MessageCard?> RunAsync(BoardConfiguration board, ReviewCase c, CaseEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(effect);
        var (meetingId, search) = Split(effect.Detail);
        if (PanelMeetings.Find(c, meetingId) is not { Plan: { } plan } meeting)
        {
            return null; // the meeting is gone (erased case): nothing to do
        }

        if (effect.Kind == MeetingEffectKinds.AskForReport)
        {
            return ReportRequest(c, meeting, plan, board, effect.Recipient);
        }

        try
        {
            await (effect.Kind switch
            {
                MeetingEffectKinds.FindSlots => FindSlotsAsync(board, c, meeting, plan, search, cancellationToken),
                MeetingEffectKinds.Create => CreateAsync(board, c, meeting, plan, cancellationToken),
                MeetingEffectKinds.Reschedule => RescheduleAsync(board, c, meeting, plan, cancellationToken),
                MeetingEffectKinds.Cancel => CancelAsync(board, c, meeting, plan, cancellationToken),
                _ => throw new InvalidDataException($"Unknown meeting effect '{effect.Kind}'."),
            });
        }
        catch (Microsoft365Exception e) when (e.IsPermanent)
        {
            LogPermanent(logger, c.Reference.Value, effect.Kind, e.Kind.ToString(), e.ServiceCode ?? "none");
            var problem = $"{e.Message} ReviewBot keeps trying, so once it is fixed the meeting goes ahead by itself.";
            await RecordAsync(board, c.Reference, latest => PanelMeetingOutcomes.Problem(latest, meeting.Id, problem), PanelMeetingOutcomes.ProblemRecorded, $"{meeting.Id}:{e.Kind}", cancellationToken);
            throw; // kept in the outbox for a retry after the fix
        }

        return null;
    }

    /// <summary>Reads the booked meeting's responses and records any change (the response sweep).</summary>
    public async Task<bool> RefreshResponsesAsync(BoardConfiguration board, ReviewCase c, PanelMeeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(meeting);
        var read = await calendar.GetAsync(Mailbox(board), meeting.GraphEventId!, cancellationToken);
        return await RecordAsync(board, c.Reference, latest => PanelMeetingOutcomes.ResponsesRead(latest, meeting.Id, read), PanelMeetingOutcomes.ResponsesChanged, meeting.Id, cancellationToken);
    }

    private async Task FindSlotsAsync(BoardConfiguration board, ReviewCase c, PanelMeeting meeting, PanelMeetingPlan plan, int search, CancellationToken cancellationToken)
    {
        if (plan.Search != search || plan.SlotsFoundFor >= search)
        {
            return; // a later search was asked for, or this one is answered
        }

        var now = clock.GetUtcNow();
        var (mailboxes, notBefore, deadline, until) = PanelPlanner.SearchFor(plan, board, now);
        if (mailboxes.Count == 0)
        {
            throw new Microsoft365Exception(Microsoft365FailureKind.NotFound, "find panel meeting times", "Check the board configuration: no one on the panel has an email address.");
        }

        var members = await calendar.GetAvailabilityAsync(Mailbox(board), mailboxes, new TimeRange(now, until), cancellationToken);
        var result = new SlotFinder(board.WorkingHours, workingDays).Find(new SlotRequest(members, TimeSpan.FromMinutes(plan.DurationMinutes), notBefore, deadline, until));
        await RecordAsync(board, c.Reference, latest => PanelMeetingOutcomes.SlotsFound(latest, meeting.Id, search, result), PanelMeetingOutcomes.TimesFound,
            $"{meeting.Id}:{search.ToString(CultureInfo.InvariantCulture)}:{result.Slots.Count.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
    }

    private async Task CreateAsync(BoardConfiguration board, ReviewCase c, PanelMeeting meeting, PanelMeetingPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Status != PanelMeetingStatus.Booking)
        {
            return;
        }

        var reportsDue = ReportsDue(board, plan);
        // The same transactionId on every try: a retry after a lost answer returns the first event.
        var created = await calendar.CreateAsync(Mailbox(board), PanelPlanner.Invite(c, meeting, board, reportsDue), cancellationToken);
        await RecordAsync(board, c.Reference, latest => PanelMeetingOutcomes.Booked(latest, meeting.Id, created, reportsDue), PanelMeetingOutcomes.Scheduled, meeting.Id, cancellationToken);
    }

    private async Task RescheduleAsync(BoardConfiguration board, ReviewCase c, PanelMeeting meeting, PanelMeetingPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Status != PanelMeetingStatus.Rescheduling || meeting.GraphEventId is not { } eventId)
        {
            return;
        }

        var reportsDue = ReportsDue(board, plan);
        var invite = PanelPlanner.Invite(c, meeting, board, reportsDue);
        var moved = await calendar.UpdateAsync(Mailbox(board), eventId, new PanelEventChange(invite.Time, invite.TimeZoneId, invite.Attendees, invite.HtmlBody), cancellationToken);
        await RecordAsync(board, c.Reference, latest => PanelMeetingOutcomes.Booked(latest, meeting.Id, moved, reportsDue), PanelMeetingOutcomes.Rescheduled, meeting.Id, cancellationToken);
    }

    private async Task CancelAsync(BoardConfiguration board, ReviewCase c, PanelMeeting meeting, PanelMeetingPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Status != PanelMeetingStatus.Cancelling)
        {
            return;
        }

        if (meeting.GraphEventId is { } eventId)
        {
            await calendar.CancelAsync(Mailbox(board), eventId, PanelMeetingInviteComposer.CancellationNote(c.Reference, PanelMeetingKinds.NameOf(c, meeting)), cancellationToken);
        }

        await RecordAsync(board, c.Reference, latest => PanelMeetingOutcomes.CancelDone(latest, meeting.Id), PanelMeetingOutcomes.Cancelled, meeting.Id, cancellationToken);
    }

    /// <summary>Writes an outcome with its audit event and effects, and runs those effects at once.</summary>
    private async Task<bool> RecordAsync(BoardConfiguration board, CaseReference reference, Func<ReviewCase, ReviewCase?> outcome, string action, string detail, CancellationToken cancellationToken)
    {
        var result = await cases.UpdateAsync(board.BoardId, reference, latest => outcome(latest) is not { } updated ? null
            : new CaseChange(updated, new CaseEvent
            {
                Case = reference,
                Action = action,
                ActorObjectId = Actor,
                At = clock.GetUtcNow(),
                StageBefore = latest.Stage,
                StageAfter = updated.Stage,
                Detail = detail,
            })
            { Effects = CaseEffects.ForChange(latest, updated, board) }, cancellationToken);
        if (result is { Changed: true, Case: { } stored })
        {
            dispatcher.Dispatch(board.BoardId, reference, stored.Version);
        }

        return result.Changed;
    }

    private static MessageCard? ReportRequest(ReviewCase c, PanelMeeting meeting, PanelMeetingPlan plan, BoardConfiguration board, string? recipient)
    {
        var seat = PanelPlanner.AgencyMembers(c, meeting, board).FirstOrDefault(s => string.Equals(s.Person.ObjectId, recipient, StringComparison.OrdinalIgnoreCase));
        if (plan.Status != PanelMeetingStatus.Scheduled || seat is null || plan.ReportsDueOn is not { } due || meeting.StartsAt is not { } starts)
        {
            return null; // cancelled, moved again, or no longer invited: a later effect asks with the right date
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(board.WorkingHours.TimeZoneId);
        var when = PanelMeetingSlotsCard.When(new TimeRange(starts, starts + TimeSpan.FromMinutes(plan.DurationMinutes)), zone);
        var manager = board.PeopleIn(BoardRole.BusinessManager).FirstOrDefault()?.DisplayName ?? "the board's business manager";
        var name = PanelMeetingKinds.NameOf(c, meeting);
        var invited = $"You are invited to {(name.Purpose == MeetingPurpose.DiscussImrs ? name.Text : "the " + name.Text)} for case {c.Reference} on {when} (the Teams invite is in your Outlook calendar). ";
        var by = due.ToString("dddd d MMMM yyyy", British);
        var status = "Type 'status " + c.Reference + "' for the case.";
        return name.Purpose switch
        {
            MeetingPurpose.DiscussImrs => new MessageCard(
                $"{name.Heading} {c.Reference}: your agency's IMR",
                invited + $"Please send any update to {seat.SitsFor}'s IMR or chronology to {manager} by {by}, so the panel can read it before the meeting. " + status),
            MeetingPurpose.ShareLearning => new MessageCard(
                $"{name.Heading} {c.Reference}",
                invited + $"Please come ready to say how {seat.SitsFor} has disseminated the review's learning and what has changed in practice (Enfield 5.4). " + status),
            _ => new MessageCard(
                $"Panel meeting {c.Reference}: your agency's report",
                invited + $"Please send {seat.SitsFor}'s short report or chronology of its involvement with the child and family to {manager} by "
                + $"{by}, so the panel can read it before the meeting (Enfield Appendix 4 step 2). " + status),
        };
    }

    private DateOnly ReportsDue(BoardConfiguration board, PanelMeetingPlan plan)
    {
        var meetingDay = BoardTime.Today(board, plan.Picked!.Start);
        return PanelPlanner.ReportsDueOn(meetingDay, BoardTime.Today(board, clock.GetUtcNow()), workingDays);
    }

    private static string Mailbox(BoardConfiguration board)
        => board.BoardMailbox ?? throw new Microsoft365Exception(Microsoft365FailureKind.NotFound, "use the board mailbox", "Set boardMailbox in the board configuration.");

    private static (string MeetingId, int Search) Split(string? detail)
    {
        var text = detail ?? throw new InvalidDataException("A meeting effect names no meeting.");
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var search)
            ? (text[..colon], search)
            : (text, 0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseReference}: {EffectKind} refused by Microsoft 365 ({FailureKind}, {ServiceCode}); recorded on the case and kept for retry")]
    private static partial void LogPermanent(ILogger logger, string caseReference, string effectKind, string failureKind, string serviceCode);
}
