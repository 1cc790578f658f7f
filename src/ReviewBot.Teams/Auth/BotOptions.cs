namespace ReviewBot.Teams;

/// <summary>How the bot's app registration authenticates to the Bot Framework.</summary>
public enum BotAppType
{
    /// <summary>A multi-tenant app registration: client credentials against the <c>botframework.com</c> tenant.</summary>
    MultiTenant,

    /// <summary>A single-tenant app registration: client credentials against <see cref="BotOptions.TenantId"/>.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity.</summary>
    UserAssignedMSI,
}

/// <summary>The bot's identity and protocol settings, bound from the configuration section <c>Bot</c>.</summary>
public sealed class BotOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Bot";

    /// <summary>The default Bot Framework OpenID metadata URL.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The default request body limit: 256 KiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 262_144;

    /// <summary>
    /// The bot's Microsoft App ID (the app registration's client id, or the managed identity's). Empty only for
    /// local development: then requests need no token but must come with a loopback <c>serviceUrl</c>.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>The Entra tenant of the app registration (required for <see cref="BotAppType.SingleTenant"/>).</summary>
    public string? TenantId { get; set; }

    /// <summary>How the bot authenticates outbound calls.</summary>
    public BotAppType AppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>The client secret (MultiTenant / SingleTenant), unless a certificate is used.</summary>
    public string? AppPassword { get; set; }

    /// <summary>Path to a PFX or PEM client certificate, used instead of <see cref="AppPassword"/> when set.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of a PFX certificate, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The client id of the user-assigned managed identity; defaults to <see cref="AppId"/>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The OpenID metadata of the Bot Framework token issuer (tests point this at a local server).</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// The OpenID metadata for Entra-issued tokens; when empty, built from <see cref="TenantId"/> as
    /// <c>https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration</c>.
    /// </summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>
    /// App ids allowed to call the bot with Entra-issued tokens (claim <c>appid</c> or <c>azp</c>); <c>*</c>
    /// allows any app of <see cref="TenantId"/>. Empty (the default): Entra-issued tokens are refused.
    /// </summary>
    public IList<string> AllowedCallers { get; } = [];

    /// <summary>The largest request body accepted on the messages endpoint; larger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The managed identity client id in effect: <see cref="ManagedIdentityClientId"/> or <see cref="AppId"/>.</summary>
    /// <returns>The client id, or null when neither is set.</returns>
    public string? GetManagedIdentityClientId() =>
        string.IsNullOrWhiteSpace(ManagedIdentityClientId) ? NullIfBlank(AppId) : ManagedIdentityClientId;

    /// <summary>The Entra metadata URL in effect: <see cref="EntraOpenIdMetadataUrl"/> or the default for <see cref="TenantId"/>.</summary>
    /// <returns>The URL, or null when there is no tenant.</returns>
    public string? GetEntraOpenIdMetadataUrl()
    {
        if (!string.IsNullOrWhiteSpace(EntraOpenIdMetadataUrl))
        {
            return EntraOpenIdMetadataUrl;
        }

        return string.IsNullOrWhiteSpace(TenantId)
            ? null
            : $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId.Trim())}/v2.0/.well-known/openid-configuration";
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
