using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ReviewBot.Teams;

/// <summary>
/// A Bot Framework activity as Teams sends and receives it. Fields this model does not name are kept in
/// <see cref="Properties"/> so that an activity survives a round trip unchanged. Every id is an opaque string.
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type, one of <see cref="ActivityTypes"/>.</summary>
    public string? Type { get; set; }

    /// <summary>The id the channel gave the activity.</summary>
    public string? Id { get; set; }

    /// <summary>When the channel received the activity (UTC).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>When the activity was sent, in the sender's local time.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>The sender's IANA time zone name.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>The base URL of the connector to send replies to.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The channel, e.g. <c>msteams</c>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The recipient (the bot, for incoming activities).</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>The message text.</summary>
    public string? Text { get; set; }

    /// <summary>The text format: <c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>The sender's locale, e.g. <c>en-GB</c>.</summary>
    public string? Locale { get; set; }

    /// <summary>Attachments, e.g. Adaptive Cards.</summary>
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>Entities such as <c>clientInfo</c> or <c>mention</c>.</summary>
    public IList<JsonObject>? Entities { get; set; }

    /// <summary>Channel-specific data (Teams: <c>tenant</c>, <c>team</c>, <c>channel</c>, <c>eventType</c>).</summary>
    public JsonObject? ChannelData { get; set; }

    /// <summary>The id of the activity this one replies to (for card submits and invokes: the card's message).</summary>
    public string? ReplyToId { get; set; }

    /// <summary>The value of an invoke, an Action.Submit or an event.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>The name of an invoke or event, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; set; }

    /// <summary>For <c>installationUpdate</c>: <c>add</c> or <c>remove</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Members added to the conversation (<c>conversationUpdate</c>).</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Members removed from the conversation (<c>conversationUpdate</c>).</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>How replies are delivered, one of <see cref="DeliveryModes"/>.</summary>
    public string? DeliveryMode { get; set; }

    /// <summary>Text shown in notifications and previews instead of the content.</summary>
    public string? Summary { get; set; }

    /// <summary>Fields this model does not name, kept for round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Whether the activity comes from a 1:1 chat between a user and the bot.</summary>
    [JsonIgnore]
    public bool IsPersonalConversation =>
        string.Equals(Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the sender asked for replies in the HTTP response (<c>deliveryMode: expectReplies</c>).</summary>
    [JsonIgnore]
    public bool IsExpectReplies =>
        string.Equals(DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates a message activity with the given text.</summary>
    /// <param name="text">The message text.</param>
    /// <returns>A new message activity.</returns>
    public static Activity CreateMessage(string text) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>Creates a message activity carrying one Adaptive Card.</summary>
    /// <param name="card">The card JSON (root <c>type: AdaptiveCard</c>).</param>
    /// <returns>A new message activity with one attachment of type <see cref="Attachment.AdaptiveCardContentType"/>.</returns>
    public static Activity CreateCard(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
        };
    }

    /// <summary>
    /// Creates a message that replies to this (incoming) activity: sender and recipient swapped, same
    /// conversation, service URL and channel, <see cref="ReplyToId"/> set to this activity's id.
    /// </summary>
    /// <param name="text">The reply text, if any.</param>
    /// <returns>A new message activity.</returns>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = Recipient is null ? null : new ChannelAccount(Recipient.Id, Recipient.Name),
        Recipient = From is null ? null : new ChannelAccount(From.Id, From.Name) { AadObjectId = From.AadObjectId },
        Conversation = CopyConversation(Conversation),
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Locale = Locale,
    };

    /// <summary>
    /// The conversation reference of this incoming activity: what is needed (and should be stored) to send
    /// proactive messages to the same conversation later.
    /// </summary>
    /// <returns>The reference.</returns>
    /// <exception cref="InvalidOperationException">The activity lacks <c>serviceUrl</c>, <c>channelId</c> or <c>conversation.id</c>.</exception>
    public ConversationReference GetConversationReference()
    {
        if (string.IsNullOrEmpty(ServiceUrl))
        {
            throw new InvalidOperationException("The activity has no serviceUrl.");
        }

        if (string.IsNullOrEmpty(ChannelId))
        {
            throw new InvalidOperationException("The activity has no channelId.");
        }

        if (string.IsNullOrEmpty(Conversation?.Id))
        {
            throw new InvalidOperationException("The activity has no conversation id.");
        }

        return new ConversationReference(
            ServiceUrl,
            ChannelId,
            Conversation.Id,
            Conversation.ConversationType,
            GetTenantId(),
            Recipient?.Id,
            Recipient?.Name,
            From?.Id,
            From?.AadObjectId,
            GetTeamId(),
            GetChannelId());
    }

    /// <summary>The Entra tenant id: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    /// <returns>The tenant id, or null.</returns>
    public string? GetTenantId() => GetChannelDataString("tenant", "id") ?? NullIfEmpty(Conversation?.TenantId);

    /// <summary>The Teams team id (<c>channelData.team.id</c>), for activities from a team.</summary>
    /// <returns>The team id, or null.</returns>
    public string? GetTeamId() => GetChannelDataString("team", "id");

    /// <summary>
    /// The Teams channel id (<c>channelData.channel.id</c>, e.g. <c>19:...@thread.tacv2</c>), for activities from
    /// a team channel. Not to be confused with <see cref="ChannelId"/> (<c>msteams</c>).
    /// </summary>
    /// <returns>The Teams channel id, or null.</returns>
    public string? GetChannelId() => GetChannelDataString("channel", "id");

    /// <summary>
    /// Reads an Action.Execute invoke (<c>type: invoke</c>, <c>name: adaptiveCard/action</c>).
    /// </summary>
    /// <param name="action">The verb, data (inputs merged in) and trigger, when this returns true.</param>
    /// <returns>True when this activity is a well-formed <c>adaptiveCard/action</c> invoke with a verb.</returns>
    public bool TryGetAdaptiveCardAction(out AdaptiveCardAction action)
    {
        action = null!;
        if (!string.Equals(Type, ActivityTypes.Invoke, StringComparison.Ordinal)
            || !string.Equals(Name, AdaptiveCardAction.InvokeName, StringComparison.Ordinal)
            || Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var actionElement)
            || actionElement.ValueKind != JsonValueKind.Object
            || !actionElement.TryGetProperty("verb", out var verbElement)
            || verbElement.ValueKind != JsonValueKind.String
            || verbElement.GetString() is not { Length: > 0 } verb)
        {
            return false;
        }

        JsonObject data;
        if (!actionElement.TryGetProperty("data", out var dataElement) || dataElement.ValueKind == JsonValueKind.Null)
        {
            data = [];
        }
        else if (dataElement.ValueKind == JsonValueKind.Object)
        {
            data = JsonObject.Create(dataElement.Clone())!;
        }
        else
        {
            return false;
        }

        string? trigger = value.TryGetProperty("trigger", out var triggerElement) && triggerElement.ValueKind == JsonValueKind.String
            ? triggerElement.GetString()
            : null;
        string? actionType = actionElement.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()
            : null;
        action = new AdaptiveCardAction(verb, data, trigger, actionType);
        return true;
    }

    private string? GetChannelDataString(string objectName, string propertyName) =>
        ChannelData?[objectName] is JsonObject inner
        && inner[propertyName] is JsonValue value
        && value.TryGetValue(out string? text)
            ? NullIfEmpty(text)
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ConversationAccount? CopyConversation(ConversationAccount? conversation) =>
        conversation is null
            ? null
            : new ConversationAccount(conversation.Id)
            {
                Name = conversation.Name,
                ConversationType = conversation.ConversationType,
                TenantId = conversation.TenantId,
                IsGroup = conversation.IsGroup,
            };
}
