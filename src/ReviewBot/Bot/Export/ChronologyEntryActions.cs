using ReviewBot.Bot.Actions;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Effects;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Export;
using ReviewBot.Core.Ports;
using ReviewBot.Teams;

namespace ReviewBot.Bot.Export;

/// <summary>
/// "Add chronology entry" on the IMR card and the review stage card: the form (<see cref="ChronologyEntryForm"/>) as a new message,
/// then each entry through <see cref="RecordChronologyEntryCommand"/>, which checks the role again and writes the
/// audit record. A stranger gets the unknown-case answer; anyone else with a role the card naming who may add.
/// </summary>
public sealed class ChronologyEntryActions(CaseWorkflow workflow, ICaseStore cases, EffectDispatcher effects, TimeProvider clock)
{
    private const string Action = "add to an agency's chronology";

    /// <summary>Opens the form for the agency the card names (or the first the presser may add to).</summary>
    public async Task ShowFormAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (await PermittedAsync(turn, action, cancellationToken) is not { } permitted)
        {
            return;
        }

        var (board, current, actor) = permitted;
        if (!turn.IsPersonal)
        {
            await turn.AnswerActionAsync(action, "Chronology entries are added in your 1:1 chat with ReviewBot: please open the card there.", cancellationToken);
            return;
        }

        // A new message, not the pressed card replaced: the IMR and stage cards are updated in place after every change,
        // which would wipe a form that took their place.
        var form = ChronologyEntryForm.For(current, board, actor, action.Field("agencyId"));
        await turn.AnswerActionAsync(action, $"The form to add to {form.AgencyName}'s chronology is below.", cancellationToken);
        await turn.SendCardAsync(turn.Card(form), cancellationToken);
    }

    /// <summary>Adds the entry, or asks again in plain words with everything typed kept.</summary>
    public async Task AddAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (await PermittedAsync(turn, action, cancellationToken) is not { } permitted)
        {
            return;
        }

        var (board, current, actor) = permitted;
        var typed = ChronologyEntryForm.Read(action, BoardTime.Today(board, clock.GetUtcNow()));
        var form = ChronologyEntryForm.For(current, board, actor, typed.AgencyId);
        if (typed.Problem is { } problem)
        {
            await turn.ReplaceActedCardAsync(action, turn.Card(ChronologyEntryForm.Kept(form, action) with { Error = problem }), cancellationToken);
            return;
        }

        // An entry is only appended, so it is made against the case as it stands: nothing typed is lost to a newer card.
        var command = new RecordChronologyEntryCommand { Case = current.Reference, CardVersion = current.Version, Entry = typed.Entry! };
        var result = await workflow.ExecuteAsync(board, command, actor, turn.Activity.Id, cancellationToken);
        if (result.Status is CaseActionStatus.NotFound or CaseActionStatus.NotAuthorised)
        {
            await ActedCardAnswer.SendAsync(turn, action, command, result, effects, c => ChronologyEntryForm.For(c, board, actor, typed.AgencyId), cancellationToken);
            return;
        }

        var latest = result.Case ?? current;
        var card = result.Applied
            ? ChronologyEntryForm.For(latest, board, actor, typed.AgencyId) with { Confirmation = ChronologyEntryForm.Added(typed.Entry!, board) }
            : ChronologyEntryForm.Kept(ChronologyEntryForm.For(latest, board, actor, typed.AgencyId), action) with { Error = result.Problem ?? "Nothing was added. Please try again." };
        await turn.ReplaceActedCardAsync(action, turn.Card(card), cancellationToken);
        if (result.Applied)
        {
            effects.Dispatch(board.BoardId, latest.Reference, latest.Version);
        }
    }

    /// <summary>The board, case and presser when the presser may add to some agency's chronology; otherwise answered.</summary>
    private async Task<(BoardConfiguration Board, ReviewCase Case, string Actor)?> PermittedAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        if (turn.Activity.ChannelId == ServedChannels.Outlook)
        {
            // An actionable message cannot post a new card (and Outlook has no form template): the form lives in Teams.
            await turn.AnswerActionAsync(action, "Chronology entries are added on the IMR card in Teams: please open ReviewBot there.", cancellationToken);
            return null;
        }

        if (await CaseActions.CaseOfAsync(turn, action, cancellationToken) is not { } named)
        {
            return null;
        }

        var (board, reference, actor) = named;
        if (await cases.FindAsync(board.BoardId, reference, cancellationToken) is not { } current
            || CaseVisibility.Of(current, actor, board) is not { IsParty: true } who)
        {
            // A stranger learns nothing, not even whether the case exists.
            await turn.AnswerActionAsync(action, CaseVisibility.UnknownCaseAnswer(reference), cancellationToken);
            return null;
        }

        if (who.HoldsAny(RecordChronologyEntryCommand.Adders) && current.ImrRequests.Count == 0)
        {
            await turn.AnswerActionAsync(action, $"No agency has been asked for an IMR and chronology on {reference} yet.", cancellationToken);
            return null;
        }

        if (!current.ImrRequests.Any(r => RecordChronologyEntryCommand.MayAdd(current, r, actor)))
        {
            await turn.ReplaceActedCardAsync(action, turn.Card(CaseCards.NotAuthorised(current, RecordChronologyEntryCommand.Adders, Action)), cancellationToken);
            return null;
        }

        return (board, current, actor);
    }
}
