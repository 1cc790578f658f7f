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
}

/// <summary>The HTTP response body for a turn with <c>deliveryMode: expectReplies</c>.</summary>
public sealed class ExpectedReplies
{
    /// <summary>The activities the turn sent, in order.</summary>
    public IList<Activity> Activities { get; set; } = [];
}
