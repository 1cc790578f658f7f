using System.Text.Json.Nodes;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Effects;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Bot.Actions;

/// <summary>
/// The one answer to a card press that ran a case command (IMR, review stage and action-plan cards): the pressed
/// card replaced by what the presser may now see (saying so when the press changed nothing), the role-naming
/// refusal, or the unknown-case words; and the change's effects (already written with it) run at once.
/// </summary>
public static class ActedCardAnswer
{
    /// <summary>Answers the press with <paramref name="view"/> of the case as it now stands.</summary>
    public static async Task SendAsync(BotTurn turn, CardAction action, CaseCommand command, CaseActionResult result, EffectDispatcher effects, Func<ReviewCase, ICardModel> view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentNullException.ThrowIfNull(view);
        if (result.Case is not { } current || result.Status == CaseActionStatus.Invalid)
        {
            // No such case, or no role on it (the same words either way), or input to fix: the card stays for it.
            await turn.AnswerActionAsync(action, result.Problem ?? CaseVisibility.UnknownCaseAnswer(command.Case), cancellationToken);
            return;
        }

        var card = result.Status == CaseActionStatus.NotAuthorised
            ? CaseCards.NotAuthorised(current, result.PermittedRoles ?? command.PermittedRoles, command.Describe())
            : view(current);
        await turn.ReplaceActedCardAsync(action, WithNothingChanged(turn.Card(card), action, result), cancellationToken);
        if (result.Status is CaseActionStatus.Stale or CaseActionStatus.WrongStage && !action.IsInvoke)
        {
            await turn.SayAsync(result.Problem!, cancellationToken);
        }

        if (result.Applied)
        {
            effects.Dispatch(current.BoardId, current.Reference, current.Version);
        }
    }

    /// <summary>
    /// The rendered card with the reason at its top when a button press changed nothing (the card was out of date, or
    /// the case has moved on): an Action.Execute is answered with one card and no message, so without the words the
    /// press would look done.
    /// </summary>
    public static JsonObject WithNothingChanged(JsonObject card, CardAction action, CaseActionResult result)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(result);
        if (action.IsInvoke && result.Status is CaseActionStatus.Stale or CaseActionStatus.WrongStage && result.Problem is { } problem && card["body"] is JsonArray body)
        {
            body.Insert(0, new JsonObject { ["type"] = "TextBlock", ["text"] = problem, ["wrap"] = true, ["weight"] = "Bolder", ["color"] = "Attention" });
        }

        return card;
    }
}
