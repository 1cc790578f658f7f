using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Referrals;
using static ReviewBot.Core.Tests.Criteria.CriteriaTestData;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Deadlines;

/// <summary>The CSPR working-day clocks: owners, reminders on working days at the board's offsets, marked done by the owner.</summary>
public sealed class CsprClockTests
{
    private static readonly BoardConfiguration CsprBoard = Decisions.CaseFixtures.Board with { Rulebook = RulebookKind.Cspr };

    public static TheoryData<string, string, string[], string, string[]> AcrossHolidays => new()
    {
        // Aware Tue 22 Dec 2026: 25 Dec, Boxing Day substituted on Mon 28 Dec, and 1 Jan are not working days.
        { "2026-12-22", "2026-12-31", ["2026-12-29", "2026-12-31", "2027-01-04"], "2027-01-15", ["2027-01-13", "2027-01-15", "2027-01-18"] },
        // Aware Tue 31 May 2022: the moved spring bank holiday (2 June) and the Platinum Jubilee (3 June).
        { "2022-05-31", "2022-06-09", ["2022-06-07", "2022-06-09", "2022-06-10"], "2022-06-23", ["2022-06-21", "2022-06-23", "2022-06-24"] },
        // Aware Fri 9 Sep 2022: the overdue reminder and the rapid review count skip the state funeral (Mon 19 Sep).
        { "2022-09-09", "2022-09-16", ["2022-09-14", "2022-09-16", "2022-09-20"], "2022-10-03", ["2022-09-29", "2022-10-03", "2022-10-04"] },
    };

    [Theory]
    [MemberData(nameof(AcrossHolidays))]
    public async Task Reminders_fall_on_working_days_at_the_boards_offsets(string aware, string notificationDue, string[] notificationReminders, string rapidReviewDue, string[] rapidReviewReminders)
    {
        var harness = await ReferredAsync(D(aware));

        Assert.Equal(D(notificationDue), harness.ClockOf(ClockKinds.PanelNotification).DueOn);
        Assert.Equal(D(rapidReviewDue), harness.ClockOf(ClockKinds.RapidReview).DueOn);
        Assert.Equal(notificationReminders.Select(D), ReminderDays(harness, ClockKinds.PanelNotification));
        Assert.Equal(rapidReviewReminders.Select(D), ReminderDays(harness, ClockKinds.RapidReview));
        Assert.All(DeadlinePlanner.For(harness.Case, harness.Board), d => Assert.Equal(BoardTime.At(harness.Board, BoardTime.Today(harness.Board, d.DueAt), new TimeOnly(9, 0)), d.DueAt));
    }

    [Fact]
    public async Task A_board_that_sets_its_own_offsets_is_reminded_on_those_working_days()
    {
        var harness = await ReferredAsync(D("2026-12-22"), CsprBoard with { StatutoryReminderOffsetWorkingDays = [-3, -1] });

        // Due Thu 31 Dec: three working days before skips Christmas, the weekend and the substitute Boxing Day (Mon 28 Dec).
        Assert.Equal([D("2026-12-24"), D("2026-12-30")], ReminderDays(harness, ClockKinds.PanelNotification));
        Assert.Equal([D("2027-01-12"), D("2027-01-14")], ReminderDays(harness, ClockKinds.RapidReview));
    }

    [Fact]
    public async Task Marking_the_step_done_records_who_and_when_and_stops_its_reminders()
    {
        var harness = await ReferredAsync(D("2026-12-22"));
        var before = harness.Case;
        harness.MoveTo(new DateTimeOffset(2026, 12, 29, 14, 30, 0, TimeSpan.Zero));

        var result = await harness.CompleteClockAsync(HeadOfSafeguarding, ClockKinds.PanelNotification);

        Assert.Equal(CaseActionStatus.Applied, result.Status);
        var clock = harness.ClockOf(ClockKinds.PanelNotification);
        Assert.Equal((new DateTimeOffset(2026, 12, 29, 14, 30, 0, TimeSpan.Zero), HeadOfSafeguarding), (clock.CompletedAt!.Value, clock.CompletedByObjectId!));
        Assert.Empty(ReminderDays(harness, ClockKinds.PanelNotification));
        Assert.Equal(3, ReminderDays(harness, ClockKinds.RapidReview).Length); // the other step still runs
        Assert.Equal(3, DeadlinePlanner.NoLongerNeeded(before, harness.Case, harness.Board).Count);
        Assert.Equal(("ClockCompleted", ClockKinds.PanelNotification), (harness.Events.Last().Action, harness.Events.Last().Detail));
        Assert.Equal(CaseActionStatus.Invalid, (await harness.CompleteClockAsync(HeadOfSafeguarding, ClockKinds.PanelNotification)).Status); // once
    }

    [Fact]
    public async Task Only_the_clocks_owner_may_mark_it_done()
    {
        var harness = await ReferredAsync(D("2026-12-22"));

        var refused = await harness.CompleteClockAsync(SubGroupChair, ClockKinds.PanelNotification);
        var rapidReviewByHead = await harness.CompleteClockAsync(HeadOfSafeguarding, ClockKinds.RapidReview);

        Assert.Equal(CaseActionStatus.NotAuthorised, refused.Status);
        Assert.Equal([BoardRole.HeadOfSafeguarding], refused.PermittedRoles);
        Assert.Contains("Only the head of safeguarding may mark this step done", refused.Problem, StringComparison.Ordinal);
        Assert.Equal([BoardRole.BusinessManager], rapidReviewByHead.PermittedRoles); // the rapid review's owner
        Assert.Null(harness.ClockOf(ClockKinds.PanelNotification).CompletedAt);
        Assert.Equal(CaseActionStatus.Applied, (await harness.CompleteClockAsync(BusinessManager, ClockKinds.RapidReview)).Status);
    }

    private static async Task<ClockHarness> ReferredAsync(DateOnly aware, BoardConfiguration? board = null)
    {
        var harness = new ClockHarness(new DateTimeOffset(aware.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), board ?? CsprBoard);
        await harness.ReferAsync(new Referral
        {
            Child = new Child { Incident = IncidentKind.Died },
            LocalAuthorityBecameAware = aware,
            CriteriaAnswers = Answers("abuse-or-neglect=yes in-local-authority-area=yes"),
        });
        return harness;
    }

    private static DateOnly[] ReminderDays(ClockHarness harness, string kind)
        => [.. DeadlinePlanner.For(harness.Case, harness.Board)
            .Where(d => DeadlinePlanner.ReminderClockKind(d) == kind)
            .Select(d => BoardTime.Today(harness.Board, d.DueAt))];
}
