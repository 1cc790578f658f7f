namespace ReviewBot.Teams;

/// <summary>
/// The hosts a conversation's <c>serviceUrl</c> may name for the bot to send its connector token there. Sources:
/// Microsoft Teams platform docs, "Communication flow for Teams bot apps" (the Teams service gives bots a reply URL
/// of the form <c>https://smba.trafficmanager.net/{region}</c>) and "Proactive messages" (government clouds: GCC
/// <c>https://smba.infra.gcc.teams.microsoft.com/gcc</c>, GCC High <c>https://smba.infra.gov.teams.microsoft.us/gcch</c>),
/// MicrosoftDocs/msteams-docs <c>msteams-platform/bots/communication-flow.md</c> and
/// <c>msteams-platform/bots/how-to/conversations/send-proactive-messages.md</c>.
/// </summary>
public static class ServiceHosts
{
    /// <summary>The Bot Framework (Teams connector) hosts of the public and US government clouds.</summary>
    public static IReadOnlyList<string> BotFramework { get; } =
    [
        "smba.trafficmanager.net",             // public cloud, every region (/amer, /emea, /apac, /teams, ...)
        "smba.infra.gcc.teams.microsoft.com",  // US Government Community Cloud
        "smba.infra.gov.teams.microsoft.us",   // US GCC High
    ];

    /// <summary>Whether <paramref name="uri"/> may receive the bot's token under <paramref name="options"/>.</summary>
    /// <param name="uri">An absolute service URL.</param>
    /// <param name="options">The connector options (extra hosts, loopback).</param>
    /// <returns>True for https on a Bot Framework host (default port), a configured host, or loopback when allowed.</returns>
    public static bool IsAllowed(Uri uri, ConnectorClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(options);
        var loopback = Loopback.IsLoopbackHost(uri);
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopback))
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && Contains(BotFramework, host))
        {
            return true;
        }

        return Contains(options.AllowedHosts, host) || (loopback && options.AllowLoopback);
    }

    private static bool Contains(IEnumerable<string> hosts, string host) =>
        hosts.Any(h => string.Equals(h?.Trim().TrimEnd('.'), host, StringComparison.OrdinalIgnoreCase));
}
