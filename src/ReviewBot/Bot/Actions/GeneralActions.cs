using ReviewBot.Bot.Cases;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;

namespace ReviewBot.Bot.Actions;

/// <summary>Buttons on the welcome card: help, my tasks, a case's status.</summary>
public sealed class GeneralActions : ICardActionHandler
{
    private readonly CaseStatusReplies status;

    /// <summary>Creates the handler.</summary>
    public GeneralActions(CaseStatusReplies status) => this.status = status;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.Help, CardVerbs.TasksMine, CardVerbs.CaseStatus];

    /// <inheritdoc />
    public async Task HandleAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        switch (action.Verb)
        {
            case CardVerbs.Help:
                await turn.SendCardAsync(turn.Card(new HelpCard()), cancellationToken);
                break;
            case CardVerbs.TasksMine:
                await status.ShowMyTasksAsync(turn, cancellationToken);
                break;
            default:
                await status.ShowAsync(turn, action.Field("caseRef") ?? string.Empty, cancellationToken);
                break;
        }

        if (action.IsInvoke && turn.Context.InvokeResponse is null)
        {
            turn.Context.InvokeResponse = Teams.AdaptiveCardInvokeResponses.Message(turn.IsPersonal ? "Sent below." : Messaging.PrivateReplies.SentPrivately);
        }
    }
}
