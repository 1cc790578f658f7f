using Microsoft.Extensions.Time.Testing;
using Moq;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Ports;
using ReviewBot.Core.Review;
using ReviewBot.Core.Tests.Decisions;

namespace ReviewBot.Core.Tests.Review;

/// <summary>A board with a director, a panel member and a lead reviewer; an agreed case; the workflow over a store that keeps one case.</summary>
internal sealed class ReviewHarness
{
    public const string Director = "oid-director";
    public const string PanelMember = "oid-panel-police";
    public const string LeadReviewer = "oid-lead-reviewer";

    private readonly Mock<ICaseStore> store = new(MockBehavior.Strict);

    public ReviewHarness(DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start);
        Case = Agreed();
        store.Setup(s => s.RecordRefusalAsync(Board.BoardId, It.IsAny<CaseEvent>(), It.IsAny<CancellationToken>()))
            .Callback<string, CaseEvent, CancellationToken>((_, e, _) => Events.Add(e))
            .Returns(Task.CompletedTask);
        store.Setup(s => s.UpdateAsync(Board.BoardId, CaseFixtures.Reference, It.IsAny<Func<ReviewCase, CaseChange?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, CaseReference _, Func<ReviewCase, CaseChange?> decide, CancellationToken _) =>
            {
                if (decide(Case) is not { } change)
                {
                    return new CaseUpdateResult(Case, false);
                }

                Case = change.Updated with { Version = Case.Version + 1 };
                Events.Add(change.Event with { Version = Case.Version });
                return new CaseUpdateResult(Case, true);
            });
    }

    public static BoardConfiguration Board { get; } = CaseFixtures.Board with
    {
        Agencies = [new("police", "Riverside Police")],
        People =
        [
            .. CaseFixtures.Board.People,
            new(Director, "Dee Director", null, [BoardRole.DirectorOfChildrensServices]),
            new(PanelMember, "Pat Panel", null, [BoardRole.PanelMember], "police"),
            new(LeadReviewer, "Lee Reviewer", null, [BoardRole.LeadReviewer]),
        ],
    };

    /// <summary>Each actor the tables try and the role they hold (null: a stranger).</summary>
    public static IReadOnlyDictionary<string, BoardRole?> Actors { get; } = new Dictionary<string, BoardRole?>
    {
        [CaseFixtures.Referrer] = BoardRole.Referrer,
        [CaseFixtures.BusinessManager] = BoardRole.BusinessManager,
        [CaseFixtures.SubGroupChair] = BoardRole.SubGroupChair,
        [CaseFixtures.BoardChair] = BoardRole.BoardChair,
        [CaseFixtures.HeadOfSafeguarding] = BoardRole.HeadOfSafeguarding,
        [Director] = BoardRole.DirectorOfChildrensServices,
        [PanelMember] = BoardRole.PanelMember,
        [LeadReviewer] = BoardRole.LeadReviewer,
        [CaseFixtures.Stranger] = null,
    };

    public FakeTimeProvider Clock { get; }

    public ReviewCase Case { get; set; }

    public List<CaseEvent> Events { get; } = [];

    public DateOnly Today => BoardTime.Today(Board, Clock.GetUtcNow());

    public CaseCommandContext Context(string actor) => new(Board, actor, Clock.GetUtcNow(), Today, WorkingDayCalendar.EnglandAndWales);

    /// <summary>Runs a command as <paramref name="actor"/> on the current version.</summary>
    public Task<CaseActionResult> RunAsync(string actor, Func<long, CaseCommand> command)
        => new CaseWorkflow(store.Object, Clock, WorkingDayCalendar.EnglandAndWales).ExecuteAsync(Board, command(Case.Version), actor, "test", CancellationToken.None);

    /// <summary>The chair's approval today: the review starts at its first stage.</summary>
    private ReviewCase Agreed()
    {
        var recommended = CaseFixtures.Recommended() with
        {
            Recommendation = CaseFixtures.Recommended().Recommendation! with { ProposedLeadReviewer = "Lee Reviewer" },
            Parties =
            [
                .. CaseFixtures.NewCase().Parties,
                new(Director, BoardRole.DirectorOfChildrensServices, "Dee Director"),
                new(PanelMember, BoardRole.PanelMember, "Pat Panel"),
            ],
        };
        var decided = new DecideCommand { Case = recommended.Reference, CardVersion = recommended.Version, Kind = ChairDecisionKind.Approve }
            .Apply(recommended, Context(CaseFixtures.BoardChair));
        return decided.Updated! with { Version = recommended.Version + 1 };
    }

    /// <summary>The case as it is at <paramref name="stage"/> with everything that stage needs to move on recorded.</summary>
    public static ReviewCase ReadyAt(ReviewCase c, ReviewStage stage, DateOnly today)
    {
        var by = new Recorded(CaseFixtures.BusinessManager, new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var overview = new ReportVersion(ReportKind.OverviewReport, "https://docs.example.org/overview", "v1", by);
        var review = c.Review! with
        {
            Stage = stage,
            Team = "Bea Manager (review team); Pat Panel (case team)",
            Terms = new TermsOfReference("Scope", null, [new PanelSeat(PanelMember, "police")], by),
            LeadReviewer = new LeadReviewerAppointment
            {
                Name = "Lee Reviewer", ChairAgreed = by, DirectorAgreed = by, TrainingChecked = by, ReferencesChecked = by,
                IndependenceStatement = "independent", IndependenceConfirmed = by,
            },
            Reports = [overview, overview with { Kind = ReportKind.ExecutiveSummary }],
            SignOffs = [new ReportSignOff(PanelMember, "v1", by.At)],
            Publication = new PublicationPlan
            {
                PlannedOn = today,
                Checks = Enum.GetValues<AnonymisationCheck>().ToDictionary(k => k, _ => by),
            },
        };
        var told = new FollowUpTask(Publication.NoticeTaskPrefix + "the-national-panel", "Tell the panel", BoardRole.BusinessManager, by.At.AddDays(-30), by.At.AddDays(-30), CaseFixtures.BusinessManager);
        return c with
        {
            Review = review,
            ImrRequests = [.. c.ImrRequests.Select(r => r with { Submission = new Imr.ImrSubmission("https://docs.example.org/imr", PanelMember, by.At) })],
            Tasks = [.. c.Tasks, told],
            Learning = Disseminated(by),
        };
    }

    /// <summary>Every agency confirmed its dissemination; the learning event was skipped with a reason.</summary>
    public static Learning.LearningPlan Disseminated(Recorded by)
    {
        ArgumentNullException.ThrowIfNull(by);
        return new()
        {
            Disseminations = [new Learning.AgencyDissemination("police", DateOnly.FromDateTime(by.At.UtcDateTime)) { PanelMemberObjectId = PanelMember, ConfirmedAt = by.At, ConfirmedByObjectId = PanelMember, Note = "Briefings." }],
            EventSkippedReason = "Shared at the board's conference",
            EventSkippedBy = by,
        };
    }
}
