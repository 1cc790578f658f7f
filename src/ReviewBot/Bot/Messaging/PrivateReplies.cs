using System.Text.Json.Nodes;
using ReviewBot.Teams;

namespace ReviewBot.Bot.Messaging;

/// <summary>
/// Answers about cases go only to the person's 1:1 chat. Asked in a channel or group chat, the answer is sent to
/// their 1:1 chat (opened if need be, as a referral started there is) and the shared conversation gets a short
/// note that says nothing about any case.
/// </summary>
public sealed partial class PrivateReplies
{
    /// <summary>The note in a shared conversation when the answer went to the 1:1 chat.</summary>
    public const string SentPrivately = "Case details are only shown in a private chat, so I've sent my answer to you there.";

    /// <summary>The note in a shared conversation when the 1:1 chat could not be reached: nothing about the case is said here instead.</summary>
    public const string PrivateChatUnreachable = "Case details are only shown in a private chat, and I couldn't reach you there just now. Please open a chat with ReviewBot and ask me there.";

    private readonly TeamsMessenger messenger;
    private readonly ILogger<PrivateReplies> logger;

    /// <summary>Creates the replies.</summary>
    public PrivateReplies(TeamsMessenger messenger, ILogger<PrivateReplies> logger)
    {
        this.messenger = messenger;
        this.logger = logger;
    }

    /// <summary>Sends <paramref name="card"/> to the person: here in a 1:1 chat, otherwise to their 1:1 chat with a note here.</summary>
    public Task SendCardAsync(BotTurn turn, JsonObject card, CancellationToken cancellationToken)
        => turn.IsPersonal ? turn.SendCardAsync(card, cancellationToken) : SendElsewhereAsync(turn, Activity.CreateCard(card), null, cancellationToken);

    /// <summary>Says <paramref name="text"/> to the person: here in a 1:1 chat, otherwise in their 1:1 chat with a note here.</summary>
    public Task SayAsync(BotTurn turn, string text, CancellationToken cancellationToken)
        => turn.IsPersonal ? turn.SayAsync(text, cancellationToken) : SendElsewhereAsync(turn, Activity.CreateMessage(text), null, cancellationToken);

    /// <summary>
    /// Answers a card press in a shared conversation: <paramref name="card"/> goes to the 1:1 chat and the press is
    /// answered with the note, so no card there is replaced with a view of the case.
    /// </summary>
    public Task AnswerActionElsewhereAsync(BotTurn turn, CardAction action, JsonObject card, CancellationToken cancellationToken)
        => SendElsewhereAsync(turn, Activity.CreateCard(card), action, cancellationToken);

    private async Task SendElsewhereAsync(BotTurn turn, Activity answer, CardAction? action, CancellationToken cancellationToken)
    {
        string note;
        try
        {
            var address = await messenger.OpenPersonalChatAsync(turn.Activity, cancellationToken);
            note = await messenger.SendAsync(address, answer, "a private answer", cancellationToken) is null ? PrivateChatUnreachable : SentPrivately;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or InvalidOperationException)
        {
            LogNoPrivateChat(logger, turn.Activity.Id, e.GetType().Name);
            note = PrivateChatUnreachable;
        }

        if (action is null)
        {
            await turn.SayAsync(note, cancellationToken);
        }
        else
        {
            await turn.AnswerActionAsync(action, note, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a 1:1 chat to answer activity {ActivityId} privately ({ErrorType})")]
    private static partial void LogNoPrivateChat(ILogger logger, string? activityId, string errorType);
}
