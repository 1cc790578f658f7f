using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;

namespace ReviewBot.Core.Scheduling;

/// <summary>What to look for.</summary>
/// <param name="Members">The required members' calendars.</param>
/// <param name="Duration">How long the meeting lasts.</param>
/// <param name="NotBefore">The earliest start (usually now).</param>
/// <param name="Deadline">The meeting must end by then (e.g. the decision deadline).</param>
/// <param name="SearchUntil">How far past the deadline to look for a next window when nothing fits; the
/// calendars must cover this far. Null = do not look past the deadline.</param>
public sealed record SlotRequest(
    IReadOnlyList<MemberAvailability> Members,
    TimeSpan Duration,
    DateTimeOffset NotBefore,
    DateTimeOffset Deadline,
    DateTimeOffset? SearchUntil = null);

/// <summary>A candidate meeting time.</summary>
/// <param name="Time">When.</param>
/// <param name="Unavailable">Mailboxes of required members who are busy or out of hours then.</param>
public sealed record MeetingSlot(TimeRange Time, IReadOnlyList<string> Unavailable)
{
    /// <summary>How many required members cannot come.</summary>
    public int Conflicts => Unavailable.Count;
}

/// <summary>The answer: up to three slots before the deadline, best first, or a next window.</summary>
/// <param name="Slots">Non-overlapping slots, fewest conflicts first, then earliest.</param>
/// <param name="NextWindow">When no slot suits everyone before the deadline: the first after it that does,
/// within the request's search range; null when there is none (offer a longer range).</param>
public sealed record SlotSearchResult(IReadOnlyList<MeetingSlot> Slots, MeetingSlot? NextWindow)
{
    /// <summary>True when at least one slot before the deadline suits every required member.</summary>
    public bool Found => Slots.Count > 0 && Slots[0].Conflicts == 0;
}

/// <summary>
/// Finds panel meeting times on working days (England and Wales) within the board's working hours. Pure:
/// calendars come in from the caller (Graph getSchedule), so it is tested without I/O.
/// </summary>
/// <param name="board">The board's working hours and time zone.</param>
/// <param name="calendar">Working days.</param>
public sealed class SlotFinder(WorkingHours board, WorkingDayCalendar calendar)
{
    /// <summary>How many slots are offered.</summary>
    public const int SlotsOffered = 3;

    /// <summary>Candidate starts fall on this grid (board local time, from the start of the day).</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(board.TimeZoneId);

    /// <summary>The best slots before the deadline, and a next window when none suits everyone.</summary>
    public SlotSearchResult Find(SlotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "The meeting duration must be positive.");
        }

        var slots = Best(Candidates(request, request.NotBefore, request.Deadline));
        if (slots.Count > 0 && slots[0].Conflicts == 0 || request.SearchUntil is not { } until)
        {
            return new SlotSearchResult(slots, null);
        }

        var next = Candidates(request, Later(request.NotBefore, request.Deadline), until).FirstOrDefault(s => s.Conflicts == 0);
        return new SlotSearchResult(slots, next);
    }

    // Greedy: the best remaining candidate that does not overlap one already chosen, so three real choices.
    private static List<MeetingSlot> Best(IEnumerable<MeetingSlot> candidates)
    {
        var chosen = new List<MeetingSlot>(SlotsOffered);
        foreach (var slot in candidates.OrderBy(s => s.Conflicts).ThenBy(s => s.Time.Start))
        {
            if (!chosen.Any(c => c.Time.Overlaps(slot.Time)))
            {
                chosen.Add(slot);
                if (chosen.Count == SlotsOffered)
                {
                    break;
                }
            }
        }

        return chosen;
    }

    private IEnumerable<MeetingSlot> Candidates(SlotRequest request, DateTimeOffset from, DateTimeOffset until)
    {
        var lastDay = LocalDate(until);
        for (var day = LocalDate(from); day <= lastDay; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            for (var start = board.DayStart.ToTimeSpan(); start + request.Duration <= board.DayEnd.ToTimeSpan(); start += Step)
            {
                var time = new TimeRange(At(day, start), At(day, start + request.Duration));
                if (time.Start >= from && time.End <= until)
                {
                    yield return new MeetingSlot(time, request.Members.Where(m => !m.IsFree(time)).Select(m => m.Mailbox).ToList());
                }
            }
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private DateTimeOffset At(DateOnly day, TimeSpan sinceMidnight)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + sinceMidnight;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
