using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Scheduling;

namespace ReviewBot.Core.Meetings;

/// <summary>Someone who may sit on the panel (or come to the learning event).</summary>
/// <param name="Person">The board person.</param>
/// <param name="SitsFor">Their agency's name, or their standing role in words.</param>
/// <param name="AgencyId">The agency they represent, when they sit for one.</param>
/// <param name="InvitedByDefault">True for the agencies involved and the standing members.</param>
public sealed record PanelSeat(BoardPerson Person, string SitsFor, string? AgencyId, bool InvitedByDefault);

/// <summary>
/// Who sits on an extraordinary panel meeting and when it must happen (Enfield Appendix 4 step 2: all relevant
/// agencies; Enfield 3.9: the standing members). Pure: the host reads calendars and carries the results back.
/// </summary>
public static class PanelPlanner
{
    /// <summary>The meeting's length unless the business manager changes it.</summary>
    public const int DefaultDurationMinutes = 90;

    /// <summary>Lengths the card offers.</summary>
    public static readonly IReadOnlyList<int> Durations = [60, 90, 120, 180];

    /// <summary>Used when the case has no running decision clock.</summary>
    public const int DefaultLeadWorkingDays = 15;

    /// <summary>How far past the deadline "Look further ahead" goes, and how far the next window is looked for.</summary>
    public static readonly TimeSpan FurtherAhead = TimeSpan.FromDays(28);

    /// <summary>
    /// Agency members (panel or sub-group members who represent an agency; invited when the referral names their
    /// agency), then the standing members (business manager, sub-group chair, panel members for no agency).
    /// </summary>
    public static IReadOnlyList<PanelSeat> Seats(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var involved = InvolvedAgencyIds(c, board);
        var seats = new List<PanelSeat>();
        foreach (var person in board.People.Where(p => p.AgencyId is not null && p.Roles.Any(r => r is BoardRole.PanelMember or BoardRole.SubGroupMember)))
        {
            var agency = board.Agencies.FirstOrDefault(a => a.Id == person.AgencyId);
            seats.Add(new PanelSeat(person, agency?.Name ?? person.AgencyId!, person.AgencyId, involved.Contains(person.AgencyId!)));
        }

        foreach (var person in board.People.Where(p => seats.All(s => s.Person.ObjectId != p.ObjectId)))
        {
            var standing = person.Roles.Contains(BoardRole.BusinessManager) ? "business manager"
                : person.Roles.Contains(BoardRole.SubGroupChair) ? "sub-group chair"
                : person.Roles.Contains(BoardRole.PanelMember) && person.AgencyId is null ? "panel member"
                : null;
            if (standing is not null)
            {
                seats.Add(new PanelSeat(person, standing, null, true));
            }
        }

        return seats;
    }

    /// <summary>Who may be invited to <paramref name="meeting"/>: the panel for a panel meeting, the learning event's own list for that.</summary>
    public static IReadOnlyList<PanelSeat> Seats(ReviewCase c, PanelMeeting meeting, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return PanelMeetingKinds.Purpose(meeting) == MeetingPurpose.ShareLearning ? LearningEventSeats(c, board) : Seats(c, board);
    }

