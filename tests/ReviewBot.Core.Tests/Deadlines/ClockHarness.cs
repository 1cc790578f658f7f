using Microsoft.Extensions.Time.Testing;
using Moq;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Ports;
using ReviewBot.Core.Referrals;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Deadlines;

/// <summary>One case through the real intake and workflow, with a clock the test moves and a one-case store at the port.</summary>
internal sealed class ClockHarness
{
    private readonly Mock<ICaseStore> store = new(MockBehavior.Strict);
    private ReviewCase? stored;

    public ClockHarness(DateTimeOffset start, BoardConfiguration? board = null)
    {
        Clock = new FakeTimeProvider(start);
        Board = board ?? Decisions.CaseFixtures.Board;
        store.Setup(s => s.FindBySubmissionAsync(Board.BoardId, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((ReviewCase?)null);
        store.Setup(s => s.AllocateReferenceAsync(Board.BoardId, It.IsAny<RulebookKind>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, RulebookKind kind, int year, CancellationToken _) => CaseReference.Create(kind, year, 1));
        store.Setup(s => s.CreateAsync(It.IsAny<ReviewCase>(), It.IsAny<CaseEvent>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<CaseEffect>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ReviewCase c, CaseEvent e, string _, IReadOnlyList<CaseEffect> _, CancellationToken _) =>
            {
                Events.Add(e);
                return stored = c with { Version = 1 };
            });
        store.Setup(s => s.AppendEventAsync(Board.BoardId, It.IsAny<CaseEvent>(), It.IsAny<CancellationToken>()))
            .Callback<string, CaseEvent, CancellationToken>((_, e, _) => Events.Add(e))
            .Returns(Task.CompletedTask);
        store.Setup(s => s.RecordRefusalAsync(Board.BoardId, It.IsAny<CaseEvent>(), It.IsAny<CancellationToken>()))
            .Callback<string, CaseEvent, CancellationToken>((_, e, _) => Events.Add(e))
            .Returns(Task.CompletedTask);
        store.Setup(s => s.UpdateAsync(Board.BoardId, It.IsAny<CaseReference>(), It.IsAny<Func<ReviewCase, CaseChange?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, CaseReference _, Func<ReviewCase, CaseChange?> decide, CancellationToken _) =>
            {
                if (decide(stored!) is not { } change)
                {
                    return new CaseUpdateResult(stored!, false);
                }

                stored = change.Updated with { Version = stored!.Version + 1 };
                Events.Add(change.Event);
                return new CaseUpdateResult(stored, true);
            });
    }

    public FakeTimeProvider Clock { get; }

    public BoardConfiguration Board { get; }

    public List<CaseEvent> Events { get; } = [];

    public ReviewCase Case => stored ?? throw new InvalidOperationException("Refer first.");

    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    public async Task<ReviewCase> ReferAsync(Referral? referral = null)
    {
        var intake = new ReferralIntake(store.Object, Clock);
        var referred = referral ?? new Referral { Child = new Child { Incident = IncidentKind.Died } };
        return (await intake.SubmitAsync(Board, referred, "submission", Decisions.CaseFixtures.Referrer, null, CancellationToken.None)).Case;
    }

    public Task<CaseActionResult> ActAsync(string actor, Func<long, CaseCommand> command)
        => new CaseWorkflow(store.Object, Clock, WorkingDayCalendar.EnglandAndWales).ExecuteAsync(Board, command(Case.Version), actor, null, CancellationToken.None);

    public Task<CaseActionResult> RecommendAsync()
        => ActAsync(SubGroupChair, v => new RecommendCommand { Case = Case.Reference, CardVersion = v, Kind = RecommendationKind.Review, Rationale = "Met." });

    public Task<CaseActionResult> AskForInformationAsync()
        => ActAsync(BoardChair, v => new AskForInformationCommand { Case = Case.Reference, CardVersion = v, Question = "Which school?" });

    public Task<CaseActionResult> DecideAsync(ChairDecisionKind kind)
        => ActAsync(BoardChair, v => new DecideCommand { Case = Case.Reference, CardVersion = v, Kind = kind, Alternative = AlternativeReview.ManagementReview, Reason = "Reasons." });

    public Task<CaseActionResult> TickAsync(string actor, string taskId)
        => ActAsync(actor, v => new TickTaskCommand { Case = Case.Reference, CardVersion = v, TaskId = taskId });

    public Task<CaseActionResult> CompleteClockAsync(string actor, string kind)
        => ActAsync(actor, v => new CompleteClockCommand { Case = Case.Reference, CardVersion = v, ClockKind = kind });

    public void MoveTo(DateTimeOffset when) => Clock.SetUtcNow(when);

    public CaseClock ClockOf(string kind) => Case.Clocks.Single(c => c.Kind == kind);
}
