using Microsoft.Extensions.Options;

namespace ReviewBot.Graph;

/// <summary>
/// Microsoft Graph settings (section <c>Graph</c>). The scheduling and IMR-chasing adapters build on these;
/// tests point <see cref="BaseUrl"/> at a local stand-in.
/// </summary>
public sealed class GraphOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph";

    /// <summary>The Graph endpoint, e.g. <c>https://graph.microsoft.com/v1.0</c>.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
}

/// <summary>Checks <see cref="GraphOptions"/> at start-up, with messages that name the setting.</summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url))
        {
            return ValidateOptionsResult.Fail("Graph:BaseUrl must be an absolute URL, e.g. https://graph.microsoft.com/v1.0.");
        }

        return url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Graph:BaseUrl must use https (plain http is allowed only for a local stand-in on this machine).");
    }
}
