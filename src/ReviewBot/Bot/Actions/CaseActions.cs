using System.Globalization;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Messaging;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Ports;

namespace ReviewBot.Bot.Actions;

/// <summary>
/// The sub-group's and chair's buttons, ticks on the checklist, and card refreshes. Every press is
/// checked on the server against the actor's role on the case; the answer is the card as that person
/// should now see it, and everything else (other copies, the next person, the referrer) happens after
/// the response.
/// </summary>
public sealed class CaseActions : ICardActionHandler
{
    private readonly CaseWorkflow workflow;
    private readonly ICaseStore cases;
    private readonly EffectDispatcher effects;
    private readonly PrivateReplies replies;
    private readonly TimeProvider clock;

    /// <summary>Creates the handler.</summary>
    public CaseActions(CaseWorkflow workflow, ICaseStore cases, EffectDispatcher effects, PrivateReplies replies, TimeProvider clock)
    {
        this.workflow = workflow;
        this.cases = cases;
        this.effects = effects;
        this.replies = replies;
        this.clock = clock;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Verbs { get; } =
    [
        CardVerbs.RecommendationReview, CardVerbs.RecommendationAlternative, CardVerbs.RecommendationMoreInfo, CardVerbs.RecommendationPanel,
        CardVerbs.DecisionApprove, CardVerbs.DecisionDecline, CardVerbs.DecisionMoreInfo, CardVerbs.TaskTick, CardVerbs.CaseRefresh,
        CardVerbs.ClockDone,
    ];

    /// <inheritdoc />
    public async Task HandleAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        if (turn.Board is not { } board || turn.ActorObjectId is not { } actor)
        {
            await turn.AnswerActionAsync(action, BotTexts.NoBoard, cancellationToken);
            return;
        }

        if (!CaseReference.TryParse(action.Field("caseRef"), out var reference))
        {
            await turn.AnswerActionAsync(action, "This card doesn't name a case I recognise.", cancellationToken);
            return;
        }

        if (action.Verb == CardVerbs.CaseRefresh)
        {
            await RefreshAsync(turn, action, board, reference, actor, cancellationToken);
            return;
        }

        var command = CommandFor(action, reference);
        var result = await workflow.ExecuteAsync(board, command, actor, turn.Activity.Id, cancellationToken);
        await AnswerAsync(turn, action, board, command, result, actor, cancellationToken);
    }

    private async Task AnswerAsync(BotTurn turn, CardAction action, BoardConfiguration board, CaseCommand command, CaseActionResult result, string actor, CancellationToken cancellationToken)
    {
        if (result.Case is not { } current)
        {
            // No such case, or no role on it: the same words either way, naming nobody.
            await turn.AnswerActionAsync(action, result.Problem ?? CaseVisibility.UnknownCaseAnswer(command.Case), cancellationToken);
            return;
        }

        if (result.Status == CaseActionStatus.Invalid)
        {
            await turn.AnswerActionAsync(action, result.Problem!, cancellationToken);
            return;
        }

        var card = result.Status == CaseActionStatus.NotAuthorised
            ? turn.Card(CaseCards.NotAuthorised(current, result.PermittedRoles ?? command.PermittedRoles, command.Describe()))
            : turn.Card(ClockView(action, current, board) ?? ViewFor(PurposeOf(action), current, board, actor));
        await ReplaceAsync(turn, action, card, cancellationToken);
        if (result.Status is CaseActionStatus.Stale or CaseActionStatus.WrongStage && !action.IsInvoke && turn.IsPersonal)
        {
            await turn.SayAsync(result.Problem!, cancellationToken);
        }

        if (result.Applied)
        {
            // The change's effects were written with it; this only runs them at once.
            effects.Dispatch(board.BoardId, current.Reference, current.Version);
        }
    }

