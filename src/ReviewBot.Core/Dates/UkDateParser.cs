using System.Globalization;
using System.Text.RegularExpressions;

namespace ReviewBot.Core.Dates;

/// <summary>
/// Reads dates as people in England type them: day first (3/2/2026 is 3 February), "14 Feb",
/// "yesterday", "last Tuesday". Never guesses silently: what it cannot read it says so in plain words.
/// </summary>
/// <remarks>
/// Conventions (the dates asked for are past events: births, deaths, incidents, plans):
/// <list type="bullet">
/// <item>Two-digit years: 00 up to this year's two digits are 20xx, anything later is 19xx
/// (in 2026, "3.2.26" is 2026 and "3.2.27" is 1927).</item>
/// <item>No year ("14 Feb", "February 14", "14/2"): the most recent such date not after today.</item>
/// <item>"last Tuesday": the most recent Tuesday strictly before today. "Tuesday" alone: the most recent
/// Tuesday, which is today when today is a Tuesday.</item>
/// <item>A month above 12 is never swapped silently: "12/25/2026" is refused with a note that dates are
/// read day first.</item>
/// </list>
/// </remarks>
public static partial class UkDateParser
{
    /// <summary>Said when the text is not a date at all.</summary>
    public const string CouldNotRead = "I couldn't read that as a date. Try something like 14/02/2026 or 'yesterday'.";

