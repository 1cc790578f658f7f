using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;

namespace ReviewBot.Core.Imr;

/// <summary>
/// The deadline entries an open IMR request needs: one per offset before and on the due date, then the next overdue
/// reminder only, counted from the last one sent. A reminder already recorded on the request is never planned again,
/// so after downtime each missed entry is sent once, and overdue reminders do not pile up one per missed interval.
/// </summary>
/// <remarks>Kinds are <c>imr-reminder:{agency}:{due yyyyMMdd}:{step}</c>, step = the offset or <c>overdue{n}</c>; an extension changes the due date and so every kind.</remarks>
public static class ImrReminderPlanner
{
    /// <summary>Kind prefix of IMR reminders.</summary>
    public const string Prefix = "imr-reminder:";

    private const string OverdueStep = "overdue";

    /// <summary>Every IMR reminder the case needs now.</summary>
    public static IEnumerable<Deadline> For(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        return c.Stage != CaseStage.ReviewInitiated
            ? []
            : c.ImrRequests.Where(r => !r.IsSubmitted).SelectMany(r => ForRequest(c, r, board));
    }

    /// <summary>True for an IMR reminder entry.</summary>
    public static bool IsImrReminder(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Kind.StartsWith(Prefix, StringComparison.Ordinal);
    }

    /// <summary>The agency an IMR reminder entry is about.</summary>
    public static string AgencyOf(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Kind.Split(':')[1];
    }

    /// <summary>The key prefix of a request's reminders for its current due date.</summary>
    public static string KeyPrefix(ImrRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{request.AgencyId}:{request.DueOn:yyyyMMdd}:");
    }

    /// <summary>The request's reminders for its current due date as if none had been sent yet (to tell which are superseded).</summary>
    public static IEnumerable<Deadline> Unsent(ReviewCase c, ImrRequest request, BoardConfiguration board)
        => ForRequest(c, request, board, []);

    private static IEnumerable<Deadline> ForRequest(ReviewCase c, ImrRequest request, BoardConfiguration board)
        => ForRequest(c, request, board, request.Reminders);

    private static IEnumerable<Deadline> ForRequest(ReviewCase c, ImrRequest request, BoardConfiguration board, IReadOnlyList<ImrReminder> sent)
        => Schedule(c, board, KeyPrefix(request), request.DueOn, request.DueSetOn > request.CommissionedOn ? request.DueSetOn : request.CommissionedOn, sent);

    /// <summary>
    /// The entries one chased obligation due on <paramref name="dueOn"/> needs, IMR-style: the board's offsets before and
    /// on the due date (only days after <paramref name="setOn"/>, the day the date was set), then the next overdue
    /// reminder, leaving out those already <paramref name="sent"/>. Kinds are <paramref name="keyPrefix"/> + step.
    /// </summary>
    public static IEnumerable<Deadline> Schedule(ReviewCase c, BoardConfiguration board, string keyPrefix, DateOnly dueOn, DateOnly setOn, IReadOnlyList<ImrReminder> sent)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(sent);
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var done = sent.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var dueDay = OnOrBeforeWorkingDay(calendar, dueOn);
        var planned = board.Imr.ReminderOffsetWorkingDays
            .Select(offset => (key: keyPrefix + offset.ToString(CultureInfo.InvariantCulture), day: calendar.AddWorkingDays(dueDay, offset)))
            .Where(r => r.day > setOn)
            .ToList();

        // Only the next overdue reminder: two working days after the due date or the last overdue one actually sent.
        var overdueSent = sent.Where(r => r.Key.StartsWith(keyPrefix + OverdueStep, StringComparison.Ordinal)).ToList();
        var from = overdueSent.Count == 0 ? dueDay : overdueSent.Max(r => r.SentOn);
        planned.Add((keyPrefix + OverdueStep + (overdueSent.Count + 1).ToString(CultureInfo.InvariantCulture),
            calendar.AddWorkingDays(from, Math.Max(1, board.Imr.OverdueEveryWorkingDays))));

        return planned.Where(r => !done.Contains(r.key))
            .Select(r => new Deadline(board.BoardId, c.Reference, r.key, BoardTime.At(board, r.day, board.WorkingHours.DayStart)));
    }

    /// <summary>How far a reminder sent <paramref name="overdueWorkingDays"/> working days after the due date escalates (the board's IMR rule).</summary>
    public static ImrEscalation EscalationFor(int overdueWorkingDays, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return overdueWorkingDays <= 0 ? ImrEscalation.None
            : overdueWorkingDays >= board.Imr.ChairEscalationAfterWorkingDays ? ImrEscalation.Chair
            : ImrEscalation.PanelMember;
    }

    // A due date agreed on a weekend or bank holiday is chased as if due on the working day before (domain.md).
    private static DateOnly OnOrBeforeWorkingDay(WorkingDayCalendar calendar, DateOnly day)
        => calendar.IsWorkingDay(day) ? day : calendar.AddWorkingDays(day, -1);
}
