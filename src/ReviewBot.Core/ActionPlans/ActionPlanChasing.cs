using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Imr;
using ReviewBot.Core.Ports;

namespace ReviewBot.Core.ActionPlans;

/// <summary>
/// Chases open action-plan items and learning dissemination tasks exactly as IMRs are chased (the board's IMR
/// offsets on working days, the next overdue reminder only, escalation to the agency's panel member then the chair):
/// the schedule is <see cref="ImrReminderPlanner.Schedule"/>; a claimed entry becomes one audited case change whose
/// messages are outbox effects, and an entry already recorded (or no longer needed) changes nothing.
/// </summary>
/// <remarks>Kinds: <c>action-reminder:{item}:{due yyyyMMdd}:{step}</c> and <c>learning-reminder:{agency}:{due yyyyMMdd}:{step}</c>.</remarks>
public static class ActionPlanChasing
{
    /// <summary>Kind prefix of an action item's reminders.</summary>
    public const string ActionPrefix = "action-reminder:";

    /// <summary>Kind prefix of an agency's dissemination reminders.</summary>
    public const string LearningPrefix = "learning-reminder:";

    /// <summary>Every action-plan and dissemination reminder the case needs now.</summary>
    public static IEnumerable<Deadline> For(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        return !ActionPlanStages.IsUnderWay(c.Stage)
            ? []
            : Chased(c, board).SelectMany(o => ImrReminderPlanner.Schedule(c, board, o.KeyPrefix, o.DueOn, o.SetOn, o.Reminders));
    }

    /// <summary>True for an entry this class plans.</summary>
    public static bool Handles(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Kind.StartsWith(ActionPrefix, StringComparison.Ordinal) || deadline.Kind.StartsWith(LearningPrefix, StringComparison.Ordinal);
    }

    /// <summary>The change that records and sends the reminder, or null when there is nothing to send.</summary>
    public static CaseChange? Record(ReviewCase c, Deadline deadline, BoardConfiguration board, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(calendar);
        var owed = Chased(c, board).FirstOrDefault(o => deadline.Kind.StartsWith(o.KeyPrefix, StringComparison.Ordinal));
        if (owed is null || !For(c, board).Contains(deadline))
        {
            return null; // completed, confirmed, moved or already recorded meanwhile
        }

        var today = BoardTime.Today(board, now);
        var overdue = today > owed.DueOn ? calendar.WorkingDaysBetween(owed.DueOn, today) : 0;
        var escalation = ImrReminderPlanner.EscalationFor(overdue, board);
        var recipients = ImrChasing.Recipients(c, owed.FirstRecipient, owed.PanelMember, escalation);
        var updated = owed.Record(c, new ImrReminder(deadline.Kind, today, overdue, recipients, escalation));
        var auditEvent = new CaseEvent
        {
            Case = c.Reference,
            Action = (owed.IsAction ? "Action" : "Dissemination") + (escalation == ImrEscalation.None ? "ReminderSent" : "Escalated"),
            ActorObjectId = ImrChasing.SweepActor,
            At = now,
            StageBefore = c.Stage,
            StageAfter = c.Stage,
            Detail = string.Create(CultureInfo.InvariantCulture, $"{deadline.Kind}:overdue={overdue}:escalation={escalation}:{recipients.Count}"),
        };
        return new CaseChange(updated, auditEvent) { Effects = CaseEffects.ForChange(c, updated, board) };
    }

    private static IEnumerable<Obligation> Chased(ReviewCase c, BoardConfiguration board)
    {
        foreach (var item in (c.ActionPlan?.Items ?? []).Where(i => !i.IsComplete))
        {
            yield return new Obligation(
                Prefix(ActionPrefix, item.Id, item.DueOn), item.DueOn, item.DueSetOn > item.AddedOn ? item.DueSetOn : item.AddedOn, item.Reminders,
                item.OwnerObjectId, ImrCommissioning.PanelMemberOf(board, item.AgencyId)?.ObjectId, IsAction: true,
                (latest, reminder) => latest with { ActionPlan = latest.ActionPlan! with { Items = [.. latest.ActionPlan.Items.Select(i => i.Id == item.Id ? i with { Reminders = [.. i.Reminders, reminder] } : i)] } });
        }

        foreach (var task in (c.Learning?.Disseminations ?? []).Where(d => !d.IsConfirmed))
        {
            yield return new Obligation(
                Prefix(LearningPrefix, task.AgencyId, task.DueOn), task.DueOn, task.SetOn, task.Reminders,
                null, task.PanelMemberObjectId, IsAction: false,
                (latest, reminder) => latest with { Learning = latest.Learning! with { Disseminations = [.. latest.Learning.Disseminations.Select(d => d.AgencyId == task.AgencyId ? d with { Reminders = [.. d.Reminders, reminder] } : d)] } });
        }
    }

    private static string Prefix(string kind, string id, DateOnly dueOn) => string.Create(CultureInfo.InvariantCulture, $"{kind}{id}:{dueOn:yyyyMMdd}:");

    private sealed record Obligation(
        string KeyPrefix, DateOnly DueOn, DateOnly SetOn, IReadOnlyList<ImrReminder> Reminders, string? FirstRecipient, string? PanelMember, bool IsAction,
        Func<ReviewCase, ImrReminder, ReviewCase> Record);
}
