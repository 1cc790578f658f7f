using System.Security.Claims;

namespace ReviewBot.Teams;

/// <summary>One inbound activity being handled, with the means to answer it.</summary>
public interface ITurnContext
{
    /// <summary>The inbound activity.</summary>
    Activity Activity { get; }

    /// <summary>The authenticated caller (unauthenticated in local development without an app id).</summary>
    ClaimsIdentity Identity { get; }

    /// <summary>The conversation reference of the inbound activity (store it for proactive messages).</summary>
    ConversationReference Reference { get; }

    /// <summary>The connector, for calls beyond replying (proactive sends, members, conversations).</summary>
    IConnectorClient Connector { get; }

    /// <summary>The HTTP answer to an invoke; set it before the turn ends. Unset for an invoke → 501.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Whether replies are buffered for the HTTP response (<c>deliveryMode: expectReplies</c>).</summary>
    bool IsBufferingReplies { get; }

    /// <summary>The replies buffered so far when <see cref="IsBufferingReplies"/>; otherwise empty.</summary>
    IReadOnlyList<Activity> BufferedReplies { get; }

    /// <summary>
    /// Sends an activity to the conversation: routing fields are filled in from the inbound activity; it is buffered
    /// (with a generated id) under expectReplies, else sent as a reply to the inbound activity (or to
    /// <see cref="Activity.ReplyToId"/> if set).
    /// </summary>
    /// <param name="activity">The activity to send.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The id of the sent (or buffered) activity.</returns>
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken ct = default);

    /// <summary>Replaces an activity the bot posted earlier in this conversation (always through the connector).</summary>
    /// <param name="activityId">The id of the activity to replace.</param>
    /// <param name="activity">The new content.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>A task that completes when the activity is replaced.</returns>
    Task UpdateActivityAsync(string activityId, Activity activity, CancellationToken ct = default);
}
