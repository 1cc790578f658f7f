using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Scheduling;
using ReviewBot.GraphStandIn;
using ReviewBot.Testing;

namespace ReviewBot.Graph.Tests;

/// <summary>getSchedule through the SDK, then the slot finder: what the scheduling effect will do.</summary>
public sealed class SlotFindingTests(GraphStandInFixture standIn) : StandInTest(standIn)
{
    private static readonly SlotFinder Finder = new(new WorkingHours("Europe/London", new TimeOnly(9, 0), new TimeOnly(17, 0)), WorkingDayCalendar.EnglandAndWales);

    [Fact]
    public async Task Busy_members_and_their_working_hours_come_back_from_getSchedule()
    {
        await StandIn.SetCalendarAsync(Megan, new CalendarSetup([new BusyTime(London("2026-12-07 09:00"), London("2026-12-07 12:00"))], null));
        await StandIn.SetCalendarAsync(Adele, new CalendarSetup(
            [new BusyTime(London("2026-12-07 13:00"), London("2026-12-07 15:00"), "tentative")],
            new WorkingHoursSetup(["monday", "tuesday"], "09:00:00", "17:00:00", "GMT Standard Time")));

        var members = await Calendar.GetAvailabilityAsync(BoardMailbox, [Megan, Adele], new(London("2026-12-07 00:00"), London("2026-12-12 00:00")), default);

        Assert.Equal([Megan, Adele], members.Select(m => m.Mailbox));
        Assert.Equal([new TimeRange(London("2026-12-07 09:00"), London("2026-12-07 12:00"))], members[0].Busy);
        Assert.Equal([new TimeRange(London("2026-12-07 13:00"), London("2026-12-07 15:00"))], members[1].Busy);
        Assert.Equal(new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday }, members[1].WorkingHours?.Days);

        var result = Finder.Find(new SlotRequest(members, TimeSpan.FromMinutes(90), London("2026-12-07 08:00"), London("2026-12-11 17:00")));

        Assert.True(result.Found);
        Assert.Equal([London("2026-12-07 15:00"), London("2026-12-08 09:00"), London("2026-12-08 10:30")], result.Slots.Select(s => s.Time.Start));
    }

    [Fact]
    public async Task Bank_holidays_and_the_deadline_bound_the_slots()
    {
        await StandIn.SetCalendarAsync(Megan, new CalendarSetup([new BusyTime(London("2026-12-29 09:00"), London("2026-12-29 17:00"))], null));
        var window = new TimeRange(London("2026-12-24 00:00"), London("2027-01-08 00:00"));

        var members = await Calendar.GetAvailabilityAsync(BoardMailbox, [Megan, Alex], window, default);
        var beforeDeadline = Finder.Find(new SlotRequest(members, TimeSpan.FromHours(2), London("2026-12-24 17:00"), London("2026-12-29 17:00"), window.End));
        var laterDeadline = Finder.Find(new SlotRequest(members, TimeSpan.FromHours(2), London("2026-12-24 17:00"), London("2026-12-31 17:00")));

        // 25 and 28 December are bank holidays; on the 29th Megan is busy all day.
        Assert.False(beforeDeadline.Found);
        Assert.All(beforeDeadline.Slots, s => Assert.Equal([Megan], s.Unavailable));
        Assert.Equal(London("2026-12-30 09:00"), beforeDeadline.NextWindow?.Time.Start);
        Assert.Equal([London("2026-12-30 09:00"), London("2026-12-30 11:00"), London("2026-12-30 13:00")], laterDeadline.Slots.Select(s => s.Time.Start));
    }

    [Fact]
    public async Task An_unknown_mailbox_in_the_panel_is_a_typed_failure_without_the_address()
    {
        var failure = await Assert.ThrowsAsync<Ports.Microsoft365Exception>(() =>
            Calendar.GetAvailabilityAsync(BoardMailbox, [Megan, "nobody@example.com"], new(London("2026-12-07 00:00"), London("2026-12-08 00:00")), default));

        Assert.Equal(Ports.Microsoft365FailureKind.NotFound, failure.Kind);
        Assert.DoesNotContain("nobody", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("board configuration", failure.WhatToFix, StringComparison.Ordinal);
    }
}
