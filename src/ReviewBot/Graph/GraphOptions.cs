using Microsoft.Extensions.Options;

namespace ReviewBot.Graph;

/// <summary>
/// Microsoft Graph settings (section <c>Graph</c>): app-only access with a client secret, a certificate or a
/// managed identity. Tests and <c>make run</c> point <see cref="BaseUrl"/> at the local stand-in
/// (src/ReviewBot.GraphStandIn), which gets a fixed local token: a real Graph token never leaves for a
/// host that is not Graph.
/// </summary>
public sealed class GraphOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph";

    /// <summary>The Graph endpoint, e.g. <c>https://graph.microsoft.com/v1.0</c>.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Entra tenant of the app registration (client secret or certificate).</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id (client secret or certificate).</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret; prefer a certificate or a managed identity outside development.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Path to a PFX certificate for the app registration.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate's password, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>User-assigned managed identity client id; empty with no secret or certificate = system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The Teams app's manifest id (<c>teamsApp/externalId</c>), for installing the app for a user.</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>The app's id in the tenant's app catalog, when it differs from <see cref="TeamsAppId"/> (org-uploaded apps).</summary>
    public string? TeamsAppCatalogId { get; set; }

    /// <summary>True when <see cref="BaseUrl"/> is a local stand-in on this machine.</summary>
    public bool IsLocalStandIn => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) && url.IsLoopback;
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

        if (!(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            return ValidateOptionsResult.Fail("Graph:BaseUrl must use https (plain http is allowed only for a local stand-in on this machine).");
        }

        if (options.IsLocalStandIn)
        {
            return ValidateOptionsResult.Success;
        }

        if (!string.IsNullOrEmpty(options.ClientSecret) && !string.IsNullOrEmpty(options.CertificatePath))
        {
            return ValidateOptionsResult.Fail("Set one of Graph:ClientSecret and Graph:CertificatePath, not both.");
        }

        var appRegistration = !string.IsNullOrEmpty(options.ClientSecret) || !string.IsNullOrEmpty(options.CertificatePath);
        return appRegistration && (string.IsNullOrEmpty(options.TenantId) || string.IsNullOrEmpty(options.ClientId))
            ? ValidateOptionsResult.Fail("Graph:TenantId and Graph:ClientId are required with Graph:ClientSecret or Graph:CertificatePath.")
            : ValidateOptionsResult.Success;
    }
}
