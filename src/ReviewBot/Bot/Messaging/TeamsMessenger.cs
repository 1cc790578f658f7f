using ReviewBot.Ports;
using System.Text.Json.Nodes;
using ReviewBot.Teams;

namespace ReviewBot.Bot.Messaging;

/// <summary>
/// Proactive messages: to a person's 1:1 chat (found by Entra object id in the stored addresses), and
/// updates of cards already posted. Delivery problems are logged by case reference and reported to the
/// caller as "not delivered"; they never undo the case change that caused them.
/// </summary>
public sealed partial class TeamsMessenger
{
    private readonly IConnectorClient connector;
    private readonly IConversationStore conversations;
    private readonly ILogger<TeamsMessenger> logger;

    /// <summary>Creates the messenger.</summary>
    public TeamsMessenger(IConnectorClient connector, IConversationStore conversations, ILogger<TeamsMessenger> logger)
    {
        this.connector = connector;
        this.conversations = conversations;
        this.logger = logger;
    }

    /// <summary>Sends a card to a person's 1:1 chat; null when it could not be delivered.</summary>
    public async Task<PostedMessage?> SendCardToPersonAsync(string objectId, JsonObject card, string caseReference, CancellationToken cancellationToken)
    {
        var address = await conversations.FindPersonalAsync(objectId, cancellationToken);
        if (address is null)
        {
            LogNoChat(logger, caseReference);
            return null;
        }

        return await SendAsync(address, Activity.CreateCard(card), caseReference, cancellationToken);
    }

    /// <summary>Sends an activity to a stored conversation; null when it could not be delivered.</summary>
    public async Task<PostedMessage?> SendAsync(ConversationAddress address, Activity activity, string caseReference, CancellationToken cancellationToken)
    {
        try
        {
            var posted = await connector.SendToConversationAsync(ToReference(address), activity, cancellationToken);
            return new PostedMessage(address, posted.Id);
        }
        catch (BotNotInConversationRosterException)
        {
            LogRemoved(logger, caseReference);
            return null;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            LogNotDelivered(logger, caseReference, e.GetType().Name);
            return null;
        }
    }

    /// <summary>Replaces a posted card for everyone who sees it; false when it could not be updated.</summary>
    public async Task<bool> UpdateCardAsync(ConversationAddress address, string activityId, JsonObject card, string caseReference, CancellationToken cancellationToken)
    {
        try
        {
            await connector.UpdateActivityAsync(ToReference(address), activityId, Activity.CreateCard(card), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            LogNotUpdated(logger, caseReference, e.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// Opens (or reopens) the 1:1 chat with the sender of <paramref name="activity"/> and remembers it, so a
    /// referral started in a channel continues privately.
    /// </summary>
    public async Task<ConversationAddress> OpenPersonalChatAsync(Activity activity, CancellationToken cancellationToken)
    {
        var from = activity.From ?? throw new InvalidOperationException("The activity has no sender.");
        var tenantId = activity.GetTenantId() ?? string.Empty;
        var botId = activity.Recipient?.Id ?? string.Empty;
        var created = await connector.CreatePersonalConversationAsync(activity.ServiceUrl!, tenantId, botId, from.Id!, cancellationToken);
        var address = new ConversationAddress(
            created.ServiceUrl ?? activity.ServiceUrl!, activity.ChannelId ?? "msteams", created.Id!, "personal", tenantId, botId, from.Id, from.AadObjectId);
        if (from.AadObjectId is { } objectId)
        {
            await conversations.SavePersonalAsync(objectId, address, cancellationToken);
        }

        return address;
    }

    /// <summary>The protocol's reference for a stored address.</summary>
    public static ConversationReference ToReference(ConversationAddress address)
        => new(address.ServiceUrl, address.ChannelId, address.ConversationId, address.ConversationType, address.TenantId, address.BotId, null, address.UserId, address.UserObjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No 1:1 chat is known for a recipient of a message about {CaseReference}; the app may not be installed for them")]
    private static partial void LogNoChat(ILogger logger, string caseReference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The app was removed from a conversation; a message about {CaseReference} was not delivered")]
    private static partial void LogRemoved(ILogger logger, string caseReference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message about {CaseReference} was not delivered ({ErrorType})")]
    private static partial void LogNotDelivered(ILogger logger, string caseReference, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card about {CaseReference} was not updated ({ErrorType})")]
    private static partial void LogNotUpdated(ILogger logger, string caseReference, string errorType);
}

/// <summary>A message the bot posted.</summary>
/// <param name="Address">Where.</param>
/// <param name="ActivityId">Its id, to update it later.</param>
public sealed record PostedMessage(ConversationAddress Address, string? ActivityId);