    /// <summary>
    /// The learning event's invitees, each once: every agency's panel member (the agencies asked to disseminate the
    /// learning, with an IMR or an action), the lead reviewer, the board chair and the business manager (board people).
    /// </summary>
    public static IReadOnlyList<PanelSeat> LearningEventSeats(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var disseminations = c.Learning?.Disseminations ?? [];
        var agencies = disseminations.Select(d => d.AgencyId).Concat(c.ImrRequests.Select(r => r.AgencyId))
            .Concat((c.ActionPlan?.Items ?? []).Select(i => i.AgencyId)).Distinct(StringComparer.Ordinal);
        var seats = new List<PanelSeat>();
        foreach (var agencyId in agencies)
        {
            var member = board.FindPerson(disseminations.FirstOrDefault(d => d.AgencyId == agencyId)?.PanelMemberObjectId) ?? Imr.ImrCommissioning.PanelMemberOf(board, agencyId);
            if (member is not null)
            {
                seats.Add(new PanelSeat(member, board.Agencies.FirstOrDefault(a => a.Id == agencyId)?.Name ?? agencyId, agencyId, true));
            }
        }

        var lead = board.FindPerson(c.Review?.LeadReviewer.ObjectId);
        var standing = (lead is null ? [] : new[] { (Person: lead, SitsFor: c.Rulebook == RulebookKind.Cspr ? "reviewer" : "lead reviewer") })
            .Concat(board.PeopleIn(BoardRole.BoardChair).Select(p => (Person: p, SitsFor: "board chair")))
            .Concat(board.PeopleIn(BoardRole.BusinessManager).Select(p => (Person: p, SitsFor: "business manager")));
        seats.AddRange(standing.Select(s => new PanelSeat(s.Person, s.SitsFor, null, true)));
        return [.. seats.DistinctBy(s => s.Person.ObjectId, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The board agency ids the referral names (by id, or by name when typed).</summary>
    public static IReadOnlySet<string> InvolvedAgencyIds(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        return c.Referral.Agencies
            .Select(a => a.AgencyId ?? board.Agencies.FirstOrDefault(b => string.Equals(b.Name, a.Name, StringComparison.OrdinalIgnoreCase))?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The meeting must end by the end of the working day the chair's decision is due (SCR), or the rapid
    /// review is due (CSPR); otherwise <see cref="DefaultLeadWorkingDays"/> working days from today.
    /// </summary>
    public static DateTimeOffset Deadline(ReviewCase c, BoardConfiguration board, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(calendar);
        var due = c.Clocks.LastOrDefault(k => k.Kind is ClockKinds.ChairDecision or ClockKinds.RapidReview && k.CompletedAt is null)?.DueOn
            ?? calendar.AddWorkingDays(today, DefaultLeadWorkingDays);
        return BoardTime.At(board, due, board.WorkingHours.DayEnd);
    }

    /// <summary>A new extraordinary meeting's plan: the default panel, the default length, the deadline.</summary>
    public static PanelMeetingPlan NewPlan(ReviewCase c, BoardConfiguration board, DateOnly today, WorkingDayCalendar calendar)
        => NewPlan(c, new PanelMeeting(string.Empty, PanelMeetingKinds.Extraordinary), board, today, calendar);

    /// <summary>
    /// A new plan for <paramref name="meeting"/>: its default invitees and length, and its deadline (a meeting of the
    /// review's stages: the stage's due date, but never sooner than <see cref="DefaultLeadWorkingDays"/> working days).
    /// </summary>
    public static PanelMeetingPlan NewPlan(ReviewCase c, PanelMeeting meeting, BoardConfiguration board, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(calendar);
        var deadline = PanelMeetingKinds.Purpose(meeting) == MeetingPurpose.ConsiderReferral ? Deadline(c, board, today, calendar)
            : BoardTime.At(board, Later(c.Review?.StageDueOn, calendar.AddWorkingDays(today, DefaultLeadWorkingDays)), board.WorkingHours.DayEnd);
        return new()
        {
            Panel = [.. Seats(c, meeting, board).Where(s => s.InvitedByDefault).Select(s => s.Person.ObjectId)],
            Deadline = deadline,
        };
    }

    /// <summary>What the slot search looks at: the panel's mailboxes, from now to the deadline (or further), with a next window after it.</summary>
    public static (IReadOnlyList<string> Mailboxes, DateTimeOffset NotBefore, DateTimeOffset Deadline, DateTimeOffset SearchUntil) SearchFor(
        PanelMeetingPlan plan, BoardConfiguration board, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var deadline = plan.LookFurther ? plan.Deadline + FurtherAhead : plan.Deadline;
        var mailboxes = Attendees(plan, board).Select(a => a.Email).ToList();
        return (mailboxes, now, deadline, deadline + FurtherAhead);
    }

    /// <summary>The invitees with a mailbox, all required.</summary>
    public static IReadOnlyList<PanelAttendee> Attendees(PanelMeetingPlan plan, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(board);
        return [.. plan.Panel.Select(board.FindPerson).OfType<BoardPerson>().Where(p => !string.IsNullOrWhiteSpace(p.Email))
            .Select(p => new PanelAttendee(p.Email!, p.DisplayName, Required: true))];
    }

    /// <summary>The agency members invited: each is asked in Teams for its agency's part before the meeting.</summary>
    public static IReadOnlyList<PanelSeat> AgencyMembers(ReviewCase c, PanelMeeting meeting, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var panel = meeting.Plan?.Panel ?? [];
        return [.. Seats(c, meeting, board).Where(s => s.AgencyId is not null && panel.Contains(s.Person.ObjectId, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>The invite: subject with the case reference and the meeting's name (never the child's name), the agenda for its kind.</summary>
    public static PanelInvite Invite(ReviewCase c, PanelMeeting meeting, BoardConfiguration board, DateOnly reportsDueOn)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(board);
        var plan = meeting.Plan ?? throw new InvalidOperationException($"{c.Reference}: the meeting has no plan.");
        var picked = plan.Picked ?? throw new InvalidOperationException($"{c.Reference}: no time picked for the panel meeting.");
        var purpose = PanelMeetingKinds.Purpose(meeting);
        var agencies = purpose == MeetingPurpose.ConsiderReferral
            ? c.Referral.Agencies.Select(a => board.Agencies.FirstOrDefault(b => b.Id == a.AgencyId)?.Name ?? a.Name).ToList()
            : AgencyMembers(c, meeting, board).Select(s => s.SitsFor).Distinct(StringComparer.Ordinal).ToList();
        var name = PanelMeetingKinds.NameOf(c, meeting);
        var text = PanelMeetingInviteComposer.Compose(c.Reference, c.Rulebook == RulebookKind.Cspr ? "local CSPR" : "SCR", name,
            [.. agencies.Select(a => new AgencyContribution(a, AgencyContributionKind.ShortReport))], reportsDueOn);
        return new PanelInvite(text.Subject, text.HtmlBody, new TimeRange(picked.Start, picked.End), board.WorkingHours.TimeZoneId,
            Attendees(plan, board), TransactionId(board, meeting.Id));
    }

    /// <summary>One id per meeting the case asks for, so a retried create makes one event.</summary>
    public static string TransactionId(BoardConfiguration board, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(board);
        return $"reviewbot-{board.BoardId}-{meetingId}";
    }

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;

    /// <summary>When reports are due for a meeting on <paramref name="meetingDay"/>: never before today.</summary>
    public static DateOnly ReportsDueOn(DateOnly meetingDay, DateOnly today, WorkingDayCalendar calendar)
    {
        var due = PanelMeetingInviteComposer.ReportsDueBy(meetingDay, calendar);
        return due < today ? today : due;
    }
}
