using System.Net;

namespace ReviewBot.Teams;

/// <summary>Loopback checks for service URLs and metadata URLs.</summary>
internal static class Loopback
{
    /// <summary>True for <c>localhost</c> (by name), 127.0.0.0/8 and ::1 (also IPv4-mapped).</summary>
    public static bool IsLoopbackHost(Uri uri)
    {
        var host = uri.IdnHost;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || string.Equals(host, "localhost.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address);
    }

    /// <summary>True when <paramref name="url"/> is an absolute http(s) URL on a loopback host.</summary>
    public static bool IsLoopbackHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo)
        && IsLoopbackHost(uri);
}
