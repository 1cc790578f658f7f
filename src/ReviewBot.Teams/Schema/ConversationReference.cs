namespace ReviewBot.Teams;

/// <summary>
/// Everything needed to message a conversation proactively. Store it (it is plain data and serializes with
/// <see cref="TeamsJson.Options"/>); never keep it only in memory.
/// </summary>
/// <param name="ServiceUrl">The connector base URL of the conversation.</param>
/// <param name="ChannelId">The channel, e.g. <c>msteams</c>.</param>
/// <param name="ConversationId">The conversation id (opaque).</param>
/// <param name="ConversationType">Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</param>
/// <param name="TenantId">The Entra tenant id.</param>
/// <param name="BotId">The bot's id in the conversation.</param>
/// <param name="BotName">The bot's display name.</param>
/// <param name="UserId">The id of the user who sent the activity (Teams: <c>29:...</c>).</param>
/// <param name="UserAadObjectId">The Entra object id of that user.</param>
/// <param name="TeamId">The Teams team id, for team conversations.</param>
/// <param name="ChannelDataChannelId">The Teams channel id (<c>channelData.channel.id</c>), for channel conversations.</param>
public sealed record ConversationReference(
    string ServiceUrl,
    string ChannelId,
    string ConversationId,
    string? ConversationType = null,
    string? TenantId = null,
    string? BotId = null,
    string? BotName = null,
    string? UserId = null,
    string? UserAadObjectId = null,
    string? TeamId = null,
    string? ChannelDataChannelId = null);
