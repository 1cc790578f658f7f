using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Decisions;

public class CommandTests
{
    private static CaseCommandContext ContextAt(DateTimeOffset now, string actor = SubGroupChair)
        => new(Board, actor, now, BoardTime.Today(Board, now), WorkingDayCalendar.EnglandAndWales);

    private static readonly DateTimeOffset Friday18Dec = new(2026, 12, 18, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Recommendation_without_rationale_is_re_asked()
    {
        var result = new RecommendCommand { Case = Reference, CardVersion = 3, Kind = RecommendationKind.Review, Rationale = "  " }
            .Apply(NewCase(), ContextAt(Friday18Dec));

        Assert.Null(result.Updated);
        Assert.Contains("rationale", result.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Alternative_recommendation_needs_the_alternative()
    {
        var result = new RecommendCommand { Case = Reference, CardVersion = 3, Kind = RecommendationKind.AlternativeReview, Rationale = "No inter-agency concerns." }
            .Apply(NewCase(), ContextAt(Friday18Dec));

        Assert.Null(result.Updated);
        Assert.Contains("alternative", result.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Recommendation_moves_the_case_to_the_chair_with_a_one_month_clock()
    {
        var result = new RecommendCommand { Case = Reference, CardVersion = 3, Kind = RecommendationKind.Review, Rationale = "Child died; abuse suspected.", Methodology = "SCIE" }
            .Apply(NewCase(), ContextAt(Friday18Dec));

        var updated = Assert.IsType<ReviewCase>(result.Updated);
        Assert.Equal(CaseStage.AwaitingChairDecision, updated.Stage);
        Assert.Equal(SubGroupChair, updated.Recommendation!.ByObjectId);
        var clock = Assert.Single(updated.Clocks, c => c.Kind == ClockKinds.ChairDecision);
        Assert.Equal(new DateOnly(2026, 12, 18), clock.StartedOn);
        Assert.Equal(new DateOnly(2027, 1, 18), clock.DueOn);
    }

    [Theory]
    [InlineData(RecommendationKind.Review, ChairDecisionKind.Decline)]
    [InlineData(RecommendationKind.AlternativeReview, ChairDecisionKind.Approve)]
    public void Chair_departing_from_the_recommendation_must_give_reasons(RecommendationKind recommended, ChairDecisionKind decided)
    {
        var current = Recommended(recommended, recommended == RecommendationKind.AlternativeReview ? AlternativeReview.LearningLessonsReview : null);
        var withoutReason = new DecideCommand { Case = Reference, CardVersion = 3, Kind = decided, Alternative = AlternativeReview.ManagementReview };
        var withReason = withoutReason with { Reason = "The agencies' own reviews will capture the learning sooner." };

        Assert.Contains("reasons", withoutReason.Apply(current, ContextAt(Friday18Dec, BoardChair)).Problem, StringComparison.OrdinalIgnoreCase);
        var decision = withReason.Apply(current, ContextAt(Friday18Dec, BoardChair)).Updated!.Decision!;
        Assert.True(decision.DepartsFromRecommendation);
        Assert.Equal(BoardChair, decision.ByObjectId);
    }

    [Fact]
    public void Approving_as_recommended_initiates_the_review_with_one_working_day_tasks()
    {
        var result = new DecideCommand { Case = Reference, CardVersion = 3, Kind = ChairDecisionKind.Approve }
            .Apply(Recommended(), ContextAt(Friday18Dec, BoardChair));

        var updated = Assert.IsType<ReviewCase>(result.Updated);
        Assert.Equal(CaseStage.ReviewInitiated, updated.Stage);
        Assert.False(updated.Decision!.DepartsFromRecommendation);
        Assert.Contains(updated.Tasks, t => t.Id == "notify-ofsted" && t.OwnerRole == BoardRole.HeadOfSafeguarding);
        Assert.Contains(updated.Tasks, t => t.Id == "notify-national-panel" && t.OwnerRole == BoardRole.HeadOfSafeguarding);
        // Enfield 4.3: the one-working-day tasks belong to the LA child protection adviser (head of safeguarding).
        Assert.All(updated.Tasks, t => Assert.Equal(BoardRole.HeadOfSafeguarding, t.OwnerRole));
        // Friday's decision: one working day later is Monday 21 December, due at 17:00 London time (GMT).
        Assert.All(updated.Tasks, t => Assert.Equal(new DateTimeOffset(2026, 12, 21, 17, 0, 0, TimeSpan.Zero), t.DueAt));
        Assert.NotNull(Assert.Single(updated.Clocks, c => c.Kind == ClockKinds.ChairDecision).CompletedAt);
        Assert.Equal(new DateOnly(2027, 6, 18), Assert.Single(updated.Clocks, c => c.Kind == ClockKinds.ReviewCompletion).DueOn);
    }

    [Fact]
    public void A_board_that_gives_the_days_tasks_to_other_people_has_them_owned_as_it_configured()
    {
        var board = Board with
        {
            DecisionNotificationOwner = BoardRole.BusinessManager,
            ReviewInitiationTasks = [new("secure-files", "Secure the files", BoardRole.SubGroupChair, 1)],
        };
        var context = new CaseCommandContext(board, BoardChair, Friday18Dec, BoardTime.Today(board, Friday18Dec), WorkingDayCalendar.EnglandAndWales);

        var updated = new DecideCommand { Case = Reference, CardVersion = 3, Kind = ChairDecisionKind.Approve }.Apply(Recommended(), context).Updated!;

        Assert.Equal(
            [("notify-national-panel", BoardRole.BusinessManager), ("notify-ofsted", BoardRole.BusinessManager), ("secure-files", BoardRole.SubGroupChair)],
            updated.Tasks.Select(t => (t.Id, t.OwnerRole)).Order());
    }

    [Fact]
    public void One_working_day_after_Christmas_Eve_skips_the_bank_holidays()
    {
        var christmasEve = new DateTimeOffset(2026, 12, 24, 15, 0, 0, TimeSpan.Zero);
        var updated = new DecideCommand { Case = Reference, CardVersion = 3, Kind = ChairDecisionKind.Approve }
            .Apply(Recommended(), ContextAt(christmasEve, BoardChair)).Updated!;

        // 25 Dec (Fri) Christmas, 26 Dec Saturday so Boxing Day is substituted on Monday 28 Dec.
        Assert.All(updated.Tasks, t => Assert.Equal(new DateOnly(2026, 12, 29), DateOnly.FromDateTime(t.DueAt.UtcDateTime)));
    }

    [Fact]
    public void A_decline_sets_the_tasks_to_tell_Ofsted_and_the_national_panel_and_records_that_the_panel_may_scrutinise_it()
    {
        var updated = new DecideCommand { Case = Reference, CardVersion = 3, Kind = ChairDecisionKind.Decline, Reason = "Single-agency learning." }
            .Apply(Recommended(RecommendationKind.AlternativeReview, AlternativeReview.ManagementReview), ContextAt(Friday18Dec, BoardChair)).Updated!;

        Assert.Equal(CaseStage.AlternativeReviewAgreed, updated.Stage);
        Assert.Equal(AlternativeReview.ManagementReview, updated.Decision!.Alternative);
        Assert.Equal(["notify-ofsted", "notify-national-panel"], updated.Tasks.Select(t => t.Id));
        Assert.All(updated.Tasks, t => Assert.Contains("decision not to initiate", t.Title, StringComparison.Ordinal));
        Assert.All(updated.Tasks, t => Assert.Equal(new DateTimeOffset(2026, 12, 21, 17, 0, 0, TimeSpan.Zero), t.DueAt));
        Assert.Contains("may scrutinise", updated.Decision.NationalPanelScrutiny, StringComparison.Ordinal);
        Assert.Contains("Enfield ESCB procedure Appendix 2", updated.Decision.NationalPanelScrutiny, StringComparison.Ordinal);
        Assert.DoesNotContain(updated.Clocks, c => c.Kind == ClockKinds.NationalPanelReasons); // no source sets a 14-day deadline
        Assert.DoesNotContain(updated.Tasks, t => t.Id == "national-panel-reasons");
        Assert.NotNull(Assert.Single(updated.Clocks, c => c.Kind == ClockKinds.ChairDecision).CompletedAt);
    }

    [Fact]
    public void A_second_recommendation_keeps_the_decision_clock()
    {
        var asked = new AskForInformationCommand { Case = Reference, CardVersion = 3, Question = "Which school?" }.Apply(Recommended(), ContextAt(Friday18Dec, BoardChair)).Updated!;

        var again = new RecommendCommand { Case = Reference, CardVersion = 3, Kind = RecommendationKind.Review, Rationale = "Still met." }
            .Apply(asked, ContextAt(Friday18Dec.AddDays(5))).Updated!;

        Assert.Equal(Recommended().Clocks, again.Clocks);
    }

    [Fact]
    public void Ticking_needs_the_task_owner_or_the_business_manager_and_happens_once()
    {
        var initiated = new DecideCommand { Case = Reference, CardVersion = 3, Kind = ChairDecisionKind.Approve }
            .Apply(Recommended(), ContextAt(Friday18Dec, BoardChair)).Updated!;
        var tick = new TickTaskCommand { Case = Reference, CardVersion = 3, TaskId = "secure-files" };

        Assert.Contains("head of safeguarding", tick.Apply(initiated, ContextAt(Friday18Dec, SubGroupChair)).Problem);
        var ticked = tick.Apply(initiated, ContextAt(Friday18Dec, HeadOfSafeguarding)).Updated!;
        Assert.Equal(HeadOfSafeguarding, ticked.Tasks.Single(t => t.Id == "secure-files").DoneByObjectId);
        Assert.Contains("already", tick.Apply(ticked, ContextAt(Friday18Dec, BusinessManager)).Problem);
        Assert.Contains("not on this case", (tick with { TaskId = "nope" }).Apply(initiated, ContextAt(Friday18Dec, BusinessManager)).Problem);
    }

    [Fact]
    public void Asking_for_more_information_records_the_question_and_waits()
    {
        var updated = new AskForInformationCommand { Case = Reference, CardVersion = 3, Question = "Which school did the child attend?" }
            .Apply(Recommended(), ContextAt(Friday18Dec, BoardChair)).Updated!;

        Assert.Equal(CaseStage.MoreInformationRequested, updated.Stage);
        Assert.Equal(CaseStage.AwaitingChairDecision, Assert.Single(updated.InformationRequests).StageWhenAsked);
    }

    [Fact]
    public void A_second_panel_meeting_request_while_one_waits_is_refused()
    {
        var command = new CallPanelMeetingCommand { Case = Reference, CardVersion = 3 };
        var once = command.Apply(NewCase(), ContextAt(Friday18Dec, BusinessManager)).Updated!;

        Assert.Single(once.Meetings);
        Assert.Contains("already", command.Apply(once, ContextAt(Friday18Dec, BusinessManager)).Problem);
    }
}
