using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Teams;

namespace ReviewBot.Bot;

/// <summary>
/// What a handler needs for one turn: the protocol turn, the conversation session, the actor's board and
/// ways to answer that work the same for typed messages, Action.Submit and Action.Execute.
/// </summary>
public sealed class BotTurn
{
    private readonly ICardRenderer cards;
    private readonly List<Func<CancellationToken, Task>> outbox = [];

    /// <summary>Creates the turn.</summary>
    public BotTurn(ITurnContext context, TurnSession session, BoardConfiguration? board, ICardRenderer cards)
    {
        Context = context;
        Session = session;
        Board = board;
        this.cards = cards;
    }

    /// <summary>The protocol turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The incoming activity.</summary>
    public Activity Activity => Context.Activity;

    /// <summary>This conversation's stored address and the user's dialog.</summary>
    public TurnSession Session { get; }

    /// <summary>The board serving the actor's tenant, or null when the tenant has none.</summary>
    public BoardConfiguration? Board { get; }

    /// <summary>The actor's Entra object id: the only identity roles are checked against.</summary>
    public string? ActorObjectId => Activity.From?.AadObjectId;

    /// <summary>True in a 1:1 chat with the bot (the only place case details are asked for or shown).</summary>
    public bool IsPersonal => Activity.Conversation?.ConversationType is null or "personal";

    private Task Queue(Func<CancellationToken, Task> send)
    {
        outbox.Add(send);
        return Task.CompletedTask;
    }

    /// <summary>Renders a card model with its template.</summary>
    public JsonObject Card(ICardModel model) => cards.Render(model);

    /// <summary>Queues a plain text message for this conversation (sent once the turn's state is saved).</summary>
    public Task SayAsync(string text, CancellationToken cancellationToken)
        => Queue(ct => Context.SendActivityAsync(Teams.Activity.CreateMessage(text), ct));

    /// <summary>Queues a card for this conversation (sent once the turn's state is saved).</summary>
    public Task SendCardAsync(JsonObject card, CancellationToken cancellationToken)
        => Queue(ct => Context.SendActivityAsync(Teams.Activity.CreateCard(card), ct));

    /// <summary>
    /// Sends what the turn queued. Called after the session is saved, so a person can never act on a
    /// question before the answer that led to it is stored; a failed save sends nothing.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var send in outbox)
        {
            await send(cancellationToken);
        }

        outbox.Clear();
    }

    /// <summary>
    /// Replaces the card the user acted on: the invoke response for Action.Execute, an update of the
    /// original message for Action.Submit.
    /// </summary>
    public async Task ReplaceActedCardAsync(CardAction action, JsonObject card, CancellationToken cancellationToken)
    {
        if (action.IsInvoke)
        {
            Context.InvokeResponse = AdaptiveCardInvokeResponses.Card(card);
        }
        else if (action.ReplyToId is { } activityId)
        {
            await Queue(ct => Context.UpdateActivityAsync(activityId, Teams.Activity.CreateCard(card), ct));
        }
        else
        {
            await SendCardAsync(card, cancellationToken);
        }
    }

    /// <summary>Answers an action with a short text (a message invoke response, or a chat message).</summary>
    public async Task AnswerActionAsync(CardAction action, string text, CancellationToken cancellationToken)
    {
        if (action.IsInvoke)
        {
            Context.InvokeResponse = AdaptiveCardInvokeResponses.Message(text);
        }
        else
        {
            await SayAsync(text, cancellationToken);
        }
    }
}

/// <summary>A button press, from Action.Execute (invoke) or Action.Submit (message with value).</summary>
/// <param name="Verb">The action's verb.</param>
/// <param name="Data">The action's data with the card's inputs merged in.</param>
/// <param name="IsInvoke">True for Action.Execute.</param>
/// <param name="ReplyToId">The message holding the card.</param>
/// <param name="Trigger">"manual" or "automatic" (a refresh).</param>
public sealed record CardAction(string Verb, JsonObject Data, bool IsInvoke, string? ReplyToId, string Trigger = "manual")
{
    /// <summary>A string field of the data, trimmed; null when absent or blank.</summary>
    public string? Field(string name)
    {
        var value = Data[name];
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The string fields of the data (inputs and ids).</summary>
    public IReadOnlyDictionary<string, string?> Fields()
        => Data.ToDictionary(p => p.Key, p => Field(p.Key), StringComparer.OrdinalIgnoreCase);
}
