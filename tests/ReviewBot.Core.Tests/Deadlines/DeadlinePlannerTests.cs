using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Deadlines;

public class DeadlinePlannerTests
{
    [Fact]
    public void Chair_reminders_fall_at_the_board_offsets_at_the_start_of_the_working_day()
    {
        var awaiting = Recommended(); // decision due 10 Dec 2026, clock started 10 Nov

        var reminders = DeadlinePlanner.For(awaiting, Board);

        Assert.Equal(
            [new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), new(2026, 12, 9, 9, 0, 0, TimeSpan.Zero), new(2026, 12, 11, 9, 0, 0, TimeSpan.Zero)],
            reminders.Select(r => r.DueAt).ToArray());
        Assert.Equal([-7, -1, 1], reminders.Select(DeadlinePlanner.ReminderOffset).ToArray());
        Assert.All(reminders, r => Assert.Equal((Board.BoardId, Reference), (r.BoardId, r.Case)));
    }

    [Fact]
    public void Summer_time_is_respected()
    {
        var awaiting = Recommended() with { Clocks = [new CaseClock(ClockKinds.ChairDecision, new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1), "one month")] };

        var first = DeadlinePlanner.For(awaiting, Board)[0];

        Assert.Equal(new DateTimeOffset(2026, 6, 24, 9, 0, 0, TimeSpan.FromHours(1)), first.DueAt);
    }

    [Fact]
    public void A_decision_cancels_every_reminder_and_a_stale_entry_is_recognised()
    {
        var awaiting = Recommended();
        var decided = awaiting with { Stage = CaseStage.ReviewInitiated };
        var planned = DeadlinePlanner.For(awaiting, Board);

        Assert.Empty(DeadlinePlanner.For(decided, Board));
        Assert.Equal(planned, DeadlinePlanner.NoLongerNeeded(awaiting, decided, Board));
        Assert.True(DeadlinePlanner.StillNeeded(planned[0], awaiting, Board));
        Assert.False(DeadlinePlanner.StillNeeded(planned[0], decided, Board));
    }

    [Fact]
    public void Reminders_before_the_clock_started_are_not_planned()
    {
        var shortClock = Recommended() with { Clocks = [new CaseClock(ClockKinds.ChairDecision, new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 10), "short")] };

        Assert.Equal([-1, 1], DeadlinePlanner.For(shortClock, Board).Select(DeadlinePlanner.ReminderOffset).ToArray());
    }
}
