using Microsoft.Extensions.Time.Testing;
using Moq;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Ports;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Decisions;

public class CaseWorkflowTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly Mock<ICaseStore> store = new(MockBehavior.Strict);
    private readonly List<CaseEvent> events = [];
    private static readonly CaseReference NoSuchCase = CaseReference.Create(RulebookKind.Scr, 2026, 99);
    private ReviewCase stored = NewCase();

    public CaseWorkflowTests()
    {
        store.Setup(s => s.RecordRefusalAsync(Board.BoardId, It.IsAny<CaseEvent>(), It.IsAny<CancellationToken>()))
            .Callback<string, CaseEvent, CancellationToken>((_, e, _) => events.Add(e))
            .Returns(Task.CompletedTask);
        store.Setup(s => s.UpdateAsync(Board.BoardId, NoSuchCase, It.IsAny<Func<ReviewCase, CaseChange?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CaseUpdateResult(null, false));
        // The other tenant's board has no such case: its people find nothing.
        store.Setup(s => s.UpdateAsync(OtherBoard.BoardId, It.IsAny<CaseReference>(), It.IsAny<Func<ReviewCase, CaseChange?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CaseUpdateResult(null, false));
        // The port's contract: call decide on the latest case; store the change with its event.
        store.Setup(s => s.UpdateAsync(Board.BoardId, Reference, It.IsAny<Func<ReviewCase, CaseChange?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, CaseReference _, Func<ReviewCase, CaseChange?> decide, CancellationToken _) =>
            {
                if (decide(stored) is not { } change)
                {
                    return new CaseUpdateResult(stored, false);
                }

                stored = change.Updated with { Version = stored.Version + 1 };
                events.Add(change.Event with { Version = stored.Version });
                return new CaseUpdateResult(stored, true);
            });
    }

    private CaseWorkflow Workflow => new(store.Object, clock, WorkingDayCalendar.EnglandAndWales);

    /// <summary>Every command, with the stage it applies at and the roles that may issue it.</summary>
    public static TheoryData<string, string, bool> VerbRoleMatrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (command, permitted) in new (string, BoardRole[])[]
        {
            ("recommend", [BoardRole.SubGroupChair]),
            ("more-info", [BoardRole.SubGroupChair, BoardRole.BusinessManager, BoardRole.BoardChair]),
            ("panel", [BoardRole.SubGroupChair, BoardRole.BusinessManager]),
            ("approve", [BoardRole.BoardChair]),
            ("decline", [BoardRole.BoardChair]),
        })
        {
            foreach (var (actor, role) in Actors)
            {
                data.Add(command, actor, role is { } r && permitted.Contains(r));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VerbRoleMatrix))]
    public async Task Only_permitted_roles_change_anything(string commandName, string actor, bool permitted)
    {
        var (command, startingCase) = commandName switch
        {
            "recommend" => ((CaseCommand)new RecommendCommand { Case = Reference, CardVersion = 3, Kind = RecommendationKind.Review, Rationale = "Met." }, NewCase()),
            "more-info" => (new AskForInformationCommand { Case = Reference, CardVersion = 3, Question = "Which GP?" }, NewCase()),
            "panel" => (new CallPanelMeetingCommand { Case = Reference, CardVersion = 3 }, NewCase()),
            "approve" => (new DecideCommand { Case = Reference, CardVersion = 3, Kind = ChairDecisionKind.Approve }, Recommended()),
            _ => (new DecideCommand { Case = Reference, CardVersion = 3, Kind = ChairDecisionKind.Decline, Reason = "Other learning route.", Alternative = AlternativeReview.ManagementReview }, Recommended()),
        };
        stored = startingCase;

        var board = actor == OtherTenantStranger ? OtherBoard : Board;

        var result = await Workflow.ExecuteAsync(board, command, actor, "corr-1", CancellationToken.None);

        if (permitted)
        {
            Assert.Equal(CaseActionStatus.Applied, result.Status);
            Assert.Equal(4, stored.Version);
            var audit = Assert.Single(events);
            Assert.Equal((actor, command.AuditAction, "corr-1"), (audit.ActorObjectId, audit.Action, audit.CorrelationId));
            return;
        }

        Assert.Same(startingCase, stored);
        Assert.DoesNotContain(Names, name => result.Problem?.Contains(name, StringComparison.OrdinalIgnoreCase) == true);
        if (Actors[actor] is null)
        {
            // No role on the case: exactly the answer for a case that does not exist, with nothing of the case in it.
            var unknown = await Workflow.ExecuteAsync(Board, command with { Case = NoSuchCase }, actor, "corr-1", CancellationToken.None);
            Assert.Equal((CaseActionStatus.NotFound, null), (result.Status, result.Case));
            Assert.Equal(unknown.Problem!.Replace(NoSuchCase.Value, Reference.Value, StringComparison.Ordinal), result.Problem);
            Assert.Equal(CaseVisibility.UnknownCaseAnswer(Reference), result.Problem);
        }
        else
        {
            // A party is told which role may act.
            Assert.Equal(CaseActionStatus.NotAuthorised, result.Status);
            Assert.Contains(command.PermittedRoles, role => result.Problem!.Contains("the " + RoleNames.Of(role), StringComparison.Ordinal));
        }

        if (actor == OtherTenantStranger)
        {
            Assert.Empty(events); // nothing of this board's case was even read for them
        }
        else
        {
            var refusal = Assert.Single(events);
            Assert.Equal((CaseWorkflow.RefusalAction, actor, 0L), (refusal.Action, refusal.ActorObjectId, refusal.Version));
            Assert.Equal(command.AuditAction + (Actors[actor] is null ? ":not-a-party" : ":not-authorised"), refusal.Detail);
        }
    }

    [Fact]
    public async Task A_press_on_an_out_of_date_card_changes_nothing_and_shows_the_current_case()
    {
        stored = Recommended();
        var approve = new DecideCommand { Case = Reference, CardVersion = 3, Kind = ChairDecisionKind.Approve };

        var first = await Workflow.ExecuteAsync(Board, approve, BoardChair, null, CancellationToken.None);
        var repeat = await Workflow.ExecuteAsync(Board, approve, BoardChair, null, CancellationToken.None);

        Assert.Equal(CaseActionStatus.Applied, first.Status);
        Assert.Equal(CaseActionStatus.Stale, repeat.Status);
        Assert.Equal(CaseStage.ReviewInitiated, repeat.Case!.Stage);
        Assert.Single(events);
    }

    [Fact]
    public async Task Wrong_stage_and_invalid_input_change_nothing()
    {
        stored = NewCase();
        var approveTooEarly = await Workflow.ExecuteAsync(Board, new DecideCommand { Case = Reference, CardVersion = 3, Kind = ChairDecisionKind.Approve }, BoardChair, null, CancellationToken.None);
        var noRationale = await Workflow.ExecuteAsync(Board, new RecommendCommand { Case = Reference, CardVersion = 3, Kind = RecommendationKind.Review }, SubGroupChair, null, CancellationToken.None);

        Assert.Equal(CaseActionStatus.WrongStage, approveTooEarly.Status);
        Assert.Equal(CaseActionStatus.Invalid, noRationale.Status);
        Assert.Contains("rationale", noRationale.Problem);
        Assert.Empty(events);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task An_unknown_case_is_reported_not_thrown()
    {
        var result = await Workflow.ExecuteAsync(Board, new CallPanelMeetingCommand { Case = NoSuchCase, CardVersion = 1 }, BusinessManager, null, CancellationToken.None);

        Assert.Equal(CaseActionStatus.NotFound, result.Status);
    }
}
