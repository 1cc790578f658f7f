using System.Globalization;
using System.Text;
using ReviewBot.Core.Calendar;

namespace ReviewBot.Core.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Shipped_data_loads_from_the_embedded_resource_and_covers_2012_to_2030()
    {
        Assert.Equal(2012, Calendar.FirstDataYear);
        Assert.Equal(2030, Calendar.LastDataYear);
        Assert.All(Enumerable.Range(2012, 19), year => Assert.NotEmpty(Calendar.BankHolidaysIn(year)));
    }

    [Fact]
    public void Shipped_data_never_puts_a_bank_holiday_at_a_weekend()
    {
        var weekendDates = Enumerable.Range(Calendar.FirstDataYear, Calendar.LastDataYear - Calendar.FirstDataYear + 1)
            .SelectMany(Calendar.BankHolidaysIn)
            .Where(h => h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Empty(weekendDates);
    }

    public static TheoryData<string, string> OneOffHolidays => new()
    {
        { "2012-06-04", "Spring bank holiday" },
        { "2012-06-05", "Queen’s Diamond Jubilee" },
        { "2020-05-08", "Early May bank holiday (VE day)" },
        { "2022-06-02", "Spring bank holiday" },
        { "2022-06-03", "Platinum Jubilee bank holiday" },
        { "2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II" },
        { "2023-05-08", "Bank holiday for the coronation of King Charles III" },
    };

    [Theory]
    [MemberData(nameof(OneOffHolidays))]
    public void One_off_holiday_is_not_a_working_day(string date, string title)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
        Assert.True(Calendar.IsBankHoliday(D(date)));
        Assert.Contains(Calendar.BankHolidaysIn(D(date).Year), h => h.Date == D(date) && h.Title == title);
    }

    [Theory]
    [InlineData("2012-05-28")] // Spring bank holiday moved to 4 June 2012
    [InlineData("2020-05-04")] // Early May bank holiday moved to Friday 8 May 2020
    [InlineData("2022-05-30")] // Spring bank holiday moved to 2 June 2022
    public void Date_a_one_off_replaced_is_a_working_day(string date)
    {
        Assert.True(Calendar.IsWorkingDay(D(date)));
        Assert.False(Calendar.IsBankHoliday(D(date)));
    }

    [Fact]
    public void Spring_bank_holiday_2012_notes_that_it_moved_from_28_May()
    {
        var moved = Assert.Single(Calendar.BankHolidaysIn(2012), h => h.Date == D("2012-06-04"));
        Assert.Contains("28 May", moved.Notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01-01", "New Year’s Day")]
    [InlineData("2025-04-18", "Good Friday")]
    [InlineData("2025-04-21", "Easter Monday")]
    [InlineData("2025-05-05", "Early May bank holiday")]
    [InlineData("2025-05-26", "Spring bank holiday")]
    [InlineData("2025-08-25", "Summer bank holiday")]
    [InlineData("2025-12-25", "Christmas Day")]
    [InlineData("2025-12-26", "Boxing Day")]
    public void Every_standing_holiday_of_2025_is_a_bank_holiday(string date, string title)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
        Assert.Contains(Calendar.BankHolidaysIn(2025), h => h.Date == D(date) && h.Title == title && h.Notes.Length == 0);
    }

    [Fact]
    public void Year_2025_has_exactly_the_eight_standing_holidays()
        => Assert.Equal(8, Calendar.BankHolidaysIn(2025).Count);

    [Theory]
    [InlineData("2021-12-27", "Christmas Day")] // Christmas on Saturday
    [InlineData("2021-12-28", "Boxing Day")]
    [InlineData("2022-01-03", "New Year’s Day")] // New Year's Day on Saturday
    [InlineData("2022-12-27", "Christmas Day")] // Christmas on Sunday: Boxing Day keeps Monday 26th
    [InlineData("2015-12-28", "Boxing Day")] // Boxing Day on Saturday
    [InlineData("2017-01-02", "New Year’s Day")] // New Year's Day on Sunday
    [InlineData("2027-12-27", "Christmas Day")]
    [InlineData("2027-12-28", "Boxing Day")]
    [InlineData("2028-01-03", "New Year’s Day")]
    public void Substitute_day_is_a_bank_holiday_noted_as_such(string date, string title)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
        Assert.Contains(Calendar.BankHolidaysIn(D(date).Year), h => h.Date == D(date) && h.Title == title && h.Notes == "Substitute day");
    }

    [Theory]
    [InlineData("2021-12-25")]
    [InlineData("2021-12-26")]
    [InlineData("2022-01-01")]
    public void Weekend_day_is_not_a_working_day_and_not_itself_listed(string date)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
        Assert.False(Calendar.IsBankHoliday(D(date)));
    }

    [Theory]
    [InlineData("2025-04-17", 5, "2025-04-28")] // over Good Friday and Easter Monday
    [InlineData("2025-04-17", 15, "2025-05-13")] // ... and the Early May bank holiday
    [InlineData("2025-12-23", 5, "2026-01-02")] // over Christmas, Boxing Day and New Year's Day
    [InlineData("2025-12-23", 15, "2026-01-16")]
    [InlineData("2021-12-24", 5, "2022-01-05")] // over three substitute days
    [InlineData("2022-06-01", 1, "2022-06-06")] // over the 2022 jubilee pair and a weekend
    [InlineData("2025-06-02", 5, "2025-06-09")] // an ordinary week
    [InlineData("2025-06-04", 0, "2025-06-04")] // day 0 is the trigger day
    public void AddWorkingDays_counts_from_day_0(string start, int days, string expected)
        => Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));

    [Theory]
    [InlineData("2025-06-07", 1, "2025-06-09")] // Saturday: day 1 is Monday
    [InlineData("2025-06-07", 0, "2025-06-07")]
    [InlineData("2025-12-25", 1, "2025-12-29")] // Christmas Day: day 1 is the next working day
    public void AddWorkingDays_from_a_day_off_counts_from_that_day(string start, int days, string expected)
        => Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));

    [Theory]
    [InlineData("2025-04-28", -5, "2025-04-17")]
    [InlineData("2026-01-02", -5, "2025-12-23")]
    public void AddWorkingDays_with_a_negative_count_goes_back(string start, int days, string expected)
        => Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));

    [Theory]
    [InlineData("2025-04-17", "2025-04-28", 5)]
    [InlineData("2025-04-28", "2025-04-17", -5)]
    [InlineData("2025-06-04", "2025-06-04", 0)]
    [InlineData("2025-06-06", "2025-06-08", 0)] // Friday to Sunday: no working day after Friday
    [InlineData("2025-06-06", "2025-06-09", 1)]
    [InlineData("2025-12-23", "2026-01-16", 15)]
    public void WorkingDaysBetween_counts_days_after_from_up_to_and_including_to(string from, string to, int expected)
        => Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void WorkingDaysBetween_undoes_AddWorkingDays_for_every_start_day_of_a_year()
    {
        for (var start = D("2022-01-01"); start.Year == 2022; start = start.AddDays(1))
        {
            foreach (var days in new[] { 1, 5, 15 })
            {
                var due = Calendar.AddWorkingDays(start, days);
                Assert.True(Calendar.IsWorkingDay(due), $"{due:yyyy-MM-dd} should be a working day");
                Assert.Equal(days, Calendar.WorkingDaysBetween(start, due));
                Assert.Equal(-days, Calendar.WorkingDaysBetween(due, start));
            }
        }
    }

    [Theory]
    [InlineData("2032-12-27", "Christmas Day")] // Christmas 2032 is a Saturday
    [InlineData("2032-12-28", "Boxing Day")]
    [InlineData("2033-01-03", "New Year’s Day")] // New Year's Day 2033 is a Saturday
    [InlineData("2031-04-11", "Good Friday")]
    [InlineData("2031-04-14", "Easter Monday")]
    [InlineData("2031-05-05", "Early May bank holiday")]
    [InlineData("2031-05-26", "Spring bank holiday")]
    [InlineData("2031-08-25", "Summer bank holiday")]
    [InlineData("2038-04-23", "Good Friday")] // Easter Sunday 25 April 2038
    [InlineData("2011-12-27", "Christmas Day")] // before the data: rules too
    public void Years_outside_the_data_follow_the_rules(string date, string title)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
        Assert.Contains(Calendar.BankHolidaysIn(D(date).Year), h => h.Date == D(date) && h.Title == title);
    }

    [Fact]
    public void AddWorkingDays_in_a_fallback_year_skips_rule_holidays()
        => Assert.Equal(D("2033-01-05"), Calendar.AddWorkingDays(D("2032-12-24"), 5));

    [Fact]
    public void Data_agrees_with_the_rules_in_every_year_except_the_one_offs()
    {
        DateOnly[] added = [.. OneOffHolidays.Select(row => D((string)row[0]))];
        DateOnly[] replaced = [D("2012-05-28"), D("2020-05-04"), D("2022-05-30")];

        for (var year = Calendar.FirstDataYear; year <= Calendar.LastDataYear; year++)
        {
            var fromData = Calendar.BankHolidaysIn(year).Where(h => !added.Contains(h.Date));
            var fromRules = BankHolidayRules.For(year).Where(h => !replaced.Contains(h.Date));
            Assert.Equal(fromRules, fromData);
        }
    }

    [Fact]
    public void Data_lists_each_one_off_and_drops_each_replaced_date_relative_to_the_rules()
    {
        var oneOffYears = new[] { 2012, 2020, 2022, 2023 };
        var extra = oneOffYears.SelectMany(y => Calendar.BankHolidaysIn(y).Select(h => h.Date).Except(BankHolidayRules.For(y).Select(h => h.Date)));
        var dropped = oneOffYears.SelectMany(y => BankHolidayRules.For(y).Select(h => h.Date).Except(Calendar.BankHolidaysIn(y).Select(h => h.Date)));

        Assert.Equal(OneOffHolidays.Select(row => D((string)row[0])), extra.Order());
        Assert.Equal([D("2012-05-28"), D("2020-05-04"), D("2022-05-30")], dropped.Order());
    }

    [Theory]
    [InlineData(2012, "2012-04-08")]
    [InlineData(2013, "2013-03-31")]
    [InlineData(2016, "2016-03-27")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_Sunday_matches_published_dates(int year, string expected)
        => Assert.Equal(D(expected), BankHolidayRules.EasterSunday(year));

    [Fact]
    public void Easter_Sunday_agrees_with_Gauss_algorithm_for_four_centuries()
    {
        for (var year = 1900; year <= 2300; year++)
        {
            Assert.Equal(GaussEasterSunday(year), BankHolidayRules.EasterSunday(year));
        }
    }

    [Fact]
    public void Shipped_Good_Friday_and_Easter_Monday_agree_with_Gauss_algorithm()
    {
        for (var year = Calendar.FirstDataYear; year <= Calendar.LastDataYear; year++)
        {
            var easter = GaussEasterSunday(year);
            Assert.Contains(Calendar.BankHolidaysIn(year), h => h.Title == "Good Friday" && h.Date == easter.AddDays(-2));
            Assert.Contains(Calendar.BankHolidaysIn(year), h => h.Title == "Easter Monday" && h.Date == easter.AddDays(1));
        }
    }

    [Theory]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2025-01-31", 1, "2025-02-28")]
    [InlineData("2025-03-15", 1, "2025-04-15")]
    [InlineData("2025-12-25", 1, "2026-01-25")] // a Sunday: calendar months do not skip days off
    public void AddCalendarMonths_uses_AddMonths_semantics(string start, int months, string expected)
        => Assert.Equal(D(expected), WorkingDayCalendar.AddCalendarMonths(D(start), months));

    [Fact]
    public void Load_rejects_another_division()
    {
        var json = """{"division":"scotland","events":[{"title":"St Andrew’s Day","date":"2025-12-01","notes":"","bunting":true}]}""";
        Assert.Throws<InvalidDataException>(() => WorkingDayCalendar.Load(Stream(json)));
    }

    [Fact]
    public void Load_rejects_a_date_listed_twice()
    {
        var json = """{"division":"england-and-wales","events":[{"title":"A","date":"2025-12-25"},{"title":"B","date":"2025-12-25"}]}""";
        Assert.Throws<InvalidDataException>(() => WorkingDayCalendar.Load(Stream(json)));
    }

    [Fact]
    public void Load_rejects_a_gap_year_in_the_data()
    {
        var json = """{"division":"england-and-wales","events":[{"title":"A","date":"2024-12-25"},{"title":"B","date":"2026-12-25"}]}""";
        Assert.Throws<InvalidDataException>(() => WorkingDayCalendar.Load(Stream(json)));
    }

    [Fact]
    public void Load_reads_a_gov_uk_shaped_division_and_falls_back_to_rules_outside_it()
    {
        var json = """{"division":"england-and-wales","events":[{"title":"Made-up holiday","date":"2025-06-04","notes":"","bunting":true}]}""";
        var calendar = WorkingDayCalendar.Load(Stream(json));

        Assert.False(calendar.IsWorkingDay(D("2025-06-04")));
        Assert.True(calendar.IsWorkingDay(D("2025-12-25"))); // the data is the whole truth for its years
        Assert.False(calendar.IsWorkingDay(D("2026-12-25")));
    }

    private static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));

    // Gauss's Easter algorithm with its two exceptions: independent of the Meeus/Jones/Butcher code under test.
    private static DateOnly GaussEasterSunday(int year)
    {
        int a = year % 19, b = year % 4, c = year % 7;
        int k = year / 100, p = ((13 + (8 * k)) / 25), q = k / 4;
        int m = (15 - p + k - q) % 30, n = (4 + k - q) % 7;
        int d = ((19 * a) + m) % 30;
        int e = ((2 * b) + (4 * c) + (6 * d) + n) % 7;
        if (d == 29 && e == 6)
        {
            return new DateOnly(year, 4, 19);
        }

        if (d == 28 && e == 6 && ((11 * m) + 11) % 30 < 19)
        {
            return new DateOnly(year, 4, 18);
        }

        return new DateOnly(year, 3, 22).AddDays(d + e);
    }
}
