using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Cases;

public class PersonalTasksTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static ReviewCase WithWork() => Recommended() with
    {
        Tasks =
        [
            new FollowUpTask("secure-files", "Secure the files", BoardRole.HeadOfSafeguarding, Noon.AddDays(3)),
            new FollowUpTask("notify-ofsted", "Notify Ofsted", BoardRole.BoardChair, Noon.AddDays(1)),
            new FollowUpTask("done-already", "Done already", BoardRole.BoardChair, Noon, DoneAt: Noon),
        ],
        Clocks =
        [
            new CaseClock(ClockKinds.ChairDecision, new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 10), "one month"),
            new CaseClock(ClockKinds.RapidReview, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 30), "15 working days") { OwnerRole = BoardRole.BusinessManager },
        ],
    };

    [Fact]
    public void The_chair_gets_their_checklist_item_and_the_decision_soonest_first_and_nobody_elses()
    {
        var tasks = new PersonalTasks([]).For(WithWork(), BoardChair, Board);

        Assert.Equal(
            [(PersonalTaskKind.FollowUp, "Notify Ofsted", new DateOnly(2026, 11, 25)), (PersonalTaskKind.Decide, null, new DateOnly(2026, 12, 10))],
            tasks.Select(t => (t.Kind, t.Subject, t.DueOn!.Value)));
    }

    [Fact]
    public void A_clock_the_role_owns_is_a_task_of_whoever_holds_the_role()
    {
        var tasks = new PersonalTasks([]).For(WithWork(), BusinessManager, Board);

        var clock = Assert.Single(tasks);
        Assert.Equal((PersonalTaskKind.Clock, ClockKinds.RapidReview, new DateOnly(2026, 11, 30)), (clock.Kind, clock.Subject, clock.DueOn));
    }

    [Fact]
    public void Strangers_the_referrer_with_nothing_asked_and_closed_cases_have_no_tasks()
    {
        Assert.Empty(new PersonalTasks([]).For(WithWork(), Stranger, Board));
        Assert.Empty(new PersonalTasks([]).For(WithWork(), Referrer, Board));
        Assert.Empty(new PersonalTasks([]).For(WithWork() with { Stage = CaseStage.Closed }, BoardChair, Board));
    }

    [Fact]
    public void Tasks_from_a_registered_source_are_sorted_with_the_rest()
    {
        var imr = new PersonalTask(Reference, PersonalTaskKind.Other, "Send the IMR", new DateOnly(2026, 11, 26));

        var tasks = new PersonalTasks([new FixedSource(imr)]).For(WithWork(), BoardChair, Board);

        Assert.Equal(["Notify Ofsted", "Send the IMR", null], tasks.Select(t => t.Subject));
    }

    [Fact]
    public void Undated_tasks_come_after_dated_ones_in_their_own_order()
    {
        var undated = new PersonalTask(Reference, PersonalTaskKind.Recommend, "a", null);
        var later = new PersonalTask(Reference, PersonalTaskKind.FollowUp, "b", new DateOnly(2026, 12, 1));
        var sooner = new PersonalTask(Reference, PersonalTaskKind.FollowUp, "c", new DateOnly(2026, 11, 1));

        Assert.Equal([sooner, later, undated], PersonalTasks.Soonest([undated, later, sooner]));
    }

    private sealed class FixedSource(PersonalTask task) : IPersonalTaskSource
    {
        public IEnumerable<PersonalTask> TasksFor(ReviewCase reviewCase, string objectId, CaseVisibility who, BoardConfiguration board)
            => who.Holds(BoardRole.BoardChair) ? [task] : [];
    }
}
