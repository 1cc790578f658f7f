namespace ReviewBot.Teams;

/// <summary>Values of <see cref="Activity.Type"/> used by Teams.</summary>
public static class ActivityTypes
{
    /// <summary>A message from a user (including Action.Submit card submissions) or from the bot.</summary>
    public const string Message = "message";

    /// <summary>Members joined or left, or the conversation changed (Teams: channel and team events).</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>The app was installed (<c>action: add</c>) or removed (<c>action: remove</c>).</summary>
    public const string InstallationUpdate = "installationUpdate";

    /// <summary>A request that expects an answer in the HTTP response (e.g. <c>adaptiveCard/action</c>).</summary>
    public const string Invoke = "invoke";

    /// <summary>A reaction was added to or removed from a message.</summary>
    public const string MessageReaction = "messageReaction";

    /// <summary>A message was edited.</summary>
    public const string MessageUpdate = "messageUpdate";

    /// <summary>A message was deleted.</summary>
    public const string MessageDelete = "messageDelete";

    /// <summary>A named event.</summary>
    public const string Event = "event";

    /// <summary>The sender is typing.</summary>
    public const string Typing = "typing";

    /// <summary>The conversation ended.</summary>
    public const string EndOfConversation = "endOfConversation";
}

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    /// <summary>Replies are sent through the connector (the default).</summary>
    public const string Normal = "normal";

    /// <summary>Replies are buffered and returned in the HTTP response as <c>{"activities":[...]}</c>.</summary>
    public const string ExpectReplies = "expectReplies";
}
