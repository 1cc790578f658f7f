using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Referrals;
using ReviewBot.Core.Tests.Criteria;
using static ReviewBot.Core.Tests.Deadlines.ClockHarness;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Deadlines;

/// <summary>The SCR calendar-month clocks, driven through intake and the workflow with a moving clock.</summary>
public sealed class StatutoryClockTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Fact]
    public async Task A_referral_on_1_December_2026_is_due_31_December_2026_not_New_Years_Day()
    {
        var harness = new ClockHarness(At(2026, 12, 1));

        await harness.ReferAsync();

        var clock = harness.ClockOf(ClockKinds.ChairDecision);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), (clock.StartedOn, clock.DueOn));
        Assert.Contains("working day before", clock.Rule, StringComparison.Ordinal);
        Assert.Contains("Enfield ESCB procedure Appendix 2", clock.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_information_asked_on_day_10_and_given_on_day_20_leaves_the_date_and_its_reminders_unchanged()
    {
        var harness = new ClockHarness(At(2026, 12, 1));
        await harness.ReferAsync();
        var expected = new[] { new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero), new(2026, 12, 30, 9, 0, 0, TimeSpan.Zero), new(2027, 1, 1, 9, 0, 0, TimeSpan.Zero) };
        Assert.Equal(expected, Reminders(harness));

        harness.MoveTo(At(2026, 12, 6));
        await harness.RecommendAsync();
        harness.MoveTo(At(2026, 12, 11)); // day 10
        Assert.Equal(CaseStage.MoreInformationRequested, (await harness.AskForInformationAsync()).Case!.Stage);
        Assert.Equal(new DateOnly(2026, 12, 31), harness.ClockOf(ClockKinds.ChairDecision).DueOn);
        Assert.Equal(expected, Reminders(harness)); // reminders kept while the information is awaited

        harness.MoveTo(At(2026, 12, 21)); // day 20: the sub-group recommends again with the answer
        Assert.Equal(CaseStage.AwaitingChairDecision, (await harness.RecommendAsync()).Case!.Stage);

        var clock = harness.ClockOf(ClockKinds.ChairDecision);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), (clock.StartedOn, clock.DueOn));
        Assert.Equal(expected, Reminders(harness));
        Assert.Equal([-7, -1, 1], DeadlinePlanner.For(harness.Case, harness.Board).Select(DeadlinePlanner.ReminderOffset));
    }

    [Fact]
    public async Task A_board_that_counts_from_the_chair_starts_the_clock_with_the_recommendation()
    {
        var harness = new ClockHarness(At(2026, 12, 1), Board with { DecisionClockStartsFrom = DecisionClockStart.ReferralReachesChair });
        await harness.ReferAsync();
        Assert.DoesNotContain(harness.Case.Clocks, c => c.Kind == ClockKinds.ChairDecision);

        harness.MoveTo(At(2026, 12, 7));
        await harness.RecommendAsync();

        var clock = harness.ClockOf(ClockKinds.ChairDecision);
        Assert.Equal((new DateOnly(2026, 12, 7), new DateOnly(2027, 1, 7)), (clock.StartedOn, clock.DueOn));
        Assert.Contains("Enfield ESCB procedure 4.2", clock.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28")] // a Friday
    [InlineData("2028-01-31", "2028-02-29")] // leap year, a Tuesday
    [InlineData("2026-01-31", "2026-02-27")] // 28 February 2026 is a Saturday: the working day before
    [InlineData("2027-02-26", "2027-03-25")] // 26 March 2027 is Good Friday: the Thursday
    [InlineData("2026-12-01", "2026-12-31")] // 1 January 2027 is New Year's Day
    [InlineData("2026-07-25", "2026-08-25")] // 25 August is a Tuesday: unchanged
    public void One_calendar_month_lands_on_the_last_working_day_on_or_before_it(string start, string due)
        => Assert.Equal(CriteriaTestData.D(due), StatutoryClocks.CalendarMonthsDue(CriteriaTestData.D(start), 1, Calendar));

    [Theory]
    [InlineData(2025, "2025-02-28")]
    [InlineData(2028, "2028-02-29")] // leap year
    public async Task A_referral_on_31_January_is_due_on_the_last_day_of_February(int year, string due)
    {
        var harness = new ClockHarness(At(year, 1, 31));

        await harness.ReferAsync();

        Assert.Equal(CriteriaTestData.D(due), harness.ClockOf(ClockKinds.ChairDecision).DueOn);
    }

    [Fact]
    public async Task A_due_date_on_Good_Friday_moves_to_the_Thursday()
    {
        var harness = new ClockHarness(At(2027, 2, 26));

        await harness.ReferAsync();

        Assert.Equal(new DateOnly(2027, 3, 25), harness.ClockOf(ClockKinds.ChairDecision).DueOn);
    }

    [Fact]
    public async Task Notifying_Ofsted_is_a_task_for_the_chair_from_the_moment_of_referral()
    {
        var harness = new ClockHarness(At(2026, 12, 1));

        await harness.ReferAsync();

        var task = Assert.Single(harness.Case.Tasks);
        Assert.Equal((StatutoryTasks.OfstedIncidentNotification, BoardRole.BoardChair), (task.Id, task.OwnerRole));
        Assert.Contains("Enfield ESCB procedure 4.1", task.Title, StringComparison.Ordinal);
        Assert.Contains("serious incident notification form", task.Title, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero), task.DueAt);

        Assert.Equal(CaseActionStatus.Applied, (await harness.TickAsync(BoardChair, task.Id)).Status); // before any decision
    }

    [Fact]
    public async Task The_completion_clock_runs_six_months_from_the_Ofsted_notification()
    {
        var harness = new ClockHarness(At(2026, 6, 22));
        await harness.ReferAsync();
        await harness.RecommendAsync();
        harness.MoveTo(At(2026, 6, 25));
        await harness.DecideAsync(ChairDecisionKind.Approve);
        Assert.DoesNotContain(harness.Case.Clocks, c => c.Kind == ClockKinds.ReviewCompletion); // Ofsted not yet told

        await harness.TickAsync(BoardChair, StatutoryTasks.OfstedIncidentNotification); // Thursday 25 June 2026

        var clock = harness.ClockOf(ClockKinds.ReviewCompletion);
        Assert.Equal(new DateOnly(2026, 6, 25), clock.StartedOn);
        Assert.Equal(new DateOnly(2026, 12, 24), clock.DueOn); // 25 December is Christmas Day: the working day before
        Assert.Contains("within 6 months of the notification to Ofsted, unless an alternative timescale is agreed (Enfield ESCB procedure 4.4)", clock.Rule, StringComparison.Ordinal);
        Assert.True(Citations.HasLocator(clock.Rule));
    }

    [Fact]
    public async Task A_board_may_count_completion_from_initiation_as_Working_Together_2013_says()
    {
        var harness = new ClockHarness(At(2026, 6, 22), Board with { CompletionClockStartsFrom = CompletionClockStart.Initiation });
        await harness.ReferAsync();
        await harness.RecommendAsync();

        await harness.DecideAsync(ChairDecisionKind.Approve);

        var clock = harness.ClockOf(ClockKinds.ReviewCompletion);
        Assert.Equal((new DateOnly(2026, 6, 22), new DateOnly(2026, 12, 22)), (clock.StartedOn, clock.DueOn));
        Assert.Contains("Working Together to Safeguard Children 2013 ch 4", clock.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_records_the_reason_the_new_date_and_who_agreed_with_an_audit_record()
    {
        var harness = new ClockHarness(At(2026, 6, 22), Board with { CompletionClockStartsFrom = CompletionClockStart.Initiation });
        await harness.ReferAsync();
        await harness.RecommendAsync();
        await harness.DecideAsync(ChairDecisionKind.Approve);
        ExtendClockCommand Extend(long v, DateOnly? to, string? reason = "Criminal proceedings", string? agreed = "Board chair and the national panel")
            => new() { Case = harness.Case.Reference, CardVersion = v, ClockKind = ClockKinds.ReviewCompletion, NewDueOn = to, Reason = reason, AgreedBy = agreed };

        Assert.Equal(CaseActionStatus.Invalid, (await harness.ActAsync(BoardChair, v => Extend(v, new DateOnly(2026, 12, 1)))).Status); // not later
        Assert.Equal(CaseActionStatus.Invalid, (await harness.ActAsync(BoardChair, v => Extend(v, new DateOnly(2027, 3, 1), agreed: " "))).Status);
        Assert.Equal(CaseActionStatus.NotAuthorised, (await harness.ActAsync(SubGroupChair, v => Extend(v, new DateOnly(2027, 3, 1)))).Status);
        harness.MoveTo(At(2026, 9, 1));
        Assert.Equal(CaseActionStatus.Applied, (await harness.ActAsync(BoardChair, v => Extend(v, new DateOnly(2027, 3, 1)))).Status);

        var clock = harness.ClockOf(ClockKinds.ReviewCompletion);
        Assert.Equal(new DateOnly(2027, 3, 1), clock.DueOn);
        var extension = Assert.Single(clock.Extensions);
        Assert.Equal((new DateOnly(2026, 12, 22), "Criminal proceedings", "Board chair and the national panel", BoardChair), (extension.PreviousDueOn, extension.Reason, extension.AgreedBy, extension.ByObjectId));
        var audit = harness.Events.Last();
        Assert.Equal(("ClockExtended", BoardChair, "review-completion:2026-12-22->2027-03-01"), (audit.Action, audit.ActorObjectId, audit.Detail));
    }

    [Fact]
    public async Task A_decline_sets_the_tasks_to_tell_Ofsted_and_the_national_panel()
    {
        var harness = new ClockHarness(At(2026, 12, 1));
        await harness.ReferAsync();
        await harness.RecommendAsync();

        await harness.DecideAsync(ChairDecisionKind.Decline);

        Assert.Equal(
            [StatutoryTasks.OfstedIncidentNotification, "notify-ofsted", "notify-national-panel"],
            harness.Case.Tasks.Select(t => t.Id));
        Assert.DoesNotContain(harness.Case.Clocks, c => c.Kind == ClockKinds.NationalPanelReasons);
        Assert.Equal(StatutoryTasks.DeclineScrutiny, harness.Case.Decision!.NationalPanelScrutiny);
        Assert.Empty(DeadlinePlanner.For(harness.Case, harness.Board)); // the decision clock is met
    }

    [Fact]
    public async Task A_CSPR_case_gets_CSPR_clocks_and_citations_only()
    {
        var harness = new ClockHarness(At(2026, 12, 1), Board with { Rulebook = RulebookKind.Cspr });
        await harness.ReferAsync(new Referral { Child = new Child { Incident = IncidentKind.Died }, CriteriaAnswers = new Dictionary<string, bool> { ["abuse-or-neglect"] = true } });
        await harness.RecommendAsync();

        await harness.DecideAsync(ChairDecisionKind.Approve);

        Assert.Equal([ClockKinds.PanelNotification, ClockKinds.RapidReview], harness.Case.Clocks.Select(c => c.Kind));
        Assert.All(harness.Case.Clocks, c => Assert.DoesNotContain("Enfield", c.Rule, StringComparison.Ordinal));
        Assert.All(harness.Case.Tasks.Where(t => t.Id.StartsWith("notify-", StringComparison.Ordinal)), t => Assert.DoesNotContain("Enfield", t.Title, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Case.Tasks, t => t.Id == StatutoryTasks.OfstedIncidentNotification);
    }

    private static DateTimeOffset[] Reminders(ClockHarness harness)
        => [.. DeadlinePlanner.For(harness.Case, harness.Board).Select(d => d.DueAt)];
}
