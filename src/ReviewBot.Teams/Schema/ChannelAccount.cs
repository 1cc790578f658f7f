using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewBot.Teams;

/// <summary>A participant in a conversation: a user or a bot. Ids are opaque strings.</summary>
public sealed class ChannelAccount
{
    /// <summary>Creates an empty account.</summary>
    public ChannelAccount()
    {
    }

    /// <summary>Creates an account with the given id and optional display name.</summary>
    /// <param name="id">The channel-specific id (Teams users: <c>29:...</c>; bots: <c>28:{appId}</c> or the app id).</param>
    /// <param name="name">The display name, if known.</param>
    public ChannelAccount(string? id, string? name = null)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The channel-specific id of the account.</summary>
    public string? Id { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The Entra ID object id of a user (use it for roles; never parse it as a <see cref="Guid"/>).</summary>
    public string? AadObjectId { get; set; }

    /// <summary>The role of the account: <c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Fields this model does not name (e.g. Teams' <c>userPrincipalName</c>), kept for round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
