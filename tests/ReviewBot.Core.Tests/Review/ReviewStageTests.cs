using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Review;
using ReviewBot.Core.Tests.Decisions;
using static ReviewBot.Core.Tests.Review.ReviewHarness;

namespace ReviewBot.Core.Tests.Review;

public class ReviewStageTests
{
    // Monday 14 December 2026, 10:00 UTC: Christmas (25, 28 December) and New Year (1 January) lie ahead.
    private static readonly DateTimeOffset Start = new(2026, 12, 14, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Who may move each stage on: written out here, not read from the stage table.</summary>
    public static TheoryData<ReviewStage, string, bool> WhoMovesEachStageOn()
    {
        var movers = new Dictionary<ReviewStage, BoardRole[]>
        {
            [ReviewStage.ReviewTeam] = [BoardRole.BusinessManager],
            [ReviewStage.TermsOfReference] = [BoardRole.BusinessManager, BoardRole.SubGroupChair],
            [ReviewStage.LeadReviewer] = [BoardRole.BusinessManager],
            [ReviewStage.ImrsAndChronologies] = [BoardRole.BusinessManager],
            [ReviewStage.PanelMeetings] = [BoardRole.BusinessManager],
            [ReviewStage.DraftOverviewReport] = [BoardRole.BusinessManager, BoardRole.LeadReviewer],
            [ReviewStage.PanelSignOff] = [BoardRole.BusinessManager],
            [ReviewStage.BoardApproval] = [BoardRole.BoardChair],
            [ReviewStage.Publication] = [BoardRole.BusinessManager],
            [ReviewStage.ActionPlanMonitoring] = [BoardRole.BusinessManager, BoardRole.SubGroupChair],
            [ReviewStage.LearningDisseminated] = [BoardRole.BusinessManager],
        };
        var data = new TheoryData<ReviewStage, string, bool>();
        foreach (var (stage, roles) in movers)
        {
            foreach (var (actor, role) in Actors)
            {
                data.Add(stage, actor, role is { } r && roles.Contains(r));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WhoMovesEachStageOn))]
    public async Task Only_the_stages_own_role_moves_it_on_and_each_move_is_audited(ReviewStage stage, string actor, bool permitted)
    {
        var h = new ReviewHarness(Start);
        h.Case = ReadyAt(h.Case, stage, h.Today);
        if (actor == LeadReviewer)
        {
            h.Case = h.Case with { Parties = [.. h.Case.Parties, new(LeadReviewer, BoardRole.LeadReviewer, "Lee Reviewer")] };
        }

        var result = await h.RunAsync(actor, v => new AdvanceStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = stage });

        Assert.Equal(permitted, result.Applied);
        if (permitted)
        {
            Assert.Equal(ReviewStages.Next(stage), h.Case.Review!.Stage);
            var moved = Assert.Single(h.Events, e => e.Action == "ReviewStageCompleted");
            Assert.Equal((actor, $"{stage}->{ReviewStages.Next(stage)}"), (moved.ActorObjectId, moved.Detail));
            Assert.Equal(stage, h.Case.Review.History[^1].Stage);
        }
        else
        {
            Assert.Equal(stage, h.Case.Review!.Stage);
            Assert.Equal(Actors[actor] is null ? CaseActionStatus.NotFound : CaseActionStatus.NotAuthorised, result.Status);
            Assert.DoesNotContain("Bea Manager", result.Problem ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ReviewStage.ReviewTeam, true)]
    [InlineData(ReviewStage.TermsOfReference, true)]
    [InlineData(ReviewStage.LeadReviewer, true)]
    [InlineData(ReviewStage.ImrsAndChronologies, true)]
    [InlineData(ReviewStage.PanelMeetings, true)]
    [InlineData(ReviewStage.DraftOverviewReport, true)]
    [InlineData(ReviewStage.PanelSignOff, true)]
    [InlineData(ReviewStage.BoardApproval, false)]
    [InlineData(ReviewStage.Publication, false)]
    [InlineData(ReviewStage.ActionPlanMonitoring, true)]
    [InlineData(ReviewStage.LearningDisseminated, true)]
    public async Task A_stage_is_skipped_only_with_a_recorded_reason(ReviewStage stage, bool skippable)
    {
        var h = new ReviewHarness(Start);
        h.Case = h.Case with { Review = h.Case.Review! with { Stage = stage } };

        var blank = await h.RunAsync(CaseFixtures.BoardChair, v => new SkipStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = stage, Reason = "  " });
        Assert.Equal(CaseActionStatus.Invalid, blank.Status);
        Assert.Equal(stage, h.Case.Review!.Stage);

        var skipped = await h.RunAsync(CaseFixtures.BoardChair, v => new SkipStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = stage, Reason = "Covered by the joint review" });
        Assert.Equal(skippable, skipped.Applied);
        if (skippable)
        {
            Assert.Equal(ReviewStages.Next(stage), h.Case.Review!.Stage);
            Assert.Equal((stage, "Covered by the joint review"), (h.Case.Review.History[^1].Stage, h.Case.Review.History[^1].SkippedReason));
            Assert.Contains(h.Events, e => e.Action == "ReviewStageSkipped" && e.Detail == $"{stage}->{ReviewStages.Next(stage)}");
            Assert.DoesNotContain(h.Events, e => e.Detail?.Contains("joint review", StringComparison.Ordinal) == true); // reasons stay out of the audit
        }
        else
        {
            Assert.Contains("cannot be skipped", skipped.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stage_clocks_and_reminders_fall_on_working_days_across_Christmas_2026()
    {
        var h = new ReviewHarness(Start);
        Assert.Equal((ReviewStage.ReviewTeam, new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 21)), (h.Case.Review!.Stage, h.Case.Review.StageStartedOn, h.Case.Review.StageDueOn));

        // Moved on on Monday 21 December: ten working days skip 25 and 28 December and 1 January.
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 21, 15, 0, 0, TimeSpan.Zero));
        var moved = await h.RunAsync(CaseFixtures.BusinessManager, v => new AdvanceStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = ReviewStage.ReviewTeam, Team = "Bea Manager, Pat Panel" });
        Assert.True(moved.Applied, moved.Problem);
        Assert.Equal(new DateOnly(2027, 1, 7), h.Case.Review!.StageDueOn);

        var reminders = ReviewReminderPlanner.For(h.Case, Board).Where(d => d.Kind.StartsWith(ReviewReminderPlanner.StagePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                ("review-stage:TermsOfReference:20261221:-2", new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero)),
                ("review-stage:TermsOfReference:20261221:0", new DateTimeOffset(2027, 1, 7, 9, 0, 0, TimeSpan.Zero)),
                ("review-stage:TermsOfReference:20261221:1", new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.Zero)),
            ],
            reminders.Select(d => (d.Kind, d.DueAt)).ToList());
        Assert.DoesNotContain(AllReminders(h.Case), d => d.Kind.Contains("ReviewTeam", StringComparison.Ordinal)); // the stage left is no longer reminded
    }

    [Fact]
    public async Task The_lead_reviewer_needs_both_agreements_the_checks_and_independence_then_the_national_panel_is_told_as_a_task()
    {
        var h = new ReviewHarness(Start);
        h.Case = h.Case with { Review = h.Case.Review! with { Stage = ReviewStage.LeadReviewer } };
        Assert.Equal("Lee Reviewer", h.Case.Review.LeadReviewer.Name); // the sub-group's proposal carried over

        async Task<CaseActionResult> Advance() => await h.RunAsync(CaseFixtures.BusinessManager, v => new AdvanceStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = ReviewStage.LeadReviewer });

        Assert.True((await h.RunAsync(CaseFixtures.BoardChair, v => new AgreeLeadReviewerCommand { Case = CaseFixtures.Reference, CardVersion = v })).Applied);
        Assert.Equal(CaseActionStatus.Invalid, (await h.RunAsync(CaseFixtures.BoardChair, v => new AgreeLeadReviewerCommand { Case = CaseFixtures.Reference, CardVersion = v })).Status);
        var early = await Advance();
        Assert.Contains("director of children's services' agreement", early.Problem, StringComparison.Ordinal);

        Assert.True((await h.RunAsync(Director, v => new AgreeLeadReviewerCommand { Case = CaseFixtures.Reference, CardVersion = v })).Applied);
        Assert.Equal(CaseActionStatus.NotAuthorised, (await h.RunAsync(CaseFixtures.HeadOfSafeguarding, v => new AgreeLeadReviewerCommand { Case = CaseFixtures.Reference, CardVersion = v })).Status);
        Assert.True((await h.RunAsync(CaseFixtures.BusinessManager, v => new RecordLeadReviewerCheckCommand { Case = CaseFixtures.Reference, CardVersion = v, Check = LeadReviewerCheck.Training })).Applied);
        Assert.Contains("training and reference checks", (await Advance()).Problem, StringComparison.Ordinal);
        Assert.True((await h.RunAsync(CaseFixtures.BusinessManager, v => new RecordLeadReviewerCheckCommand { Case = CaseFixtures.Reference, CardVersion = v, Check = LeadReviewerCheck.References })).Applied);
        Assert.Equal(CaseActionStatus.Invalid, (await h.RunAsync(CaseFixtures.BusinessManager, v => new ConfirmLeadReviewerIndependenceCommand { Case = CaseFixtures.Reference, CardVersion = v, Confirmed = false })).Status);
        Assert.True((await h.RunAsync(CaseFixtures.BusinessManager, v => new ConfirmLeadReviewerIndependenceCommand { Case = CaseFixtures.Reference, CardVersion = v, Confirmed = true })).Applied);

        var appointment = h.Case.Review!.LeadReviewer;
        Assert.Equal((CaseFixtures.BoardChair, Director), (appointment.ChairAgreed!.ByObjectId, appointment.DirectorAgreed!.ByObjectId));
        Assert.StartsWith("Lee Reviewer is independent of the board", appointment.IndependenceStatement, StringComparison.Ordinal);
        Assert.True((await Advance()).Applied);
        var task = Assert.Single(h.Case.Tasks, t => t.Id == "review-appointment-the-national-panel");
        Assert.Equal(BoardRole.BusinessManager, task.OwnerRole);
        Assert.Equal(new DateOnly(2026, 12, 21), BoardTime.Today(Board, task.DueAt));
        Assert.Equal(["LeadReviewerAgreed", "LeadReviewerAgreed", "LeadReviewerChecked", "LeadReviewerChecked", "LeadReviewerIndependenceConfirmed", "ReviewStageCompleted"], h.Events.Where(e => e.Version > 0).Select(e => e.Action));
    }

    [Fact]
    public async Task Panel_sign_off_waits_for_every_panel_member_on_the_latest_version()
    {
        var h = new ReviewHarness(Start);
        h.Case = ReadyAt(h.Case, ReviewStage.PanelSignOff, h.Today);
        h.Case = h.Case with { Review = h.Case.Review! with { SignOffs = [], Reports = [.. h.Case.Review.Reports, h.Case.Review.Reports[0] with { Label = "v2" }] } };

        var stale = await h.RunAsync(PanelMember, v => new SignOffReportCommand { Case = CaseFixtures.Reference, CardVersion = v, VersionLabel = "v1" });
        Assert.Contains("newer version", stale.Problem, StringComparison.Ordinal);
        Assert.Contains("signed off", (await h.RunAsync(CaseFixtures.BusinessManager, v => new AdvanceStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = ReviewStage.PanelSignOff })).Problem, StringComparison.Ordinal);
        Assert.Equal(CaseActionStatus.NotAuthorised, (await h.RunAsync(CaseFixtures.BusinessManager, v => new SignOffReportCommand { Case = CaseFixtures.Reference, CardVersion = v, VersionLabel = "v2" })).Status);

        Assert.True((await h.RunAsync(PanelMember, v => new SignOffReportCommand { Case = CaseFixtures.Reference, CardVersion = v, VersionLabel = "v2" })).Applied);
        Assert.True((await h.RunAsync(CaseFixtures.BusinessManager, v => new AdvanceStageCommand { Case = CaseFixtures.Reference, CardVersion = v, Stage = ReviewStage.PanelSignOff })).Applied);
        Assert.Equal(ReviewStage.BoardApproval, h.Case.Review!.Stage);
    }

    private static IEnumerable<ReviewBot.Core.Deadlines.Deadline> AllReminders(ReviewCase c) => ReviewBot.Core.Deadlines.DeadlinePlanner.For(c, Board);
}
