using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewBot.Teams;

/// <summary>The connector's answer to a send, reply or update: the id of the activity.</summary>
public sealed class ResourceResponse
{
    /// <summary>Creates an empty response.</summary>
    public ResourceResponse()
    {
    }

    /// <summary>Creates a response with the given id.</summary>
    /// <param name="id">The activity id.</param>
    public ResourceResponse(string? id)
    {
        Id = id;
    }

    /// <summary>The id of the created or updated activity (opaque; may be absent).</summary>
    public string? Id { get; set; }
}

/// <summary>The connector's answer to <c>POST v3/conversations</c>.</summary>
public sealed class ConversationResourceResponse
{
    /// <summary>The id of the new (or existing 1:1) conversation.</summary>
    public string? Id { get; set; }

    /// <summary>The id of the first activity, when one was sent with the request.</summary>
    public string? ActivityId { get; set; }

    /// <summary>The service URL to use for the new conversation, if the service names one.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Fields this model does not name, kept for round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The body of <c>POST v3/conversations</c>.</summary>
public sealed class ConversationParameters
{
    /// <summary>Whether the conversation is a group conversation (always written, also when false).</summary>
    public bool IsGroup { get; set; }

    /// <summary>The bot starting the conversation.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>The members of a 1:1 conversation (one user).</summary>
    public IList<ChannelAccount>? Members { get; set; }

    /// <summary>The topic of a group conversation, if any.</summary>
    public string? TopicName { get; set; }

    /// <summary>The tenant the conversation is created in.</summary>
    public string? TenantId { get; set; }

    /// <summary>The first activity to post (required for a Teams channel thread).</summary>
    public Activity? Activity { get; set; }

    /// <summary>Channel data, e.g. <c>{"tenant":{"id":...}}</c> or <c>{"channel":{"id":...}}</c>.</summary>
    public System.Text.Json.Nodes.JsonObject? ChannelData { get; set; }

    /// <summary>Fields this model does not name, kept for round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>
    /// The body that creates (or finds) a 1:1 chat between the bot and a user:
    /// <c>{bot:{id}, members:[{id}], isGroup:false, tenantId, channelData:{tenant:{id}}}</c>.
    /// </summary>
    /// <param name="tenantId">The user's tenant.</param>
    /// <param name="botId">The bot's id (Teams: <c>28:{appId}</c> or the app id).</param>
    /// <param name="userId">The user's Teams id (<c>29:...</c>) or Entra object id.</param>
    /// <returns>The parameters.</returns>
    public static ConversationParameters ForPersonalConversation(string tenantId, string botId, string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new ConversationParameters
        {
            Bot = new ChannelAccount(botId),
            Members = [new ChannelAccount(userId)],
            IsGroup = false,
            TenantId = tenantId,
            ChannelData = new System.Text.Json.Nodes.JsonObject
            {
                ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tenantId },
            },
        };
    }

    /// <summary>
    /// The body that starts a new thread in a Teams channel:
    /// <c>{isGroup:true, tenantId, channelData:{channel:{id}, tenant:{id}}, activity}</c>.
    /// </summary>
    /// <param name="tenantId">The team's tenant.</param>
    /// <param name="teamsChannelId">The Teams channel id (<c>19:...@thread.tacv2</c>).</param>
    /// <param name="activity">The first message of the thread.</param>
    /// <returns>The parameters.</returns>
    public static ConversationParameters ForChannelThread(string tenantId, string teamsChannelId, Activity activity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(teamsChannelId);
        ArgumentNullException.ThrowIfNull(activity);
        activity.Type ??= ActivityTypes.Message;
        return new ConversationParameters
        {
            IsGroup = true,
            TenantId = tenantId,
            ChannelData = new System.Text.Json.Nodes.JsonObject
            {
                ["channel"] = new System.Text.Json.Nodes.JsonObject { ["id"] = teamsChannelId },
                ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tenantId },
            },
            Activity = activity,
        };
    }
}

/// <summary>The HTTP response body for a turn with <c>deliveryMode: expectReplies</c>.</summary>
public sealed class ExpectedReplies
{
    /// <summary>The activities the turn sent, in order.</summary>
    public IList<Activity> Activities { get; set; } = [];
}
