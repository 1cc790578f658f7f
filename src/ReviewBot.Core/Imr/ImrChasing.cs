using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Ports;

namespace ReviewBot.Core.Imr;

/// <summary>
/// Turns a claimed IMR deadline entry into a case change: the reminder is recorded on the request with its audit
/// event, and the mails and Teams messages it sends are outbox effects in the same conditional write. Recording is
/// idempotent (an entry already recorded, or no longer planned, changes nothing), so a sweep that dies after its
/// claim and is retried by another instance sends nothing twice.
/// </summary>
public static class ImrChasing
{
    /// <summary>The sweep's actor id in the audit trail.</summary>
    public const string SweepActor = "deadline-sweep";

    /// <summary>The change that sends the reminder, or null when there is nothing to send.</summary>
    public static CaseChange? Record(ReviewCase c, Deadline deadline, BoardConfiguration board, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(calendar);
        var planned = ImrReminderPlanner.For(c, board).ToList();
        if (!planned.Contains(deadline))
        {
            return null; // submitted, extended or already recorded meanwhile
        }

        var agency = ImrReminderPlanner.AgencyOf(deadline);
        var request = c.ImrRequests.First(r => r.AgencyId == agency);
        var today = BoardTime.Today(board, now);
        var overdue = today > request.DueOn ? calendar.WorkingDaysBetween(request.DueOn, today) : 0;
        var escalation = ImrReminderPlanner.EscalationFor(overdue, board);

        // After downtime several of a request's reminders are due at once: only the latest goes out (with today's
        // overdue count); the earlier ones are recorded as superseded so they are never planned again.
        // Whatever order the due entries are handled in (a sweep killed half-way, two instances), a later due one,
        // sent already or not, supersedes this one.
        var superseded = planned.Concat(ImrReminderPlanner.Unsent(c, request, board))
            .Any(d => d.DueAt <= now && d.DueAt > deadline.DueAt && ImrReminderPlanner.AgencyOf(d) == agency);
        var recipients = superseded ? [] : Recipients(c, request, escalation);
        var reminder = new ImrReminder(deadline.Kind, today, overdue, recipients, superseded ? ImrEscalation.None : escalation) { Superseded = superseded };
        var updated = c with
        {
            ImrRequests = [.. c.ImrRequests.Select(r => ReferenceEquals(r, request) ? r with { Reminders = [.. r.Reminders, reminder] } : r)],
        };
        var auditEvent = new CaseEvent
        {
            Case = c.Reference,
            Action = superseded ? "ImrReminderSuperseded" : escalation == ImrEscalation.None ? "ImrReminderSent" : "ImrEscalated",
            ActorObjectId = SweepActor,
            At = now,
            StageBefore = c.Stage,
            StageAfter = c.Stage,
            Detail = string.Create(CultureInfo.InvariantCulture, $"{deadline.Kind}:overdue={overdue}:to={(superseded ? "none" : string.Join('+', Roles(escalation)))}:{recipients.Count}"),
        };
        return new CaseChange(updated, auditEvent) { Effects = CaseEffects.ForChange(c, updated, board) };
    }

    // The author (or, with none named yet, the panel member), then the panel member once overdue, then the chair.
    private static IReadOnlyList<string> Recipients(ReviewCase c, ImrRequest request, ImrEscalation escalation)
        => Recipients(c, request.AuthorObjectId, request.PanelMemberObjectId, escalation);

    /// <summary>Who a chased reminder goes to: <paramref name="first"/> (or the panel member), the panel member once overdue, then the board chair.</summary>
    public static IReadOnlyList<string> Recipients(ReviewCase c, string? first, string? panelMember, ImrEscalation escalation)
    {
        ArgumentNullException.ThrowIfNull(c);
        var people = new List<string?> { first ?? panelMember };
        if (escalation >= ImrEscalation.PanelMember)
        {
            people.Add(panelMember);
        }

        if (escalation >= ImrEscalation.Chair)
        {
            people.AddRange(c.PartiesIn(BoardRole.BoardChair).Select(p => p.ObjectId));
        }

        return [.. people.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static IEnumerable<string> Roles(ImrEscalation escalation) => escalation switch
    {
        ImrEscalation.Chair => ["author", "panel-member", "chair"],
        ImrEscalation.PanelMember => ["author", "panel-member"],
        _ => ["author"],
    };
}
