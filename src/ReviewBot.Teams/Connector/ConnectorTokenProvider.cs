using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace ReviewBot.Teams;

/// <summary>Supplies bearer tokens for calls to the Bot Framework connector.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A token for scope <c>https://api.botframework.com/.default</c>, or null when the bot has no app id
    /// (local development: requests go out without an Authorization header).</summary>
    /// <param name="ct">Cancels the token request.</param>
    /// <returns>The access token, or null.</returns>
    Task<string?> GetTokenAsync(CancellationToken ct);

    /// <summary>Drops <paramref name="token"/> from the cache if it is the cached one (the connector refused it).</summary>
    /// <param name="token">The token the connector answered 401 to.</param>
    void Evict(string token)
    {
    }
}

/// <summary>
/// Gets connector tokens with Azure.Identity (client secret, certificate or user-assigned managed identity, per
/// <see cref="BotOptions.AppType"/>) and caches each until <see cref="RefreshMargin"/> before it expires.
/// </summary>
public sealed class ConnectorTokenProvider : IConnectorTokenProvider, IDisposable
{
    /// <summary>The scope of connector tokens.</summary>
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>The tenant multi-tenant bots get tokens from.</summary>
    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>How long before expiry a cached token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential? _credential;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _cached;

    /// <summary>Creates a provider over a credential.</summary>
    /// <param name="credential">The credential, or null for no tokens (no app id).</param>
    /// <param name="time">The clock used for the cache.</param>
    public ConnectorTokenProvider(TokenCredential? credential, TimeProvider time)
    {
        _credential = credential;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Builds the credential the options describe: MultiTenant → client secret or certificate against
    /// <c>botframework.com</c>; SingleTenant → the same against <see cref="BotOptions.TenantId"/>;
    /// UserAssignedMSI → a managed identity with <see cref="BotOptions.GetManagedIdentityClientId"/>.
    /// </summary>
    /// <param name="options">Validated bot options.</param>
    /// <returns>The credential, or null when there is no app id.</returns>
    public static TokenCredential? CreateCredential(BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            return null;
        }

        var appId = options.AppId.Trim();
        if (options.AppType == BotAppType.UserAssignedMSI)
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.GetManagedIdentityClientId()!));
        }

        var tenant = options.AppType == BotAppType.SingleTenant
            ? options.TenantId?.Trim() ?? throw new InvalidOperationException("Bot:TenantId is required for SingleTenant.")
            : BotFrameworkTenant;

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (string.IsNullOrEmpty(options.CertificatePassword))
            {
                return new ClientCertificateCredential(tenant, appId, options.CertificatePath);
            }

            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return new ClientCertificateCredential(tenant, appId, certificate);
        }

        if (string.IsNullOrWhiteSpace(options.AppPassword))
        {
            throw new InvalidOperationException("Bot:AppPassword or Bot:CertificatePath is required.");
        }

        return new ClientSecretCredential(tenant, appId, options.AppPassword);
    }

    /// <inheritdoc />
    public async Task<string?> GetTokenAsync(CancellationToken ct)
    {
        if (_credential is null)
        {
            return null;
        }

        if (TryGetCached() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (TryGetCached() is { } again)
            {
                return again;
            }

            var token = await _credential.GetTokenAsync(new TokenRequestContext([Scope]), ct);
            Volatile.Write(ref _cached, new CachedToken(token));
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Evict(string token)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && string.Equals(cached.Value.Token, token, StringComparison.Ordinal))
        {
            // Only the refused token: a newer one fetched meanwhile by another call stays.
            Interlocked.CompareExchange(ref _cached, null, cached);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private string? TryGetCached()
    {
        if (Volatile.Read(ref _cached) is not { Value: var token })
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var refreshAt = token.ExpiresOn - RefreshMargin;
        if (token.RefreshOn is { } refreshOn && refreshOn < refreshAt)
        {
            refreshAt = refreshOn;
        }

        return now < refreshAt ? token.Token : null;
    }

    private sealed record CachedToken(AccessToken Value);
}
