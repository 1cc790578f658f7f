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
    /// No longer supported: Entra-issued tokens are always refused (an Entra caller could pick the
    /// <c>serviceUrl</c>, sender and tenant of its activities). Kept only so that a deployment still setting
    /// <c>Bot:AllowedCallers</c> stops at start-up with a message instead of silently refusing its callers.
    /// </summary>
    public IList<string> AllowedCallers { get; } = [];

    /// <summary>The largest request body accepted on the messages endpoint; larger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The managed identity client id in effect: <see cref="ManagedIdentityClientId"/> or <see cref="AppId"/>.</summary>
    /// <returns>The client id, or null when neither is set.</returns>
    public string? GetManagedIdentityClientId() =>
        string.IsNullOrWhiteSpace(ManagedIdentityClientId) ? NullIfBlank(AppId) : ManagedIdentityClientId;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
