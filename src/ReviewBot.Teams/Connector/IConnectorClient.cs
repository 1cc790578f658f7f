namespace ReviewBot.Teams;

/// <summary>
/// The Bot Framework connector REST API (v3), relative to a conversation's <c>serviceUrl</c>. Calls are
/// authenticated with <see cref="IConnectorTokenProvider"/>, retried on 429/5xx (honouring <c>Retry-After</c>),
/// and fail with <see cref="ConnectorException"/> or <see cref="BotNotInConversationRosterException"/>.
/// </summary>
public interface IConnectorClient
{
    /// <summary>Replies to an incoming activity: <c>POST v3/conversations/{conv}/activities/{activityId}</c>.</summary>
    /// <param name="original">The incoming activity (its service URL, conversation and id route the reply).</param>
    /// <param name="reply">The reply; missing routing fields (conversation, from, recipient, replyToId) are filled in.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The id of the posted activity (may be absent).</returns>
    Task<ResourceResponse> ReplyToActivityAsync(Activity original, Activity reply, CancellationToken ct = default);

    /// <summary>Posts to a conversation: <c>POST v3/conversations/{conv}/activities</c>.</summary>
    /// <param name="reference">The stored conversation reference.</param>
    /// <param name="activity">The activity; missing routing fields are filled in from the reference.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The id of the posted activity.</returns>
    Task<ResourceResponse> SendToConversationAsync(ConversationReference reference, Activity activity, CancellationToken ct = default);

    /// <summary>Replaces an activity the bot posted: <c>PUT v3/conversations/{conv}/activities/{activityId}</c>.</summary>
    /// <param name="reference">The conversation reference.</param>
    /// <param name="activityId">The id of the activity to replace.</param>
    /// <param name="activity">The new content.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The connector's response.</returns>
    Task<ResourceResponse> UpdateActivityAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken ct = default);

    /// <summary>Deletes an activity the bot posted: <c>DELETE v3/conversations/{conv}/activities/{activityId}</c>.</summary>
    /// <param name="reference">The conversation reference.</param>
    /// <param name="activityId">The id of the activity to delete.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>A task that completes when the activity is deleted.</returns>
    Task DeleteActivityAsync(ConversationReference reference, string activityId, CancellationToken ct = default);

    /// <summary>Creates a conversation: <c>POST v3/conversations</c>.</summary>
    /// <param name="serviceUrl">The connector base URL (from a stored reference of the same tenant/region).</param>
    /// <param name="parameters">The body; see <see cref="ConversationParameters.ForPersonalConversation"/> and
    /// <see cref="ConversationParameters.ForChannelThread"/>.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The conversation id (and first activity id, if one was sent).</returns>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct = default);

    /// <summary>Creates (or finds) the 1:1 chat between the bot and a user. The app must be installed for the user.</summary>
    /// <param name="serviceUrl">The connector base URL.</param>
    /// <param name="tenantId">The user's tenant.</param>
    /// <param name="botId">The bot's id.</param>
    /// <param name="userId">The user's Teams id or Entra object id.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The conversation id.</returns>
    Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string botId, string userId, CancellationToken ct = default);

    /// <summary>Starts a new thread in a Teams channel with <paramref name="activity"/> as its first message.</summary>
    /// <param name="serviceUrl">The connector base URL.</param>
    /// <param name="tenantId">The team's tenant.</param>
    /// <param name="teamsChannelId">The Teams channel id.</param>
    /// <param name="activity">The first message.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The thread's conversation id and the message id.</returns>
    Task<ConversationResourceResponse> CreateChannelThreadAsync(string serviceUrl, string tenantId, string teamsChannelId, Activity activity, CancellationToken ct = default);

    /// <summary>Lists the members of a conversation: <c>GET v3/conversations/{conv}/members</c>.</summary>
    /// <param name="reference">The conversation reference.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The members (Teams-specific fields are kept in <see cref="ChannelAccount.Properties"/>).</returns>
    Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(ConversationReference reference, CancellationToken ct = default);
}
