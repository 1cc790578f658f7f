namespace ReviewBot.Core.Dates;

/// <summary>
/// Reads dates as people in England type them: day first (3/2/2026 is 3 February), "14 Feb",
/// "yesterday", "last Tuesday". Never guesses silently: what it cannot read it says so in plain words.
/// </summary>
public static class UkDateParser
{
    /// <summary>Parses <paramref name="text"/> relative to <paramref name="today"/>.</summary>
    public static DateParseResult Parse(string? text, DateOnly today) => throw new NotImplementedException("dates helper");
}

/// <summary>The outcome of reading a date.</summary>
/// <param name="Date">The date read, when <see cref="Problem"/> is null.</param>
/// <param name="Problem">Plain words for the person, e.g. "There is no 31 February. Try 28/2/2026."</param>
public sealed record DateParseResult(DateOnly? Date, string? Problem)
{
    /// <summary>True when a date was read.</summary>
    public bool Succeeded => Date is not null && Problem is null;
}
