using ReviewBot.Core.Dates;

namespace ReviewBot.Core.Tests.Dates;

public class UkDateParserTests
{
    /// <summary>Wednesday 18 March 2026.</summary>
    private static readonly DateOnly Today = new(2026, 3, 18);

    public static TheoryData<string, string> ReadableDates => new()
    {
        // Day first, numeric.
        { "3/2/2026", "2026-02-03" },
        { "03-02-2026", "2026-02-03" },
        { "3.2.2026", "2026-02-03" },
        { "3 / 2 / 2026", "2026-02-03" },
        { "14/02/2026", "2026-02-14" },
        { "31/12/2025", "2025-12-31" },
        { "29/2/2024", "2024-02-29" },
        // Two-digit years: 00..26 are 20xx in 2026, later ones 19xx.
        { "3.2.26", "2026-02-03" },
        { "3/2/00", "2000-02-03" },
        { "3/2/10", "2010-02-03" },
        { "3/2/27", "1927-02-03" },
        { "3/2/99", "1999-02-03" },
        // ISO, year first.
        { "2026-02-03", "2026-02-03" },
        { "2026/2/3", "2026-02-03" },
        // Month in words.
        { "3 Feb 2026", "2026-02-03" },
        { "3rd February 2026", "2026-02-03" },
        { "3rd of February, 2026", "2026-02-03" },
        { "February 3, 2026", "2026-02-03" },
        { "feb 3rd 2026", "2026-02-03" },
        { "3-Feb-2026", "2026-02-03" },
        { "3 Feb 26", "2026-02-03" },
        { "3 sept 2025", "2025-09-03" },
        { "Febuary 3 2026", "2026-02-03" },
        { "1st Janaury 2026", "2026-01-01" },
        { "Tuesday 3 February 2026", "2026-02-03" },
        // No year: the most recent such date not after today.
        { "14 Feb", "2026-02-14" },
        { "February 14", "2026-02-14" },
        { "14/2", "2026-02-14" },
        { "18 March", "2026-03-18" },
        { "19 March", "2025-03-19" },
        { "14 Dec", "2025-12-14" },
        { "29 Feb", "2024-02-29" },
        // Words for days.
        { "today", "2026-03-18" },
        { "yesterday", "2026-03-17" },
        { "  YESTERDAY!  ", "2026-03-17" },
        { "Yesterday.", "2026-03-17" },
        { "last night", "2026-03-17" },
        { "the day before yesterday", "2026-03-16" },
        { "last Tuesday", "2026-03-17" },
        { "last wednesday", "2026-03-11" },
        { "last Thursday", "2026-03-12" },
        { "Wednesday", "2026-03-18" },
        { "tuesday", "2026-03-17" },
        { "on Monday", "2026-03-16" },
        { "last fri", "2026-03-13" },
        { "2 days ago", "2026-03-16" },
        { "a day ago", "2026-03-17" },
        { "a week ago", "2026-03-11" },
        { "two weeks ago", "2026-03-04" },
        { "a fortnight ago", "2026-03-04" },
        { "a month ago", "2026-02-18" },
        { "3 months ago", "2025-12-18" },
        { "a year ago", "2025-03-18" },
    };

    [Theory]
    [MemberData(nameof(ReadableDates))]
    public void Reads_dates_as_people_in_england_type_them(string text, string expected)
    {
        var result = UkDateParser.Parse(text, Today);

        Assert.Null(result.Problem);
        Assert.True(result.Succeeded);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Date);
    }

    public static TheoryData<string?, string> Unreadable => new()
    {
        { "31/2/2026", "There is no 31 February 2026." },
        { "29/2/2025", "There is no 29 February 2025 (2025 is not a leap year)." },
        { "31 April 2026", "There is no 31 April 2026." },
        { "32/1/2026", "There is no 32 January 2026." },
        { "31 April", "There is no 31 April." },
        { "30 Feb", "There is no 30 February." },
        { "12/25/2026", "I read dates day first (day/month/year), and there is no month 25. Did you mean 25/12/2026?" },
        { "12/25", "I read dates day first (day/month/year), and there is no month 25. Did you mean 25/12?" },
        { "31/13/2026", "There is no month 13. I read dates day first (day/month/year). Try something like 14/02/2026." },
        { "13/13/2026", "There is no month 13. I read dates day first (day/month/year). Try something like 14/02/2026." },
        { "0/3/2026", "There is no day 0 in a month. Try something like 14/02/2026." },
        { "2026-13-01", "There is no month 13. I read dates day first (day/month/year). Try something like 14/02/2026." },
        { "3/2/202", "I couldn't read the year in that date. Try something like 14/02/2026." },
        { "3/2/1850", "The year 1850 doesn't look right. Try something like 14/02/2026." },
        { "February 2026", "Which day in February 2026? Try something like 14/02/2026." },
        { "Monday 3 February 2026", "3 February 2026 was a Tuesday, not a Monday. Which did you mean? Try something like 14/02/2026." },
        { "last week", "I need the exact day. Try something like 'last Tuesday' or 14/02/2026." },
        { "999999 days ago", "That is too long ago for me to work out. Try something like 14/02/2026." },
        { "banana", UkDateParser.CouldNotRead },
        { "I prefer tea", UkDateParser.CouldNotRead },
        { "14", UkDateParser.CouldNotRead },
        { "1/2/3/4", UkDateParser.CouldNotRead },
        { "03022026", UkDateParser.CouldNotRead },
        { "jule 3", UkDateParser.CouldNotRead },
        { "", "Please type a date, for example 14/02/2026 or 'yesterday'." },
        { "   ", "Please type a date, for example 14/02/2026 or 'yesterday'." },
        { null, "Please type a date, for example 14/02/2026 or 'yesterday'." },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Says_in_plain_words_what_it_cannot_read(string? text, string problem)
    {
        var result = UkDateParser.Parse(text, Today);

        Assert.False(result.Succeeded);
        Assert.Null(result.Date);
        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public void Two_digit_year_pivot_moves_with_today()
    {
        Assert.Equal(new DateOnly(1930, 1, 1), UkDateParser.Parse("1/1/30", new DateOnly(2029, 6, 1)).Date);
        Assert.Equal(new DateOnly(2030, 1, 1), UkDateParser.Parse("1/1/30", new DateOnly(2030, 6, 1)).Date);
    }

    [Fact]
    public void A_weekday_alone_may_be_today_but_last_weekday_never_is()
    {
        var tuesday = new DateOnly(2026, 3, 17);

        Assert.Equal(tuesday, UkDateParser.Parse("Tuesday", tuesday).Date);
        Assert.Equal(tuesday.AddDays(-7), UkDateParser.Parse("last Tuesday", tuesday).Date);
    }

    [Fact]
    public void Formats_dates_the_english_way() => Assert.Equal("3 February 2026", UkDateParser.Format(new DateOnly(2026, 2, 3)));
}
