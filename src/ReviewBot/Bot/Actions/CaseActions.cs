using System.Globalization;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Messaging;
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
public sealed class CaseActions
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

    /// <summary>The sub-group recommends a review (SCR or local CSPR).</summary>
    public Task RecommendReviewAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => ChangeAsync(turn, action, View(CaseCardPurposes.Recommendation), (reference, version) => new RecommendCommand { Case = reference, CardVersion = version, Kind = RecommendationKind.Review, Methodology = action.Field("methodology"), ProposedLeadReviewer = action.Field("leadReviewer"), Rationale = action.Field("rationale") }, cancellationToken);

    /// <summary>The sub-group recommends an alternative review.</summary>
    public Task RecommendAlternativeAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => ChangeAsync(turn, action, View(CaseCardPurposes.Recommendation), (reference, version) => new RecommendCommand { Case = reference, CardVersion = version, Kind = RecommendationKind.AlternativeReview, Alternative = ParseAlternative(action.Field("alternative")), Methodology = action.Field("methodology"), ProposedLeadReviewer = action.Field("leadReviewer"), Rationale = action.Field("rationale") }, cancellationToken);

    /// <summary>The sub-group asks the referrer for more information.</summary>
    public Task SubGroupAsksForInformationAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => ChangeAsync(turn, action, View(CaseCardPurposes.Recommendation), (reference, version) => new AskForInformationCommand { Case = reference, CardVersion = version, Question = action.Field("rationale") }, cancellationToken);

    /// <summary>The sub-group calls an extraordinary panel meeting.</summary>
    public Task CallPanelMeetingAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => ChangeAsync(turn, action, View(CaseCardPurposes.Recommendation), (reference, version) => new CallPanelMeetingCommand { Case = reference, CardVersion = version }, cancellationToken);

    /// <summary>The board chair approves the review.</summary>
    public Task ApproveAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => ChangeAsync(turn, action, View(CaseCardPurposes.Decision), (reference, version) => new DecideCommand { Case = reference, CardVersion = version, Kind = ChairDecisionKind.Approve, Reason = action.Field("reason") }, cancellationToken);

    /// <summary>The board chair declines the review.</summary>
    public Task DeclineAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => ChangeAsync(turn, action, View(CaseCardPurposes.Decision), (reference, version) => new DecideCommand { Case = reference, CardVersion = version, Kind = ChairDecisionKind.Decline, Alternative = ParseAlternative(action.Field("alternative")), Reason = action.Field("reason") }, cancellationToken);

    /// <summary>The board chair asks for more information.</summary>
    public Task ChairAsksForInformationAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => ChangeAsync(turn, action, View(CaseCardPurposes.Decision), (reference, version) => new AskForInformationCommand { Case = reference, CardVersion = version, Question = action.Field("reason") }, cancellationToken);

    /// <summary>A follow-up task ticked on the checklist.</summary>
    public Task TickTaskAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => ChangeAsync(turn, action, View(CaseCardPurposes.Checklist), (reference, version) => new TickTaskCommand { Case = reference, CardVersion = version, TaskId = action.Field("taskId") ?? string.Empty }, cancellationToken);

    /// <summary>A clock's owner marks the step done on its reminder card; the answer is that reminder as it now stands.</summary>
    public Task CompleteClockAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => ChangeAsync(turn, action, (c, board, actor) => ClockView(action, c, board) ?? ViewFor(CaseCardPurposes.Recommendation, c, board, actor), (reference, version) => new CompleteClockCommand { Case = reference, CardVersion = version, ClockKind = action.Field("clockKind") ?? string.Empty }, cancellationToken);

    /// <summary>Automatic refresh of a user-specific card: the card as this person should see it now.</summary>
    public async Task RefreshAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        if (await CaseOfAsync(turn, action, cancellationToken) is not { } named)
        {
            return;
        }

        var (board, reference, actor) = named;

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

    /// <summary>Runs one change: the actor's role, the card's version and the stage are checked by the workflow.</summary>
    private async Task ChangeAsync(BotTurn turn, CardAction action, CaseView view, Func<CaseReference, long, CaseCommand> commandFor, CancellationToken cancellationToken)
    {
        if (await CaseOfAsync(turn, action, cancellationToken) is not { } named)
        {
            return;
        }

        var (board, reference, actor) = named;

        var version = long.TryParse(action.Field("version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
        var command = commandFor(reference, version);
        var result = await workflow.ExecuteAsync(board, command, actor, turn.Activity.Id, cancellationToken);
        await AnswerAsync(turn, action, board, command, result, actor, view, cancellationToken);
    }

    /// <summary>The board, the case the card names and the actor; null (answered) when one is missing.</summary>
    internal static async Task<(BoardConfiguration Board, CaseReference Reference, string Actor)?> CaseOfAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        if (turn.Board is not { } board || turn.ActorObjectId is not { } actor)
        {
            await turn.AnswerActionAsync(action, BotTexts.NoBoard, cancellationToken);
            return null;
        }

        if (!CaseReference.TryParse(action.Field("caseRef"), out var reference))
        {
            await turn.AnswerActionAsync(action, "This card doesn't name a case I recognise.", cancellationToken);
            return null;
        }

        return (board, reference, actor);
    }

    private async Task AnswerAsync(BotTurn turn, CardAction action, BoardConfiguration board, CaseCommand command, CaseActionResult result, string actor, CaseView view, CancellationToken cancellationToken)
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
            : turn.Card(view(current, board, actor));
        await ReplaceAsync(turn, action, ActedCardAnswer.WithNothingChanged(card, action, result), cancellationToken);
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

    private CaseView View(string purpose) => (c, board, viewer) => ViewFor(purpose, c, board, viewer);

    /// <summary>The pressed card replaced in a 1:1 chat; in a channel or group chat the view goes to the 1:1 chat instead.</summary>
    private Task ReplaceAsync(BotTurn turn, CardAction action, System.Text.Json.Nodes.JsonObject card, CancellationToken cancellationToken)
        => turn.IsPersonal ? turn.ReplaceActedCardAsync(action, card, cancellationToken) : replies.AnswerActionElsewhereAsync(turn, action, card, cancellationToken);

    private ICardModel ViewFor(string? purpose, ReviewCase c, BoardConfiguration board, string viewer)
        => CaseViews.For(purpose, c, board, viewer, clock.GetUtcNow());

    private ClockReminderCard? ClockView(CardAction action, ReviewCase c, BoardConfiguration board)
        => Reminders.ClockReminderCards.For(c, action.Field("clockKind"), board, BoardTime.Today(board, clock.GetUtcNow()));

    private static AlternativeReview? ParseAlternative(string? value)
        => Enum.TryParse<AlternativeReview>(value, ignoreCase: true, out var alternative) && Enum.IsDefined(alternative) ? alternative : null;

    /// <summary>The card the presser sees after a change: the case as that person should now see it.</summary>
    private delegate ICardModel CaseView(ReviewCase c, BoardConfiguration board, string viewer);
}
