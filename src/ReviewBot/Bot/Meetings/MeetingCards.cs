using System.Globalization;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Scheduling;

namespace ReviewBot.Bot.Meetings;

/// <summary>
/// The panel meeting as cards and replies show it, rendered from the plan stored on the case: the business
/// manager's slot card, the booked meeting with each attendee's answer (case card, <c>status</c>).
/// </summary>
public static class MeetingCards
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The slot card for <paramref name="viewer"/>: the business manager acts; anyone else sees where it stands.</summary>
    public static PanelMeetingSlotsCard Slots(ReviewCase c, BoardConfiguration board, string? viewer)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var meeting = PanelMeetings.Current(c);
        var plan = meeting?.Plan ?? PanelPlanner.NewPlan(c, board, BoardTime.Today(board, c.ReferredAt), Core.Calendar.WorkingDayCalendar.EnglandAndWales);
        var seats = meeting is null ? PanelPlanner.Seats(c, board) : PanelPlanner.Seats(c, meeting, board);
        var choices = seats.Select(s => new PanelMemberChoice(s.Person.ObjectId, s.Person.DisplayName, s.Person.Email, s.SitsFor,
            plan.Panel.Contains(s.Person.ObjectId, StringComparer.OrdinalIgnoreCase))).ToList();
        var result = new SlotSearchResult([.. plan.Offered.Select(ToSlot)], plan.NextWindow is { } next ? ToSlot(next) : null);
        var card = PanelMeetingSlotsCard.For(c.Reference, c.Version, result, choices, TimeSpan.FromMinutes(plan.DurationMinutes),
            plan.LookFurther ? plan.Deadline + PanelPlanner.FurtherAhead : plan.Deadline, board.WorkingHours.TimeZoneId);
        var canAct = viewer is not null && c.HasRole(viewer, BoardRole.BusinessManager) && !plan.Sending
            && plan.Status != PanelMeetingStatus.Cancelled && PanelMeetingCommand.MeetingStages.Contains(c.Stage);
        return card with
        {
            Title = $"{(meeting is null ? "Extraordinary panel meeting" : PanelMeetingKinds.NameOf(c, meeting).Heading)}: {c.Reference}",
            RefreshUserIds = [.. c.PartiesIn(BoardRole.BusinessManager).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase)],
            CanAct = canAct,
            Slots = canAct && !plan.Searching ? card.Slots : [],
            NoSlot = plan.SlotsFoundFor > 0 && !plan.Searching ? card.NoSlot : null,
            NextWindow = plan.Searching ? null : card.NextWindow,
            Status = StatusText(plan),
            Problem = plan.Problem,
            Declined = DeclineText(plan, seats),
            Booked = meeting is null ? null : Booked(meeting, plan, seats, board),
        };
    }

    /// <summary>The case card with the panel meeting: where it stands, when, and each attendee's answer (the link is on the invite and the slot card).</summary>
    public static RecommendationCard OnCaseCard(RecommendationCard card, ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(c);
        var booked = PanelMeetings.Current(c) is { Plan: { } plan } meeting ? Booked(meeting, plan, PanelPlanner.Seats(c, meeting, board), board) : null;
        return card with { MeetingStatus = StatusText(c), Meeting = booked is null ? null : booked with { JoinUrl = null, Declined = null } };
    }

    /// <summary>One line for <c>status</c> and the case card: where the meeting stands and who answered what.</summary>
    public static string? Summary(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (PanelMeetings.Current(c) is not { Plan: { } plan } meeting)
        {
            return null;
        }

        var text = $"{PanelMeetingKinds.NameOf(c, meeting).Heading}: {StatusText(plan)}";
        if (Booked(meeting, plan, PanelPlanner.Seats(c, meeting, board), board) is { } booked)
        {
            text += $", {booked.When}. Responses: {booked.Answers}";
        }

        return plan.Problem is { } problem ? $"{text}. {problem}" : text;
    }

    /// <summary>Where the case's panel meeting stands, in words; null when none was called.</summary>
    public static string? StatusText(ReviewCase c) => PanelMeetings.Current(c)?.Plan is { } plan ? StatusText(plan) : null;

    /// <summary>Where the plan stands, in words.</summary>
    public static string StatusText(PanelMeetingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Status switch
        {
            PanelMeetingStatus.Booking => "Sending the invite from the board mailbox…",
            PanelMeetingStatus.Rescheduling => "Moving the meeting to the new time…",
            PanelMeetingStatus.Cancelling => "Cancelling the meeting…",
            PanelMeetingStatus.Cancelled => "Cancelled",
            PanelMeetingStatus.Scheduled when plan.Searching => "Booked; looking for other times…",
            PanelMeetingStatus.Scheduled => "Booked: the invite is in the panel's calendars",
            _ when plan.Searching => "Looking for times when the panel is free…",
            _ => "Not booked yet: pick a time",
        };
    }

    private static BookedMeetingView? Booked(PanelMeeting meeting, PanelMeetingPlan plan, IReadOnlyList<PanelSeat> seats, BoardConfiguration board)
    {
        if (meeting.GraphEventId is null || plan.Picked is null || plan.Status == PanelMeetingStatus.Cancelled)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(board.WorkingHours.TimeZoneId);
        var start = meeting.StartsAt ?? plan.Picked.Start;
        var when = PanelMeetingSlotsCard.When(new TimeRange(start, start + (plan.Picked.End - plan.Picked.Start)), zone);
        var answers = string.Join("; ", plan.Responses.Select(r => $"{NameOf(r.Email, seats)}: {ResponseText(r.Response)}"));
        var declined = plan.Responses.Where(r => r.Response == AttendeeResponse.Declined).Select(r => NameOf(r.Email, seats)).ToList();
        // The learning event asks for no report beforehand.
        var reportsDue = PanelMeetingKinds.Purpose(meeting) == MeetingPurpose.ShareLearning ? null : plan.ReportsDueOn?.ToString("ddd d MMM yyyy", British);
        return new BookedMeetingView(when, plan.JoinUrl, reportsDue, answers, declined.Count == 0 ? null : "Declined: " + string.Join(", ", declined));
    }

    private static string? DeclineText(PanelMeetingPlan plan, IReadOnlyList<PanelSeat> seats)
    {
        var declined = plan.Status == PanelMeetingStatus.Scheduled
            ? plan.Responses.Where(r => r.Required && r.Response == AttendeeResponse.Declined).Select(r => NameOf(r.Email, seats)).ToList()
            : [];
        return declined.Count == 0 ? null
            : $"{string.Join(", ", declined)} declined (a required member). Find another time: change the panel or duration if needed and press \"Find times again\", then pick a time to move the meeting.";
    }

    private static string NameOf(string email, IReadOnlyList<PanelSeat> seats)
        => seats.FirstOrDefault(s => string.Equals(s.Person.Email, email, StringComparison.OrdinalIgnoreCase)) is { } seat
            ? $"{seat.Person.DisplayName} ({seat.SitsFor})"
            : "a panel member";

    private static string ResponseText(AttendeeResponse response) => response switch
    {
        AttendeeResponse.Accepted => "Accepted",
        AttendeeResponse.TentativelyAccepted => "Tentative",
        AttendeeResponse.Declined => "Declined",
        AttendeeResponse.Organizer => "Organiser",
        _ => "No answer yet",
    };

    private static MeetingSlot ToSlot(OfferedSlot slot) => new(new TimeRange(slot.Start, slot.End), slot.Unavailable);
}
