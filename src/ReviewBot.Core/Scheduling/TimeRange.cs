namespace ReviewBot.Core.Scheduling;

/// <summary>A half-open stretch of time [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <param name="Start">Inclusive start.</param>
/// <param name="End">Exclusive end.</param>
public readonly record struct TimeRange(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>How long it lasts.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>True when the two ranges share any instant (touching ends do not overlap).</summary>
    public bool Overlaps(TimeRange other) => Start < other.End && other.Start < End;
}

/// <summary>When a member works, as their mailbox settings say (getSchedule's <c>workingHours</c>).</summary>
/// <param name="Days">Working days of the week.</param>
/// <param name="Start">Start of the working day, in <paramref name="Zone"/>.</param>
/// <param name="End">End of the working day, in <paramref name="Zone"/>.</param>
/// <param name="Zone">The member's time zone.</param>
public sealed record MemberWorkingHours(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End, TimeZoneInfo Zone)
{
    /// <summary>True when <paramref name="slot"/> lies wholly inside one of the member's working days.</summary>
    public bool Covers(TimeRange slot)
    {
        var start = TimeZoneInfo.ConvertTime(slot.Start, Zone);
        var end = TimeZoneInfo.ConvertTime(slot.End, Zone);
        return Days.Contains(start.DayOfWeek)
            && start.Date == end.Date
            && TimeOnly.FromDateTime(start.DateTime) >= Start
            && TimeOnly.FromDateTime(end.DateTime) <= End;
    }
}

/// <summary>A required member's calendar over the search window.</summary>
/// <param name="Mailbox">The member's mailbox (never shown in logs).</param>
/// <param name="Busy">Busy, tentative or out-of-office times.</param>
/// <param name="WorkingHours">Their own working hours, when their mailbox publishes them.</param>
public sealed record MemberAvailability(string Mailbox, IReadOnlyList<TimeRange> Busy, MemberWorkingHours? WorkingHours = null)
{
    /// <summary>True when the member is in working hours and has nothing booked during <paramref name="slot"/>.</summary>
    public bool IsFree(TimeRange slot)
        => (WorkingHours is null || WorkingHours.Covers(slot)) && !Busy.Any(b => b.Overlaps(slot));
}
