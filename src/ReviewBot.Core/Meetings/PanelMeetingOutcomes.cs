using ReviewBot.Core.Cases;
using ReviewBot.Core.Scheduling;

namespace ReviewBot.Core.Meetings;

/// <summary>
/// What the calendar's answers change on the case. Pure, and each returns null when there is nothing new, so a
/// retried effect or a repeated poll writes nothing (the store may call them again after a concurrent change).
/// </summary>
public static class PanelMeetingOutcomes
{
    /// <summary>The audit action for each outcome.</summary>
    public const string TimesFound = "PanelMeetingTimesFound", Scheduled = "PanelMeetingScheduled", Rescheduled = "PanelMeetingRescheduled",
        Cancelled = "PanelMeetingCancelled", ResponsesChanged = "PanelMeetingResponses", ProblemRecorded = "PanelMeetingProblem";

    /// <summary>Search <paramref name="search"/> answered with <paramref name="result"/>.</summary>
    public static ReviewCase? SlotsFound(ReviewCase c, string meetingId, int search, SlotSearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Change(c, meetingId, (m, plan) => plan.Search != search || plan.SlotsFoundFor >= search ? null : m with
        {
            Plan = plan with
            {
                SlotsFoundFor = search,
                Offered = [.. result.Slots.Select(Offer)],
                NextWindow = result.NextWindow is { } next ? Offer(next) : null,
                Problem = null,
            },
        });
    }

    /// <summary>The invite is out (created, or moved to the picked time).</summary>
    public static ReviewCase? Booked(ReviewCase c, string meetingId, PanelEvent booked, DateOnly reportsDueOn)
    {
        ArgumentNullException.ThrowIfNull(booked);
        return Change(c, meetingId, (m, plan) => plan.Status is not (PanelMeetingStatus.Booking or PanelMeetingStatus.Rescheduling) ? null : m with
        {
            StartsAt = booked.Time.Start,
            GraphEventId = booked.EventId,
            Plan = plan with
            {
                Status = PanelMeetingStatus.Scheduled,
                JoinUrl = booked.JoinUrl ?? plan.JoinUrl,
                ReportsDueOn = reportsDueOn,
                Responses = Responses(booked),
                Problem = null,
            },
        });
    }

    /// <summary>The invite was cancelled.</summary>
    public static ReviewCase? CancelDone(ReviewCase c, string meetingId)
        => Change(c, meetingId, (m, plan) => plan.Status != PanelMeetingStatus.Cancelling ? null : m with { Plan = plan with { Status = PanelMeetingStatus.Cancelled, Problem = null } });

    /// <summary>The attendees' answers as the calendar holds them now.</summary>
    public static ReviewCase? ResponsesRead(ReviewCase c, string meetingId, PanelEvent read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Change(c, meetingId, (m, plan) => plan.Status != PanelMeetingStatus.Scheduled || plan.Responses.SequenceEqual(Responses(read)) ? null
            : m with { Plan = plan with { Responses = Responses(read) } });
    }

    /// <summary>A failure no retry alone will fix, recorded once (the effect stays in the outbox and is tried again).</summary>
    public static ReviewCase? Problem(ReviewCase c, string meetingId, string problem)
        => Change(c, meetingId, (m, plan) => plan.Problem == problem || plan.Status == PanelMeetingStatus.Cancelled ? null : m with { Plan = plan with { Problem = problem } });

    /// <summary>Required attendees who declined in <paramref name="after"/> and had not in <paramref name="before"/>.</summary>
    public static IReadOnlyList<PanelResponse> NewDeclines(PanelMeetingPlan? before, PanelMeetingPlan after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return [.. after.Responses.Where(r => r.Required && r.Response == AttendeeResponse.Declined
            && !(before?.Responses ?? []).Any(b => string.Equals(b.Email, r.Email, StringComparison.OrdinalIgnoreCase) && b.Response == AttendeeResponse.Declined))];
    }

    private static IReadOnlyList<PanelResponse> Responses(PanelEvent e)
        => [.. e.Attendees.Select(a => new PanelResponse(a.Email, a.Required, a.Response))];

    private static OfferedSlot Offer(MeetingSlot slot) => new(slot.Time.Start, slot.Time.End, slot.Unavailable);

    private static ReviewCase? Change(ReviewCase c, string meetingId, Func<PanelMeeting, PanelMeetingPlan, PanelMeeting?> change)
    {
        ArgumentNullException.ThrowIfNull(c);
        return PanelMeetings.Find(c, meetingId) is { Plan: { } plan } meeting && change(meeting, plan) is { } changed ? PanelMeetings.With(c, changed) : null;
    }
}
