using ReviewBot.Ports;
using ReviewBot.Teams;

namespace ReviewBot.Bot;

/// <summary>
/// One turn's view of its conversation: the stored address and this user's dialog, loaded in one
/// storage request and saved in at most one more (the per-turn budget), only when something changed.
/// </summary>
public sealed class TurnSession
{
    private readonly IConversationStore store;
    private readonly ConversationSnapshot loaded;

    private TurnSession(IConversationStore store, ConversationSnapshot loaded, ConversationAddress address)
    {
        this.store = store;
        this.loaded = loaded;
        Address = address;
        Dialog = loaded.Dialog;
    }

    /// <summary>Where this conversation can be reached later.</summary>
    public ConversationAddress Address { get; }

    /// <summary>This user's dialog in this conversation; set to null to end it.</summary>
    public DialogState? Dialog { get; set; }

    /// <summary>The key under which this user's dialog is kept.</summary>
    public string UserKey => loaded.UserKey;

    /// <summary>Loads the session for a turn.</summary>
    public static async Task<TurnSession> LoadAsync(IConversationStore store, Activity activity, CancellationToken cancellationToken)
    {
        var address = AddressOf(activity);
        // Only the Entra object id identifies a person: the bot's turn gate answers activities without one.
        var userKey = activity.From?.AadObjectId
            ?? throw new InvalidOperationException("A turn session needs the sender's Entra object id.");
        var snapshot = await store.LoadAsync(address.ConversationId, userKey, cancellationToken);
        return new TurnSession(store, snapshot, address);
    }

    /// <summary>Loads the session of another conversation (e.g. the 1:1 chat a channel referral moves to).</summary>
    public static async Task<TurnSession> LoadAsync(IConversationStore store, ConversationAddress address, string userKey, CancellationToken cancellationToken)
        => new(store, await store.LoadAsync(address.ConversationId, userKey, cancellationToken), address);

    /// <summary>Writes what changed: nothing, the dialog, the address, or both in one request.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var addressChanged = loaded.Address != Address;
        // An Outlook card action is no conversation to reach anyone in later: keep nothing of it (and never let it replace a 1:1 chat).
        if ((!addressChanged && loaded.Dialog == Dialog) || Address.ChannelId == ServedChannels.Outlook)
        {
            return;
        }

        try
        {
            await store.SaveAsync(loaded, Address, Dialog, cancellationToken);
        }
        catch (ConversationConflictException) when (loaded.Dialog == Dialog)
        {
            // Only the address was being written and a concurrent turn (Teams sends installationUpdate and
            // conversationUpdate together) stored it first: the same address, so nothing is lost.
            return;
        }

        if (addressChanged && Address.ConversationType == "personal" && Address.UserObjectId is { } objectId)
        {
            // Rare (first contact or a moved chat), so outside the per-turn budget: lets us reach the person later.
            await store.SavePersonalAsync(objectId, Address, cancellationToken);
        }
    }

    /// <summary>The storable address of an activity's conversation.</summary>
    public static ConversationAddress AddressOf(Activity activity)
    {
        var reference = activity.GetConversationReference();
        var personal = reference.ConversationType == "personal";
        return new ConversationAddress(
            reference.ServiceUrl,
            reference.ChannelId,
            reference.ConversationId,
            reference.ConversationType,
            reference.TenantId,
            reference.BotId,
            personal ? reference.UserId : null,
            personal ? reference.UserAadObjectId : null);
    }
}
