using System.Globalization;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Meetings;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Meetings;

namespace ReviewBot.Bot.Actions;

/// <summary>
/// The business manager's presses on the panel meeting card: pick a time, look for times again, cancel. The press
/// is recorded (role checked on the server, audited) and answered with the card at once; Graph is reached by the
/// outbox effects the change wrote, after the answer, so a slow Graph never delays the invoke.
/// </summary>
public sealed class MeetingActions
{
    private readonly CaseWorkflow workflow;
    private readonly EffectDispatcher effects;

    /// <summary>Creates the handler.</summary>
    public MeetingActions(CaseWorkflow workflow, EffectDispatcher effects)
    {
        this.workflow = workflow;
        this.effects = effects;
    }

    /// <summary>"Pick": book the time, or move the booked meeting to it.</summary>
    public Task PickAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken) => HandleAsync(turn, action, cancellationToken);

    /// <summary>"Find times again" / "Look further ahead".</summary>
    public Task SearchAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken) => HandleAsync(turn, action, cancellationToken);

    /// <summary>"Cancel the meeting".</summary>
    public Task CancelAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken) => HandleAsync(turn, action, cancellationToken);

    private async Task HandleAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (await CaseActions.CaseOfAsync(turn, action, cancellationToken) is not { } named)
        {
            return;
        }

        var (board, reference, actor) = named;
        var command = CommandFor(action, reference);
        var result = await workflow.ExecuteAsync(board, command, actor, turn.Activity.Id, cancellationToken);
        if (result.Case is not { } current || result.Status == CaseActionStatus.Invalid)
        {
            // No such case, or no role on it: the same words either way, naming nobody.
            await turn.AnswerActionAsync(action, result.Problem ?? CaseVisibility.UnknownCaseAnswer(reference), cancellationToken);
            return;
        }

        var card = result.Status == CaseActionStatus.NotAuthorised
            ? CaseCards.NotAuthorised(current, result.PermittedRoles ?? command.PermittedRoles, command.Describe())
            : (Cards.Models.ICardModel)MeetingCards.Slots(current, board, actor);
        await turn.ReplaceActedCardAsync(action, turn.Card(card), cancellationToken);
        if (result.Status is CaseActionStatus.Stale or CaseActionStatus.WrongStage && !action.IsInvoke)
        {
            await turn.SayAsync(result.Problem!, cancellationToken);
        }

        if (result.Applied)
        {
            // The effects (find times, send, move, cancel) were written with the change; this runs them after the answer.
            effects.Dispatch(board.BoardId, current.Reference, current.Version);
        }
    }

    private static PanelMeetingCommand CommandFor(CardAction action, CaseReference reference)
    {
        var version = long.TryParse(action.Field("version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
        var panel = action.Field("panel");
        var duration = action.Field("durationMinutes");
        return action.Verb switch
        {
            CardVerbs.MeetingPick => new PickPanelSlotCommand { Case = reference, CardVersion = version, PanelInput = panel, DurationInput = duration, SlotId = action.Field("slotId") },
            CardVerbs.MeetingCancel => new CancelPanelMeetingCommand { Case = reference, CardVersion = version },
            _ => new SearchPanelSlotsCommand { Case = reference, CardVersion = version, PanelInput = panel, DurationInput = duration, Range = action.Field("range") },
        };
    }
}
