namespace ReviewBot.Teams;

/// <summary>
/// The channels this bot serves: Microsoft Teams (<c>msteams</c>), and Outlook (<c>outlook</c>) only for
/// Universal Actions (<c>adaptiveCard/action</c> invokes). Every other channel an Azure Bot enables by default
/// (Web Chat, Direct Line, the Emulator) lets its client write its own <c>from</c> and tenant, so nothing from
/// them is trusted: the endpoint answers 403 and runs no turn.
/// </summary>
public static class ServedChannels
{
    /// <summary>The Microsoft Teams channel id.</summary>
    public const string Teams = "msteams";

    /// <summary>The Outlook channel id (actionable messages with Universal Actions).</summary>
    public const string Outlook = "outlook";

    /// <summary>The plain answer to an activity from a channel this bot does not serve.</summary>
    public const string RefusalText = "ReviewBot works only in Microsoft Teams (and Outlook card actions).";

    /// <summary>The answer to an Outlook card action whose <c>from</c> carries no Entra object id: nothing was done.</summary>
    public static InvokeResponse NoObjectIdRefusal => AdaptiveCardInvokeResponses.Error(
        401, "Unauthorized", "ReviewBot could not tell who you are from Outlook, so nothing was done. Please use the card in Teams.");

    /// <summary>Whether the activity comes from a channel (and, for Outlook, of a kind) this bot serves.</summary>
    /// <param name="activity">The authenticated inbound activity.</param>
    /// <returns>True for <c>msteams</c>, and for <c>outlook</c> <c>adaptiveCard/action</c> invokes.</returns>
    public static bool IsServed(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.ChannelId, Teams, StringComparison.Ordinal)
               || (string.Equals(activity.ChannelId, Outlook, StringComparison.Ordinal)
                   && string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal)
                   && string.Equals(activity.Name, AdaptiveCardAction.InvokeName, StringComparison.Ordinal));
    }

    /// <summary>
    /// The names of the fields present on <c>from</c> (never their values), e.g. <c>aadObjectId,id,name</c>:
    /// what Outlook sends is logged so the identity it carries can be checked against what this bot expects.
    /// </summary>
    /// <param name="from">The sender, if any.</param>
    /// <returns>The sorted, comma-separated field names, or <c>(none)</c>.</returns>
    public static string ShapeOf(ChannelAccount? from)
    {
        if (from is null)
        {
            return "(none)";
        }

        var keys = new SortedSet<string>(StringComparer.Ordinal);
        AddIf(keys, "id", from.Id);
        AddIf(keys, "name", from.Name);
        AddIf(keys, "aadObjectId", from.AadObjectId);
        AddIf(keys, "role", from.Role);
        foreach (var key in from.Properties?.Keys ?? [])
        {
            // Keys come from the caller: keep them short so a log line stays bounded.
            keys.Add(key.Length > 40 ? key[..40] : key);
            if (keys.Count > 20)
            {
                break;
            }
        }

        return keys.Count == 0 ? "(none)" : string.Join(',', keys);
    }

    private static void AddIf(SortedSet<string> keys, string name, string? value)
    {
        if (value is not null)
        {
            keys.Add(name);
        }
    }
}
