namespace ReviewBot.Core.Calendar;

/// <summary>
/// The standing England and Wales bank holidays (Banking and Financial Dealings Act 1971 and the annual
/// proclamations as settled since 1978), with substitute days for holidays that fall at a weekend.
/// One-off holidays (jubilees, state funerals, moved dates) cannot be derived: they come only from the
/// shipped data, so these rules are the fallback for years the data does not cover.
/// </summary>
internal static class BankHolidayRules
{
    private const string SubstituteDay = "Substitute day";

    /// <summary>The rule-based bank holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> For(int year)
    {
        var easter = EasterSunday(year);
        List<BankHoliday> holidays =
        [
            NewYearsDay(year),
            new(easter.AddDays(-2), "Good Friday"),
            new(easter.AddDays(1), "Easter Monday"),
            new(FirstMonday(year, 5), "Early May bank holiday"),
            new(LastMonday(year, 5), "Spring bank holiday"),
            new(LastMonday(year, 8), "Summer bank holiday"),
            .. ChristmasAndBoxingDay(year),
        ];
        return holidays;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100;
        int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static BankHoliday NewYearsDay(int year)
    {
        var day = new DateOnly(year, 1, 1);
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => new(day.AddDays(2), "New Year’s Day", SubstituteDay),
            DayOfWeek.Sunday => new(day.AddDays(1), "New Year’s Day", SubstituteDay),
            _ => new(day, "New Year’s Day"),
        };
    }

    // Christmas and Boxing Day move together: a weekend Christmas pushes Boxing Day's substitute on too.
    private static BankHoliday[] ChristmasAndBoxingDay(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        return christmas.DayOfWeek switch
        {
            DayOfWeek.Saturday =>
            [
                new(christmas.AddDays(2), "Christmas Day", SubstituteDay),
                new(christmas.AddDays(3), "Boxing Day", SubstituteDay),
            ],
            DayOfWeek.Sunday =>
            [
                new(christmas.AddDays(1), "Boxing Day"),
                new(christmas.AddDays(2), "Christmas Day", SubstituteDay),
            ],
            DayOfWeek.Friday =>
            [
                new(christmas, "Christmas Day"),
                new(christmas.AddDays(3), "Boxing Day", SubstituteDay),
            ],
            _ =>
            [
                new(christmas, "Christmas Day"),
                new(christmas.AddDays(1), "Boxing Day"),
            ],
        };
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
