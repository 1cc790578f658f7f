using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;

namespace ReviewBot.Core.Deadlines;

/// <summary>
/// The SCR clocks counted in calendar months (the chair's decision, the review's completion), each with the
/// rule and source people see. Every calendar-month clock follows one rule: a due date that falls on a
/// weekend or bank holiday moves to the working day before it, so the obligation is met on a day people work.
/// </summary>
public static class StatutoryClocks
{
    private const string WeekendRule = "a due date on a weekend or bank holiday moves to the working day before";

    /// <summary>
    /// <paramref name="months"/> calendar months after <paramref name="start"/> (31 January + 1 month =
    /// 28 or 29 February), moved back to the working day before when it is not a working day.
    /// </summary>
    public static DateOnly CalendarMonthsDue(DateOnly start, int months, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = WorkingDayCalendar.AddCalendarMonths(start, months);
        while (!calendar.IsWorkingDay(due))
        {
            due = due.AddDays(-1);
        }

        return due;
    }

    /// <summary>
    /// The chair's decision within one month, from <paramref name="start"/> (the day the referral reached the
    /// board, or the chair, as the board counts). Asking for more information never restarts it.
    /// </summary>
    public static CaseClock ChairDecision(DateOnly start, DecisionClockStart basis, WorkingDayCalendar calendar)
    {
        var from = basis == DecisionClockStart.ReferralReachesChair
            ? "the case coming to the attention of the chair (Enfield ESCB procedure 4.2; this board counts from the chair)"
            : "the referral reaching the board (Enfield ESCB procedure Appendix 2, quoting Working Together 2013: \"within one month of notification of the incident\")";
        return new CaseClock(
            ClockKinds.ChairDecision,
            start,
            CalendarMonthsDue(start, 1, calendar),
            $"The chair decides within one month of {from}; {WeekendRule}. Asking for more information does not restart it.");
    }

    /// <summary>The review's completion within 6 months of <paramref name="start"/> (the Ofsted notification, or initiation, as the board counts).</summary>
    public static CaseClock ReviewCompletion(DateOnly start, CompletionClockStart basis, WorkingDayCalendar calendar)
    {
        var rule = basis == CompletionClockStart.Initiation
            ? $"Complete the review within six months of initiating it ({SourceCitations.WorkingTogether2013SeriousCaseReviews}; this board counts from initiation)"
            : "Complete the review within 6 months of the notification to Ofsted, unless an alternative timescale is agreed (Enfield ESCB procedure 4.4)";
        return new CaseClock(ClockKinds.ReviewCompletion, start, CalendarMonthsDue(start, 6, calendar), $"{rule}; {WeekendRule}. Extensions are recorded with the reason, the new date and who agreed.");
    }
}
