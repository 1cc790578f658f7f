using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;

namespace ReviewBot.Core.Decisions;

/// <summary>The notification tasks the sources set on every case: Ofsted at referral, and Ofsted and the national panel at every decision.</summary>
public static class StatutoryTasks
{
    /// <summary>Task id of the serious incident notification to Ofsted (SCR).</summary>
    public const string OfstedIncidentNotification = "notify-ofsted-incident";

    /// <summary>What a decision not to initiate records about the national panel (no source sets a deadline).</summary>
    public const string DeclineScrutiny =
        "The national panel may scrutinise this decision not to initiate a serious case review: the board gives it information on request, and the chair may be asked to attend (Enfield ESCB procedure Appendix 2).";

    /// <summary>
    /// SCR: notify Ofsted of the serious incident as soon as it is known, by the Chair, on Ofsted's serious
    /// incident notification form (Enfield 4.1). Due by the end of the day the referral arrives (the next
    /// working day when it arrives on a weekend or bank holiday).
    /// </summary>
    public static FollowUpTask OfstedIncident(BoardConfiguration board, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.IsWorkingDay(today) ? today : calendar.AddWorkingDays(today, 1);
        return new FollowUpTask(
            OfstedIncidentNotification,
            "Notify Ofsted of the serious incident as soon as it is known, on Ofsted's serious incident notification form (Enfield ESCB procedure 4.1)",
            board.IncidentNotificationOwner,
            EndOfWorkingDay(board, due));
    }

    /// <summary>Tell each of the board's decision recipients (Ofsted, the national panel) of a decision, whichever way it went (SCR: Enfield 3.4, Appendix 2).</summary>
    public static IEnumerable<TaskTemplate> DecisionNotifications(BoardConfiguration board, ChairDecisionKind kind, RulebookKind rulebook)
    {
        ArgumentNullException.ThrowIfNull(board);
        var what = kind == ChairDecisionKind.Approve ? "the decision to initiate a review" : "the decision not to initiate a review";
        var source = rulebook == RulebookKind.Cspr
            ? SourceCitations.WorkingTogether2018Reviews
            : "Enfield ESCB procedure 3.4 and Appendix 2";
        return board.DecisionNotificationRecipients.Select(recipient =>
            new TaskTemplate($"notify-{Slug(recipient)}", $"Notify {recipient} of {what} ({source})", board.DecisionNotificationOwner, 1));
    }

    /// <summary>The end of the board's working day on <paramref name="day"/>.</summary>
    public static DateTimeOffset EndOfWorkingDay(BoardConfiguration board, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(board);
        return BoardTime.At(board, day, board.WorkingHours.DayEnd);
    }

    private static string Slug(string text)
        => string.Concat(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
