using ReviewBot.Bot.Cases;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Bot.Actions;

/// <summary>Help, my tasks and a case's status, typed or pressed on the welcome, help and status cards; and the plain replies.</summary>
public sealed class GeneralActions
{
    private readonly CaseStatusReplies status;

    /// <summary>Creates the handler.</summary>
    public GeneralActions(CaseStatusReplies status) => this.status = status;

    /// <summary>Typed "help".</summary>
    public Task HelpAsync(BotTurn turn, ChatIntent intent, CancellationToken cancellationToken)
        => turn.SendCardAsync(turn.Card(new HelpCard()), cancellationToken);

    /// <summary>The Help button.</summary>
    public async Task HelpAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        await turn.SendCardAsync(turn.Card(new HelpCard()), cancellationToken);
        AcknowledgeSentBelow(turn, action);
    }

    /// <summary>Typed "my tasks".</summary>
    public Task MyTasksAsync(BotTurn turn, ChatIntent intent, CancellationToken cancellationToken)
        => status.ShowMyTasksAsync(turn, cancellationToken);

    /// <summary>The My tasks button.</summary>
    public async Task MyTasksAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        await status.ShowMyTasksAsync(turn, cancellationToken);
        AcknowledgeSentBelow(turn, action);
    }

    /// <summary>Typed "status SCR-2026-0001"; without a case named, asks which.</summary>
    public Task StatusAsync(BotTurn turn, ChatIntent intent, CancellationToken cancellationToken)
        => intent.CaseReference is { } reference
            ? status.ShowAsync(turn, reference, cancellationToken)
            : turn.SayAsync(BotTexts.WhichCase, cancellationToken);

    /// <summary>A case's status button (data or the welcome card's input <c>caseRef</c>).</summary>
    public async Task StatusAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        await status.ShowAsync(turn, action.Field("caseRef") ?? string.Empty, cancellationToken);
        AcknowledgeSentBelow(turn, action);
    }

    /// <summary>Greetings, thanks, "cancel" with nothing open, and words the bot does not act on: a plain reply.</summary>
    public Task ReplyAsync(BotTurn turn, ChatIntent intent, CancellationToken cancellationToken)
        => turn.SayAsync(BotTexts.Reply(intent.Kind), cancellationToken);

    private static void AcknowledgeSentBelow(BotTurn turn, CardAction action)
    {
        if (action.IsInvoke && turn.Context.InvokeResponse is null)
        {
            turn.Context.InvokeResponse = Teams.AdaptiveCardInvokeResponses.Message(turn.IsPersonal ? "Sent below." : Messaging.PrivateReplies.SentPrivately);
        }
    }
}
