using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;

namespace ReviewBot.Core.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday less bank holidays (shipped as data from the
/// gov.uk feed, with a rule-based fallback for years beyond it). The trigger day is day 0.
/// </summary>
/// <remarks>
/// Years from <see cref="FirstDataYear"/> to <see cref="LastDataYear"/> come from the shipped list, one-off
/// holidays included. Other years follow <see cref="BankHolidayRules"/>, which cannot know future one-offs:
/// extend the data file when gov.uk announces them. Thread-safe.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private const string EnglandAndWalesResource = "ReviewBot.Core.Calendar.england-and-wales-bank-holidays.json";
    private const string EnglandAndWalesDivision = "england-and-wales";

    private static readonly Lazy<WorkingDayCalendar> Shipped = new(LoadEnglandAndWales);
    private static readonly JsonSerializerOptions FeedJson = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<int, YearOfHolidays> years = new();

    internal WorkingDayCalendar(IEnumerable<BankHoliday> shipped)
    {
        var byYear = shipped.GroupBy(h => h.Date.Year).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Date).ToList());
        if (byYear.Count == 0)
        {
            throw new InvalidDataException("The bank holiday data has no events.");
        }

        FirstDataYear = byYear.Keys.Min();
        LastDataYear = byYear.Keys.Max();
        for (var year = FirstDataYear; year <= LastDataYear; year++)
        {
            if (!byYear.TryGetValue(year, out var holidays))
            {
                throw new InvalidDataException($"The bank holiday data has no events for {year}.");
            }

            years[year] = new YearOfHolidays(holidays);
        }
    }

    /// <summary>The England and Wales calendar.</summary>
    public static WorkingDayCalendar EnglandAndWales => Shipped.Value;

    /// <summary>First year taken from the shipped data.</summary>
    public int FirstDataYear { get; }

    /// <summary>Last year taken from the shipped data; later years follow the standing rules only.</summary>
    public int LastDataYear { get; }

    /// <summary>
    /// The date <paramref name="months"/> calendar months after <paramref name="start"/>, as
    /// <see cref="DateOnly.AddMonths"/> counts them: the same day of the month, or the month's last day when
    /// it is shorter (31 January + 1 month = 28 or 29 February). Weekends and bank holidays are not skipped:
    /// "within one month" (the chair's decision) is a calendar period, not a count of working days.
    /// </summary>
    public static DateOnly AddCalendarMonths(DateOnly start, int months) => start.AddMonths(months);

    /// <summary>True for a weekday that is not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly date)
        => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>True when <paramref name="date"/> is an England and Wales bank holiday (substitute days included).</summary>
    public bool IsBankHoliday(DateOnly date) => HolidaysOf(date.Year).Dates.Contains(date);

    /// <summary>The bank holidays of <paramref name="year"/> in date order: the shipped data where it covers the year, else the rules.</summary>
    public IReadOnlyList<BankHoliday> BankHolidaysIn(int year) => HolidaysOf(year).Holidays;

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (day 0). The start
    /// need not be a working day: day 1 is the first working day after it. Zero returns the start itself;
    /// a negative count goes back that many working days.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        var date = start;
        for (var counted = 0; counted != workingDays;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                counted += step;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Reads a calendar from a gov.uk-shaped division (<c>{"division":"england-and-wales","events":[...]}</c>).</summary>
    internal static WorkingDayCalendar Load(Stream json)
    {
        var feed = JsonSerializer.Deserialize<DivisionFeed>(json, FeedJson)
            ?? throw new InvalidDataException("The bank holiday data is empty.");
        if (feed.Division != EnglandAndWalesDivision)
        {
            throw new InvalidDataException($"The bank holiday data is for '{feed.Division}', not '{EnglandAndWalesDivision}'.");
        }

        var events = feed.Events ?? [];
        if (events.Any(e => e.Date is null))
        {
            throw new InvalidDataException("The bank holiday data has an event without a date.");
        }

        var duplicate = events.GroupBy(e => e.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"The bank holiday data lists {duplicate.Key:yyyy-MM-dd} more than once.");
        }

        return new WorkingDayCalendar(events.Select(e => new BankHoliday(e.Date!.Value, e.Title ?? "Bank holiday", e.Notes ?? "")));
    }

    private static WorkingDayCalendar LoadEnglandAndWales()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(EnglandAndWalesResource)
            ?? throw new InvalidOperationException($"The embedded resource {EnglandAndWalesResource} is missing.");
        return Load(stream);
    }

    private YearOfHolidays HolidaysOf(int year)
        => years.GetOrAdd(year, static y => new YearOfHolidays(BankHolidayRules.For(y)));

    private sealed class YearOfHolidays(IReadOnlyList<BankHoliday> holidays)
    {
        public IReadOnlyList<BankHoliday> Holidays { get; } = holidays;

        public FrozenSet<DateOnly> Dates { get; } = holidays.Select(h => h.Date).ToFrozenSet();
    }

    // The gov.uk shape; "bunting" is not needed for counting working days, so it is not read.
    private sealed record DivisionFeed(string? Division, IReadOnlyList<FeedEvent>? Events);

    private sealed record FeedEvent(string? Title, DateOnly? Date, string? Notes);
}
