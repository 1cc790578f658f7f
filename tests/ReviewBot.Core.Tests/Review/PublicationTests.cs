using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Review;
using ReviewBot.Core.Tests.Decisions;
using static ReviewBot.Core.Tests.Review.ReviewHarness;

namespace ReviewBot.Core.Tests.Review;

public class PublicationTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 14, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(RulebookKind.Scr, "2027-01-11", "2027-01-04", new[] { "review-publication-notice-the-national-panel" })]
    [InlineData(RulebookKind.Scr, "2027-01-08", "2026-12-31", new[] { "review-publication-notice-the-national-panel" })] // 1 January is a bank holiday
    [InlineData(RulebookKind.Cspr, "2027-01-11", "2027-01-04", new[] { "review-publication-notice-the-child-safeguarding-practice-review-panel", "review-publication-notice-the-secretary-of-state" })]
    public async Task The_national_recipients_are_told_the_notice_period_before_the_planned_date(RulebookKind rulebook, string planned, string noticeDue, string[] taskIds)
    {
        var h = new ReviewHarness(Start);
        h.Case = h.Case with { Rulebook = rulebook, Review = h.Case.Review! with { Stage = ReviewStage.Publication } };

        var tooSoon = await h.RunAsync(CaseFixtures.BusinessManager, v => new PlanPublicationCommand { Case = CaseFixtures.Reference, CardVersion = v, PlannedOn = new DateOnly(2026, 12, 18) });
        Assert.Contains("at least 7 days ahead", tooSoon.Problem, StringComparison.Ordinal);

        var plannedOn = DateOnly.Parse(planned, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((await h.RunAsync(CaseFixtures.BusinessManager, v => new PlanPublicationCommand { Case = CaseFixtures.Reference, CardVersion = v, PlannedOn = plannedOn })).Applied);
        var notices = Publication.NoticeTasks(h.Case).ToList();
        Assert.Equal(taskIds, notices.Select(t => t.Id));
        Assert.All(notices, t => Assert.Equal(DateOnly.Parse(noticeDue, System.Globalization.CultureInfo.InvariantCulture), BoardTime.Today(Board, t.DueAt)));
        Assert.Equal(plannedOn, h.Case.Review!.StageDueOn); // the publication stage is due on its planned date
        Assert.Contains(ReviewBot.Core.Deadlines.DeadlinePlanner.For(h.Case, Board), d => d.Kind == $"review-task:{taskIds[0]}:{noticeDue.Replace("-", string.Empty, StringComparison.Ordinal)}:0");
    }

    [Fact]
    public async Task Publication_is_blocked_until_the_checklist_is_complete_and_the_notice_period_has_passed()
    {
        var h = new ReviewHarness(Start);
        h.Case = h.Case with { Review = h.Case.Review! with { Stage = ReviewStage.Publication } };
        Task<CaseActionResult> Publish() => h.RunAsync(CaseFixtures.BusinessManager, v => new AdvanceStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = ReviewStage.Publication });
        Task<CaseActionResult> Tick(string checks) => h.RunAsync(CaseFixtures.BusinessManager, v => new TickAnonymisationCommand { Case = CaseFixtures.Reference, CardVersion = v, ChecksInput = checks });

        Assert.Contains("planned publication date", (await Publish()).Problem, StringComparison.Ordinal);
        Assert.True((await h.RunAsync(CaseFixtures.BusinessManager, v => new PlanPublicationCommand { Case = CaseFixtures.Reference, CardVersion = v, PlannedOn = new DateOnly(2027, 1, 11) })).Applied);

        // Four of the five checks: still blocked, and the card says which one is open.
        Assert.True((await Tick("NoNames,NoDatesOfBirth,NoAddresses,NoSchools,NotACheck")).Applied);
        var partial = await Publish();
        Assert.Equal(CaseActionStatus.Invalid, partial.Status);
        Assert.Contains("motivated-intruder test", partial.Problem, StringComparison.Ordinal);
        Assert.Equal(CaseActionStatus.Invalid, (await Tick("NoNames")).Status); // already ticked
        Assert.True((await Tick("MotivatedIntruderTest")).Applied);
        Assert.True(h.Case.Review!.Publication.ChecklistComplete);

        // Checklist complete, but the national panel has not been told.
        Assert.Contains("must be told before publication", (await Publish()).Problem, StringComparison.Ordinal);

        // Told on Monday 4 January 2027: not on Sunday 10th, from Monday 11th.
        h.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 11, 0, 0, TimeSpan.Zero));
        var notice = Publication.NoticeTasks(h.Case).Single().Id;
        Assert.True((await h.RunAsync(CaseFixtures.BusinessManager, v => new TickTaskCommand { Case = CaseFixtures.Reference, CardVersion = v, TaskId = notice })).Applied);
        h.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 10, 11, 0, 0, TimeSpan.Zero));
        var early = await Publish();
        Assert.Contains("notice period has not passed", early.Problem, StringComparison.Ordinal);
        Assert.Contains("11 January 2027", early.Problem, StringComparison.Ordinal);
        Assert.Equal(ReviewStage.Publication, h.Case.Review!.Stage);

        h.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 11, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(CaseActionStatus.NotAuthorised, (await h.RunAsync(PanelMember, v => new AdvanceStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = ReviewStage.Publication })).Status);
        Assert.True((await Publish()).Applied);
        var published = h.Case.Review!.Publication;
        Assert.Equal((new DateOnly(2027, 1, 11), new DateOnly(2028, 1, 11)), (published.PublishedOn!.Value, published.PublishedUntil!.Value));
        Assert.Equal(ReviewStage.ActionPlanMonitoring, h.Case.Review.Stage);
    }

    [Fact]
    public async Task A_decision_not_to_publish_records_the_reasons_and_sets_a_task_to_seek_the_panels_advice()
    {
        var h = new ReviewHarness(Start);
        h.Case = h.Case with { Review = h.Case.Review! with { Stage = ReviewStage.Publication } };

        Assert.Equal(CaseActionStatus.NotAuthorised, (await h.RunAsync(CaseFixtures.BusinessManager, v => new DecideNotToPublishCommand { Case = CaseFixtures.Reference, CardVersion = v, Reason = "Siblings identifiable" })).Status);
        Assert.Equal(CaseActionStatus.Invalid, (await h.RunAsync(CaseFixtures.BoardChair, v => new DecideNotToPublishCommand { Case = CaseFixtures.Reference, CardVersion = v, Reason = " " })).Status);
        Assert.True((await h.RunAsync(CaseFixtures.BoardChair, v => new DecideNotToPublishCommand { Case = CaseFixtures.Reference, CardVersion = v, Reason = "Siblings identifiable" })).Applied);

        var review = h.Case.Review!;
        Assert.Equal(("Siblings identifiable", CaseFixtures.BoardChair), (review.Publication.NotPublishedReason, review.Publication.NotPublishedBy!.ByObjectId));
        Assert.Null(review.Publication.PublishedOn);
        Assert.Equal(ReviewStage.ActionPlanMonitoring, review.Stage);
        var advice = Assert.Single(h.Case.Tasks, t => t.Id == Publication.AdviceTaskId);
        Assert.Contains("advice of the national panel", advice.Title, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 21), BoardTime.Today(Board, advice.DueAt));
    }

    [Fact]
    public async Task Closing_the_last_stage_closes_the_case()
    {
        var h = new ReviewHarness(Start);
        h.Case = h.Case with { Review = h.Case.Review! with { Stage = ReviewStage.LearningDisseminated }, Learning = ReviewHarness.Disseminated(new Recorded(CaseFixtures.BusinessManager, Start)) };

        Assert.True((await h.RunAsync(CaseFixtures.BusinessManager, v => new AdvanceStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = ReviewStage.LearningDisseminated })).Applied);

        Assert.Equal((CaseStage.Closed, ReviewStage.Closed), (h.Case.Stage, h.Case.Review!.Stage));
        Assert.Equal(Start, h.Case.ClosedAt);
        Assert.Empty(ReviewReminderPlanner.For(h.Case, Board));
    }
}
