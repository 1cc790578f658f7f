using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Scheduling;

namespace ReviewBot.Core.Meetings;

/// <summary>Someone who may sit on the extraordinary panel.</summary>
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

    /// <summary>A new meeting's plan: the default panel, the default length, the deadline.</summary>
    public static PanelMeetingPlan NewPlan(ReviewCase c, BoardConfiguration board, DateOnly today, WorkingDayCalendar calendar) => new()
    {
        Panel = [.. Seats(c, board).Where(s => s.InvitedByDefault).Select(s => s.Person.ObjectId)],
        Deadline = Deadline(c, board, today, calendar),
    };

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

    /// <summary>The agency members on the panel: each is asked for its agency's report before the meeting.</summary>
    public static IReadOnlyList<PanelSeat> AgencyMembers(ReviewCase c, PanelMeetingPlan plan, BoardConfiguration board)
        => [.. Seats(c, board).Where(s => s.AgencyId is not null && plan.Panel.Contains(s.Person.ObjectId, StringComparer.OrdinalIgnoreCase))];

    /// <summary>The invite: subject with the case reference (never the child's name), the agenda with what each agency brings.</summary>
    public static PanelInvite Invite(ReviewCase c, PanelMeetingPlan plan, BoardConfiguration board, string meetingId, DateOnly reportsDueOn)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(plan);
        var picked = plan.Picked ?? throw new InvalidOperationException($"{c.Reference}: no time picked for the panel meeting.");
        var agencies = c.Referral.Agencies.Select(a => new AgencyContribution(
            board.Agencies.FirstOrDefault(b => b.Id == a.AgencyId)?.Name ?? a.Name, AgencyContributionKind.ShortReport)).ToList();
        var text = PanelMeetingInviteComposer.Compose(c.Reference, c.Rulebook == RulebookKind.Cspr ? "local CSPR" : "SCR", agencies, reportsDueOn);
        return new PanelInvite(text.Subject, text.HtmlBody, new TimeRange(picked.Start, picked.End), board.WorkingHours.TimeZoneId,
            Attendees(plan, board), TransactionId(board, meetingId));
    }

    /// <summary>One id per meeting the case asks for, so a retried create makes one event.</summary>
    public static string TransactionId(BoardConfiguration board, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(board);
        return $"reviewbot-{board.BoardId}-{meetingId}";
    }

    /// <summary>When reports are due for a meeting on <paramref name="meetingDay"/>: never before today.</summary>
    public static DateOnly ReportsDueOn(DateOnly meetingDay, DateOnly today, WorkingDayCalendar calendar)
    {
        var due = PanelMeetingInviteComposer.ReportsDueBy(meetingDay, calendar);
        return due < today ? today : due;
    }
}
