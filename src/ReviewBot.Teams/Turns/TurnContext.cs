using System.Globalization;
using System.Security.Claims;

namespace ReviewBot.Teams;

/// <summary>The standard <see cref="ITurnContext"/>; also usable directly in tests of bots.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<Activity> _buffered = [];
    private readonly Lock _bufferLock = new();

    /// <summary>Creates a turn for an authenticated inbound activity.</summary>
    /// <param name="activity">The inbound activity (must have serviceUrl, channelId and conversation id).</param>
    /// <param name="identity">The caller's identity.</param>
    /// <param name="connector">The connector for replies.</param>
    public TurnContext(Activity activity, ClaimsIdentity identity, IConnectorClient connector)
    {
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
        Identity = identity ?? throw new ArgumentNullException(nameof(identity));
        Connector = connector ?? throw new ArgumentNullException(nameof(connector));
        Reference = activity.GetConversationReference();
        IsBufferingReplies = activity.IsExpectReplies;
    }

    /// <inheritdoc />
    public Activity Activity { get; }

    /// <inheritdoc />
    public ClaimsIdentity Identity { get; }

    /// <inheritdoc />
    public ConversationReference Reference { get; }

    /// <inheritdoc />
    public IConnectorClient Connector { get; }

    /// <inheritdoc />
    public InvokeResponse? InvokeResponse { get; set; }

    /// <inheritdoc />
    public bool IsBufferingReplies { get; }

    /// <inheritdoc />
    public IReadOnlyList<Activity> BufferedReplies
    {
        get
        {
            lock (_bufferLock)
            {
                return [.. _buffered];
            }
        }
    }

    /// <inheritdoc />
    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ApplyRouting(activity);

        if (IsBufferingReplies)
        {
            activity.Id ??= Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
            activity.Timestamp ??= DateTimeOffset.UtcNow;
            lock (_bufferLock)
            {
                _buffered.Add(activity);
            }

            return new ResourceResponse(activity.Id);
        }

        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            var target = string.Equals(activity.ReplyToId, Activity.Id, StringComparison.Ordinal)
                ? Activity
                : new Activity { Id = activity.ReplyToId, ServiceUrl = Activity.ServiceUrl, Conversation = Activity.Conversation };
            return await Connector.ReplyToActivityAsync(target, activity, ct);
        }

        return await Connector.SendToConversationAsync(Reference, activity, ct);
    }

    /// <inheritdoc />
    public Task UpdateActivityAsync(string activityId, Activity activity, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        ApplyRouting(activity);
        activity.ReplyToId = null;
        activity.Id = activityId;
        return Connector.UpdateActivityAsync(Reference, activityId, activity, ct);
    }

    private void ApplyRouting(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId = Activity.ChannelId;
        activity.ServiceUrl = Activity.ServiceUrl;
        activity.Conversation = Activity.Conversation is null
            ? null
            : new ConversationAccount(Activity.Conversation.Id)
            {
                Name = Activity.Conversation.Name,
                ConversationType = Activity.Conversation.ConversationType,
                TenantId = Activity.Conversation.TenantId,
                IsGroup = Activity.Conversation.IsGroup,
            };
        activity.From = Activity.Recipient is null ? null : new ChannelAccount(Activity.Recipient.Id, Activity.Recipient.Name);
        activity.Recipient = Activity.From is null ? null : new ChannelAccount(Activity.From.Id, Activity.From.Name);
        activity.Locale ??= Activity.Locale;
        if (string.IsNullOrEmpty(activity.ReplyToId) && !string.IsNullOrEmpty(Activity.Id))
        {
            activity.ReplyToId = Activity.Id;
        }
    }
}
