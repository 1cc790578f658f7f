using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewBot.Teams;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    /// <summary>Creates an empty conversation account.</summary>
    public ConversationAccount()
    {
    }

    /// <summary>Creates a conversation account with the given id.</summary>
    /// <param name="id">The conversation id (opaque; Teams channel threads look like <c>19:...@thread.tacv2;messageid=...</c>).</param>
    public ConversationAccount(string? id)
    {
        Id = id;
    }

    /// <summary>The conversation id.</summary>
    public string? Id { get; set; }

    /// <summary>The conversation's display name, if any.</summary>
    public string? Name { get; set; }

    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    /// <summary>The Entra tenant the conversation belongs to.</summary>
    public string? TenantId { get; set; }

    /// <summary>Whether the conversation has more than two participants.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>Fields this model does not name, kept for round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