    private const string Example = "Try something like 14/02/2026.";
    private const int MaxDaysBack = 200 * 366;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["a couple of"] = 2, ["two"] = 2, ["three"] = 3, ["four"] = 4,
        ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11,
        ["twelve"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["weds"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };

    /// <summary>Parses <paramref name="text"/> relative to <paramref name="today"/>.</summary>
    public static DateParseResult Parse(string? text, DateOnly today)
    {
        var s = Normalise(text);
        if (s.Length == 0)
        {
            return Problem("Please type a date, for example 14/02/2026 or 'yesterday'.");
        }

        return Relative(s, today) ?? Numeric(s, today) ?? Worded(s, today) ?? Problem(CouldNotRead);
    }

    /// <summary>A date as people in England type it, day first: "03/02/2026" (what a card's date box is filled with).</summary>
    public static string FormatShort(DateOnly date) => date.ToString("dd/MM/yyyy", English);

    /// <summary>A date as people read it in England, e.g. "3 February 2026".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", English);

    private static string Normalise(string? text)
    {
        var s = (text ?? string.Empty).Trim().ToLower(English);
        s = s.TrimEnd('.', ',', '!', '?', ';', ':', '\'', '"', ' ').TrimStart('\'', '"', ' ');
        s = Whitespace().Replace(s, " ");
        return s.StartsWith("on ", StringComparison.Ordinal) ? s[3..] : s;
    }

    private static DateParseResult? Relative(string s, DateOnly today)
    {
        switch (s)
        {
            case "today" or "this morning" or "this afternoon" or "this evening" or "tonight" or "earlier today":
                return Found(today);
            case "yesterday" or "last night" or "yesterday morning" or "yesterday afternoon" or "yesterday evening":
                return Found(today.AddDays(-1));
            case "the day before yesterday" or "day before yesterday":
                return Found(today.AddDays(-2));
            case "tomorrow":
                return Found(today.AddDays(1));
            case "last week" or "last month" or "recently" or "a few days ago" or "a while ago":
                return Problem("I need the exact day. Try something like 'last Tuesday' or 14/02/2026.");
        }

        var ago = Ago().Match(s);
        if (ago.Success)
        {
            return DaysAgo(ago.Groups["n"].Value, ago.Groups["unit"].Value, today);
        }

        var weekday = Weekday().Match(s);
        if (weekday.Success && DayNames.TryGetValue(weekday.Groups["day"].Value, out var day))
        {
            var strictlyBefore = weekday.Groups["last"].Success;
            var back = ((int)today.DayOfWeek - (int)day + 7) % 7;
            return Found(today.AddDays(-(back == 0 && strictlyBefore ? 7 : back)));
        }

        return null;
    }

    private static DateParseResult DaysAgo(string amount, string unit, DateOnly today)
    {
        if (!NumberWords.TryGetValue(amount, out var n) && !int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            return Problem(CouldNotRead);
        }

        var days = unit.TrimEnd('s') switch
        {
            "day" => (long)n,
            "week" => n * 7L,
            "fortnight" => n * 14L,
            _ => -1,
        };
        if (days > MaxDaysBack)
        {
            return Problem($"That is too long ago for me to work out. {Example}");
        }

        if (days >= 0)
        {
            return Found(today.AddDays(-(int)days));
        }

        var months = unit.StartsWith("year", StringComparison.Ordinal) ? n * 12L : n;
        return months > 12 * 200
            ? Problem($"That is too long ago for me to work out. {Example}")
            : Found(today.AddMonths(-(int)months));
    }

    private static DateParseResult? Numeric(string s, DateOnly today)
    {
        var m = NumericDate().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var first = m.Groups["a"].Value;
        var second = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        var third = m.Groups["c"].Success ? m.Groups["c"].Value : null;
        if (first.Length == 4)
        {
            // Year first (ISO 8601, 2026-02-03): never day-first.
            return third is null
                ? Problem(CouldNotRead)
                : Build(int.Parse(third, CultureInfo.InvariantCulture), second, Number(first), today);
        }

        if (first.Length > 2)
        {
            return Problem(CouldNotRead);
        }

        var day = Number(first);
        int? year = third is null ? null : ReadYear(third, today);
        if (third is not null && year is null)
        {
            return Problem($"I couldn't read the year in that date. {Example}");
        }

        if (second > 12 && day <= 12 && second <= 31)
        {
            var swapped = year is null || IsValid(year.Value, day, second);
            var suggestion = swapped ? $" Did you mean {second}/{day}{(third is null ? string.Empty : "/" + third)}?" : string.Empty;
            return Problem($"I read dates day first (day/month/year), and there is no month {second}.{suggestion}");
        }

        return Build(day, second, year, today);
    }

    private static DateParseResult? Worded(string s, DateOnly today)
    {
        var tokens = Separators().Split(s).Where(t => t.Length > 0 && t is not ("of" or "the")).ToList();
        DayOfWeek? statedDay = null;
        if (tokens.Count > 0 && DayNames.TryGetValue(tokens[0], out var weekday))
        {
            statedDay = weekday;
            tokens.RemoveAt(0);
        }

        var monthAt = tokens.FindIndex(t => ReadMonth(t) is not null);
        if (monthAt < 0 || tokens.Count is < 2 or > 3)
        {
            return null;
        }

        var month = ReadMonth(tokens[monthAt])!.Value;
        var rest = tokens.Where((_, i) => i != monthAt).ToList();
        if (monthAt == 0 && rest.Count == 1 && rest[0].Length == 4 && int.TryParse(rest[0], CultureInfo.InvariantCulture, out _))
        {
            return Problem($"Which day in {MonthName(month)} {rest[0]}? {Example}");
        }

        // "3 Feb 2026" or "February 3 2026": the day sits next to the month, the year comes last.
        var dayMatch = Ordinal().Match(rest[0]);
        if (monthAt > 1 || !dayMatch.Success)
        {
            return null;
        }

        int? year = null;
        if (rest.Count == 2)
        {
            year = ReadYear(rest[1], today);
            if (year is null)
            {
                return Problem($"I couldn't read the year in that date. {Example}");
            }
        }

        var result = Build(Number(dayMatch.Groups["n"].Value), month, year, today);
        return statedDay is null || result.Date is not { } date || date.DayOfWeek == statedDay
            ? result
            : Problem($"{Format(date)} was a {date.DayOfWeek}, not a {statedDay}. Which did you mean? {Example}");
    }

    private static DateParseResult Build(int day, int month, int? year, DateOnly today)
    {
        if (month is < 1 or > 12)
        {
            return Problem($"There is no month {month}. I read dates day first (day/month/year). {Example}");
        }

        if (year is { } y && (y < 1900 || y > today.Year + 100))
        {
            return Problem($"The year {y} doesn't look right. {Example}");
        }

        if (day < 1)
        {
            return Problem($"There is no day {day} in a month. {Example}");
        }

        if (year is null)
        {
            return Recent(day, month, today);
        }

        if (!IsValid(year.Value, month, day))
        {
            var leap = month == 2 && day == 29 ? $" ({year} is not a leap year)" : string.Empty;
            return Problem($"There is no {day} {MonthName(month)} {year}{leap}.");
        }

        return Found(new DateOnly(year.Value, month, day));
    }

    /// <summary>No year given: the most recent such date not after today (29 February: the last leap year's).</summary>
    private static DateParseResult Recent(int day, int month, DateOnly today)
    {
        if (day > DateTime.DaysInMonth(2024, month))
        {
            return Problem($"There is no {day} {MonthName(month)}.");
        }

        for (var year = today.Year; year > today.Year - 8; year--)
        {
            if (IsValid(year, month, day) && new DateOnly(year, month, day) <= today)
            {
                return Found(new DateOnly(year, month, day));
            }
        }

        return Problem(CouldNotRead);
    }

    private static int? ReadYear(string text, DateOnly today)
    {
        if (text.Length is not (2 or 4) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        if (text.Length == 4)
        {
            return n;
        }

        // Pivot: 00..this year's two digits are this century; later two-digit years the last one.
        var century = today.Year / 100 * 100;
        return n <= today.Year % 100 ? century + n : century - 100 + n;
    }

    private static int? ReadMonth(string token)
    {
        for (var i = 0; i < MonthNames.Length; i++)
        {
            var name = MonthNames[i];
            if (token == name || (token.Length >= 3 && name.StartsWith(token, StringComparison.Ordinal)) || token == "sept")
            {
                return token == "sept" ? 9 : i + 1;
            }
        }

        var close = Enumerable.Range(0, 12).Where(i => Spelling.IsCloseTo(token, MonthNames[i], 5)).ToList();
        return close.Count == 1 ? close[0] + 1 : null;
    }

    private static bool IsValid(int year, int month, int day)
        => year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static string MonthName(int month) => English.DateTimeFormat.GetMonthName(month);

    private static DateParseResult Found(DateOnly date) => new(date, null);

    private static DateParseResult Problem(string problem) => new(null, problem);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<n>\d{1,6}|a|an|one|a couple of|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?<unit>days?|weeks?|fortnights?|months?|years?) ago$")]
    private static partial Regex Ago();

    [GeneratedRegex(@"^(?:(?<last>last|this past|past) )?(?<day>[a-z]+)$")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"^(?<a>\d{1,4})\s?[/\-. ]\s?(?<b>\d{1,2})(?:\s?[/\-. ]\s?(?<c>\d{1,4}))?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"[\s,/\-.]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?<n>\d{1,2})(?:st|nd|rd|th)?$")]
    private static partial Regex Ordinal();
}

/// <summary>The outcome of reading a date.</summary>
/// <param name="Date">The date read, when <see cref="Problem"/> is null.</param>
/// <param name="Problem">Plain words for the person, e.g. "There is no 31 February. Try 28/2/2026."</param>
public sealed record DateParseResult(DateOnly? Date, string? Problem)
{
    /// <summary>True when a date was read.</summary>
    public bool Succeeded => Date is not null && Problem is null;
}
