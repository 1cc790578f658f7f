namespace ReviewBot.Core.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday less bank holidays (shipped as data from the
/// gov.uk feed, with a rule-based fallback for years beyond it). The trigger day is day 0.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The England and Wales calendar.</summary>
    public static WorkingDayCalendar EnglandAndWales => throw new NotImplementedException("calendar helper");

    /// <summary>True for a weekday that is not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly date) => throw new NotImplementedException("calendar helper");

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (day 0).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays) => throw new NotImplementedException("calendar helper");

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => throw new NotImplementedException("calendar helper");
}
