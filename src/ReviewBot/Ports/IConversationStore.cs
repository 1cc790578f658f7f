namespace ReviewBot.Ports;

/// <summary>
/// Per-conversation data: the address needed to message it later (proactive messages survive restarts)
/// and each user's dialog progress. One read and at most one write per turn.
/// </summary>
public interface IConversationStore
{
    /// <summary>Loads the conversation's address and this user's dialog state in one request.</summary>
    Task<ConversationSnapshot> LoadAsync(string conversationId, string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// Writes what differs from <paramref name="loaded"/> in at most one request: the address when it changed,
    /// the dialog when it changed (null deletes it). Conditional on what was loaded; a concurrent change
    /// throws <see cref="ConversationConflictException"/>.
    /// </summary>
    Task SaveAsync(ConversationSnapshot loaded, ConversationAddress address, DialogState? dialog, CancellationToken cancellationToken);

    /// <summary>The 1:1 chat address for a person, by Entra object id (for proactive messages).</summary>
    Task<ConversationAddress?> FindPersonalAsync(string objectId, CancellationToken cancellationToken);

    /// <summary>Records a person's 1:1 chat address (written when first seen or changed).</summary>
    Task SavePersonalAsync(string objectId, ConversationAddress address, CancellationToken cancellationToken);

    /// <summary>Dialogs whose last change is before <paramref name="before"/> (stale drafts).</summary>
    IAsyncEnumerable<StaleDialog> ListDialogsUpdatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Removes a dialog if it is unchanged since it was listed.</summary>
    Task<bool> TryDeleteDialogAsync(StaleDialog dialog, CancellationToken cancellationToken);

    /// <summary>Marks a stale dialog as reminded, if unchanged since it was listed.</summary>
    Task<bool> TryMarkRemindedAsync(StaleDialog dialog, DateTimeOffset remindedAt, CancellationToken cancellationToken);
}

/// <summary>Everything needed to message a conversation proactively (mirrors the protocol's conversation reference).</summary>
/// <param name="ServiceUrl">The connector's URL.</param>
/// <param name="ChannelId">e.g. "msteams".</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="ConversationType">personal, groupChat or channel.</param>
/// <param name="TenantId">Entra tenant.</param>
/// <param name="BotId">The bot's id in the conversation.</param>
/// <param name="UserId">The Teams user id (29:...) for personal chats.</param>
/// <param name="UserObjectId">The Entra object id for personal chats.</param>
public sealed record ConversationAddress(
    string ServiceUrl,
    string ChannelId,
    string ConversationId,
    string? ConversationType,
    string? TenantId,
    string? BotId,
    string? UserId,
    string? UserObjectId);

/// <summary>A dialog's progress, serialised by the flow that owns it.</summary>
/// <param name="Flow">Which flow, e.g. "referral".</param>
/// <param name="Json">The flow's own state.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="RemindedAt">When a stale-draft reminder was sent.</param>
public sealed record DialogState(string Flow, string Json, DateTimeOffset UpdatedAt, DateTimeOffset? RemindedAt = null);

/// <summary>What <see cref="IConversationStore.LoadAsync"/> read, with the concurrency tokens to write back.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="UserKey">The user (Entra object id, else Teams id).</param>
/// <param name="Address">The stored address, if any.</param>
/// <param name="Dialog">The stored dialog, if any.</param>
/// <param name="AddressETag">Token of the address row.</param>
/// <param name="DialogETag">Token of the dialog row.</param>
public sealed record ConversationSnapshot(
    string ConversationId,
    string UserKey,
    ConversationAddress? Address,
    DialogState? Dialog,
    string? AddressETag,
    string? DialogETag);

/// <summary>A dialog found by the stale-draft sweep.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="UserKey">The user.</param>
/// <param name="Dialog">The dialog.</param>
/// <param name="ETag">Token, so the sweep never deletes a dialog that just came back to life.</param>
public sealed record StaleDialog(string ConversationId, string UserKey, DialogState Dialog, string ETag);

/// <summary>Two turns of the same user and conversation raced; the later one must re-run.</summary>
public sealed class ConversationConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConversationConflictException()
        : base("The conversation changed while this turn ran.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConversationConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ConversationConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
