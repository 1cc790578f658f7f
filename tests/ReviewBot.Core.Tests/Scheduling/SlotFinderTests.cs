using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Scheduling;

namespace ReviewBot.Core.Tests.Scheduling;

public class SlotFinderTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly SlotFinder Finder = new(new WorkingHours("Europe/London", new TimeOnly(9, 0), new TimeOnly(17, 0)), WorkingDayCalendar.EnglandAndWales);

    [Fact]
    public void Offers_working_hours_on_working_days_only_earliest_first()
    {
        var result = Finder.Find(new SlotRequest([Free("a@x")], TimeSpan.FromHours(1), At("2026-12-04 16:00"), At("2026-12-08 17:00")));

        Assert.True(result.Found);
        Assert.Equal([At("2026-12-04 16:00"), At("2026-12-07 09:00"), At("2026-12-07 10:00")], result.Slots.Select(s => s.Time.Start));
        Assert.All(result.Slots, s => Assert.Equal(TimeSpan.FromHours(1), s.Time.Duration));
    }

    [Fact]
    public void Skips_christmas_and_the_substitute_boxing_day()
    {
        var result = Finder.Find(new SlotRequest([Free("a@x")], TimeSpan.FromHours(2), At("2026-12-24 17:00"), At("2026-12-31 17:00")));

        // 25 December is a Friday; Boxing Day falls on Saturday, so Monday 28 December is the bank holiday.
        Assert.Equal([At("2026-12-29 09:00"), At("2026-12-29 11:00"), At("2026-12-29 13:00")], result.Slots.Select(s => s.Time.Start));
    }

    [Fact]
    public void Avoids_each_busy_member()
    {
        var a = Busy("a@x", ("2026-12-07 09:00", "2026-12-07 12:00"));
        var b = Busy("b@x", ("2026-12-07 13:00", "2026-12-07 15:00"));

        var result = Finder.Find(new SlotRequest([a, b], TimeSpan.FromMinutes(90), At("2026-12-07 08:00"), At("2026-12-08 17:00")));

        Assert.True(result.Found);
        Assert.Equal([At("2026-12-07 15:00"), At("2026-12-08 09:00"), At("2026-12-08 10:30")], result.Slots.Select(s => s.Time.Start));
        Assert.All(result.Slots, s => Assert.Empty(s.Unavailable));
    }

    [Fact]
    public void Respects_a_members_own_working_hours()
    {
        var partTime = new MemberAvailability("p@x", [], new MemberWorkingHours(
            new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday }, new TimeOnly(10, 0), new TimeOnly(12, 0), London));

        var result = Finder.Find(new SlotRequest([partTime], TimeSpan.FromHours(1), At("2026-12-03 08:00"), At("2026-12-08 17:00")));

        // Thursday and Friday are not their days; 09:00 is before their day starts.
        Assert.Equal([At("2026-12-07 10:00"), At("2026-12-07 11:00"), At("2026-12-08 10:00")], result.Slots.Select(s => s.Time.Start));
    }

    [Fact]
    public void Never_ends_after_the_deadline()
    {
        var result = Finder.Find(new SlotRequest([Free("a@x")], TimeSpan.FromHours(2), At("2026-12-07 13:00"), At("2026-12-07 16:30")));

        Assert.Equal([At("2026-12-07 13:00")], result.Slots.Select(s => s.Time.Start));
    }

    [Fact]
    public void With_no_slot_for_everyone_offers_fewest_conflicts_and_the_next_window()
    {
        var a = Busy("a@x", ("2026-12-07 09:00", "2026-12-08 17:00"));
        var b = Busy("b@x", ("2026-12-07 09:00", "2026-12-07 17:00"));

        var result = Finder.Find(new SlotRequest([a, b], TimeSpan.FromHours(1), At("2026-12-07 09:00"), At("2026-12-08 17:00"), At("2026-12-11 17:00")));

        Assert.False(result.Found);
        // Monday is earlier but both are busy; Tuesday only a@x is.
        Assert.Equal([At("2026-12-08 09:00"), At("2026-12-08 10:00"), At("2026-12-08 11:00")], result.Slots.Select(s => s.Time.Start));
        Assert.All(result.Slots, s => Assert.Equal(["a@x"], s.Unavailable));
        Assert.Equal(At("2026-12-09 09:00"), result.NextWindow?.Time.Start);
    }

    [Fact]
    public void With_no_working_time_before_the_deadline_says_so()
    {
        var result = Finder.Find(new SlotRequest([Free("a@x")], TimeSpan.FromHours(1), At("2026-12-25 09:00"), At("2026-12-28 17:00")));

        Assert.False(result.Found);
        Assert.Empty(result.Slots);
        Assert.Null(result.NextWindow);
    }

    private static MemberAvailability Free(string mailbox) => new(mailbox, []);

    private static MemberAvailability Busy(string mailbox, params (string Start, string End)[] busy)
        => new(mailbox, busy.Select(b => new TimeRange(At(b.Start), At(b.End))).ToList());

    private static DateTimeOffset At(string londonTime)
    {
        var local = DateTime.ParseExact(londonTime, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }
}