    private async Task RefreshAsync(BotTurn turn, CardAction action, BoardConfiguration board, CaseReference reference, string actor, CancellationToken cancellationToken)
    {
        var current = await cases.FindAsync(board.BoardId, reference, cancellationToken);
        if (current is null || !CaseVisibility.Of(current, actor, board).IsParty)
        {
            // The same answer as for a case that does not exist: no hint to people without a role on it.
            await turn.AnswerActionAsync(action, CaseVisibility.UnknownCaseAnswer(reference), cancellationToken);
            return;
        }

        // The view the presser's role allows, whatever view the request names.
        await ReplaceAsync(turn, action, turn.Card(ViewFor(action.Field("card"), current, board, actor)), cancellationToken);
    }

    /// <summary>The pressed card replaced in a 1:1 chat; in a channel or group chat the view goes to the 1:1 chat instead.</summary>
    private Task ReplaceAsync(BotTurn turn, CardAction action, System.Text.Json.Nodes.JsonObject card, CancellationToken cancellationToken)
        => turn.IsPersonal ? turn.ReplaceActedCardAsync(action, card, cancellationToken) : replies.AnswerActionElsewhereAsync(turn, action, card, cancellationToken);

    private ICardModel ViewFor(string? purpose, ReviewCase c, BoardConfiguration board, string viewer)
        => CaseViews.For(purpose, c, board, viewer, BoardTime.Today(board, clock.GetUtcNow()));

    private ClockReminderCard? ClockView(CardAction action, ReviewCase c, BoardConfiguration board)
        => action.Verb == CardVerbs.ClockDone ? Reminders.ClockReminderCards.For(c, action.Field("clockKind"), board, BoardTime.Today(board, clock.GetUtcNow())) : null;

    private static string PurposeOf(CardAction action) => action.Verb switch
    {
        _ when action.Verb.StartsWith("decision.", StringComparison.Ordinal) => CaseCardPurposes.Decision,
        CardVerbs.TaskTick => CaseCardPurposes.Checklist,
        _ => CaseCardPurposes.Recommendation,
    };

    private static CaseCommand CommandFor(CardAction action, CaseReference reference)
    {
        var version = long.TryParse(action.Field("version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
        var alternative = ParseAlternative(action.Field("alternative"));
        return action.Verb switch
        {
            CardVerbs.RecommendationReview => new RecommendCommand { Case = reference, CardVersion = version, Kind = RecommendationKind.Review, Methodology = action.Field("methodology"), ProposedLeadReviewer = action.Field("leadReviewer"), Rationale = action.Field("rationale") },
            CardVerbs.RecommendationAlternative => new RecommendCommand { Case = reference, CardVersion = version, Kind = RecommendationKind.AlternativeReview, Alternative = alternative, Methodology = action.Field("methodology"), ProposedLeadReviewer = action.Field("leadReviewer"), Rationale = action.Field("rationale") },
            CardVerbs.RecommendationMoreInfo => new AskForInformationCommand { Case = reference, CardVersion = version, Question = action.Field("rationale") },
            CardVerbs.RecommendationPanel => new CallPanelMeetingCommand { Case = reference, CardVersion = version },
            CardVerbs.DecisionApprove => new DecideCommand { Case = reference, CardVersion = version, Kind = ChairDecisionKind.Approve, Reason = action.Field("reason") },
            CardVerbs.DecisionDecline => new DecideCommand { Case = reference, CardVersion = version, Kind = ChairDecisionKind.Decline, Alternative = alternative, Reason = action.Field("reason") },
            CardVerbs.DecisionMoreInfo => new AskForInformationCommand { Case = reference, CardVersion = version, Question = action.Field("reason") },
            CardVerbs.ClockDone => new CompleteClockCommand { Case = reference, CardVersion = version, ClockKind = action.Field("clockKind") ?? string.Empty },
            _ => new TickTaskCommand { Case = reference, CardVersion = version, TaskId = action.Field("taskId") ?? string.Empty },
        };
    }

    private static AlternativeReview? ParseAlternative(string? value)
        => Enum.TryParse<AlternativeReview>(value, ignoreCase: true, out var alternative) && Enum.IsDefined(alternative) ? alternative : null;
}
