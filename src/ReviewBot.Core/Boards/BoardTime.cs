namespace ReviewBot.Core.Boards;

/// <summary>Dates and times in a board's own time zone (Europe/London unless configured).</summary>
public static class BoardTime
{
    /// <summary>The board's local date at <paramref name="now"/>: day 0 of anything started now.</summary>
    public static DateOnly Today(BoardConfiguration board, DateTimeOffset now)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(board)).DateTime);

    /// <summary><paramref name="at"/> on the board's clock, for showing when something happened.</summary>
    public static DateTimeOffset Local(BoardConfiguration board, DateTimeOffset at)
        => TimeZoneInfo.ConvertTime(at, Zone(board));

    /// <summary>The instant of <paramref name="time"/> on <paramref name="day"/> in the board's time zone.</summary>
    public static DateTimeOffset At(BoardConfiguration board, DateOnly day, TimeOnly time)
    {
        var zone = Zone(board);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo Zone(BoardConfiguration board)
        => TimeZoneInfo.FindSystemTimeZoneById(board.WorkingHours.TimeZoneId);
}
