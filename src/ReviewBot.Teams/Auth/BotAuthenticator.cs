using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReviewBot.Teams;

/// <summary>
/// Validates inbound requests as the Bot Framework SDK does: RS256 tokens from the Bot Framework
/// (issuer <c>https://api.botframework.com</c>, audience = the app id, 5 minutes' clock skew, a signing key
/// endorsed for the activity's channel, claim <c>serviceurl</c> equal to the activity's). Entra-issued tokens are
/// refused: such a caller would choose <c>serviceUrl</c>, channel, sender and tenant itself, and replies would
/// carry the bot's connector token to that URL. Without an app id, only Development and loopback service URLs.
/// </summary>
public sealed class BotAuthenticator : IBotAuthenticator, IDisposable
{
    /// <summary>The issuer of Bot Framework channel tokens.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The name of the <see cref="HttpClient"/> used to fetch OpenID metadata and keys.</summary>
    public const string HttpClientName = "ReviewBot.Teams.OpenIdMetadata";

    /// <summary>The only accepted signing algorithm.</summary>
    public const string AllowedAlgorithm = SecurityAlgorithms.RsaSha256;

    /// <summary>The clock skew allowed on <c>exp</c> and <c>nbf</c>.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const int MaxValidatedTokens = 1_000;

    private readonly BotOptions _options;
    private readonly IHostEnvironment _environment;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<BotAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, SigningKeySource> _keySources = new(StringComparer.Ordinal);

    // Tokens already validated, by their exact text: the Bot Framework signs one token per hour and sends it with
    // every activity, so checking its RSA signature again on each turn was a tenth of a turn's CPU. Only valid
    // tokens enter; each is still checked against the clock and the current key set, and per activity below.
    private readonly ConcurrentDictionary<string, ValidatedToken> _validated = new(StringComparer.Ordinal);

    /// <summary>Creates the authenticator.</summary>
    /// <param name="options">The bot options.</param>
    /// <param name="environment">The host environment.</param>
    /// <param name="httpClientFactory">Creates the client (<see cref="HttpClientName"/>) that fetches keys.</param>
    /// <param name="time">The clock for token lifetimes and key caching.</param>
    /// <param name="logger">The logger.</param>
    public BotAuthenticator(
        IOptions<BotOptions> options,
        IHostEnvironment environment,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<BotAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _environment = environment;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(_options.AppId))
        {
            return AuthenticateWithoutAppId(activity);
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return BotAuthenticationResult.Failure("missing Authorization header");
        }

        var parts = authorizationHeader.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Failure("Authorization header is not a bearer token");
        }

        var token = parts[1];
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return BotAuthenticationResult.Failure("malformed token");
        }

        if (jwt.IsEncrypted)
        {
            return BotAuthenticationResult.Failure("encrypted tokens are not accepted");
        }

        if (!string.Equals(jwt.Alg, AllowedAlgorithm, StringComparison.Ordinal))
        {
            return BotAuthenticationResult.Failure("token algorithm not allowed");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return BotAuthenticationResult.Failure("token has no key id");
        }

        string issuer;
        try
        {
            issuer = jwt.Issuer;
        }
        catch (ArgumentException)
        {
            return BotAuthenticationResult.Failure("malformed token");
        }

        if (string.Equals(issuer, BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return await ValidateBotFrameworkTokenAsync(token, jwt.Kid, activity, ct);
        }

        return BotAuthenticationResult.Failure("token issuer not trusted");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var source in _keySources.Values)
        {
            source.Dispose();
        }
    }

    private BotAuthenticationResult AuthenticateWithoutAppId(Activity activity)
    {
        if (!_environment.IsDevelopment())
        {
            return BotAuthenticationResult.Failure("no app id configured outside Development");
        }

        if (!Loopback.IsLoopbackHttpUrl(activity.ServiceUrl))
        {
            return BotAuthenticationResult.Failure("no app id configured and the serviceUrl is not loopback");
        }

        return BotAuthenticationResult.Success(new ClaimsIdentity());
    }

    private async Task<BotAuthenticationResult> ValidateBotFrameworkTokenAsync(
        string token, string keyId, Activity activity, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return BotAuthenticationResult.Failure("activity has no channelId");
        }

        var (failure, key, identity) = await ValidateSignedTokenAsync(token, keyId, BotFrameworkIssuer, _options.OpenIdMetadataUrl, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (!key!.Endorsements.Contains(activity.ChannelId))
        {
            return BotAuthenticationResult.Failure("signing key not endorsed for the channel");
        }

        var serviceUrl = identity!.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return BotAuthenticationResult.Failure("serviceurl claim missing");
        }

        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Failure("serviceurl claim does not match the activity");
        }

        return BotAuthenticationResult.Success(identity);
    }

    private async Task<(BotAuthenticationResult? Failure, SigningKey? Key, ClaimsIdentity? Identity)> ValidateSignedTokenAsync(
        string token, string keyId, string issuer, string metadataUrl, CancellationToken ct)
    {
        var source = _keySources.GetOrAdd(metadataUrl, url => new SigningKeySource(
            url, () => _httpClientFactory.CreateClient(HttpClientName), _time, _logger));
        var (status, key) = await source.FindAsync(keyId, ct);
        switch (status)
        {
            case SigningKeyLookupStatus.Unavailable:
                return (BotAuthenticationResult.Failure("signing keys unavailable", isTransient: true), null, null);
            case SigningKeyLookupStatus.NotFound:
                return (BotAuthenticationResult.Failure("signing key not found"), null, null);
        }

        if (_validated.TryGetValue(token, out var known) && ReferenceEquals(known.Key, key) && IsWithinLifetime(known))
        {
            return (null, key, known.Identity);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateIssuer = true,
            ValidAudience = _options.AppId,
            ValidateAudience = true,
            RequireAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            LifetimeValidator = ValidateLifetime,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            ValidAlgorithms = [AllowedAlgorithm],
            IssuerSigningKey = key!.Key,
            TryAllIssuerSigningKeys = false,
            ValidateIssuerSigningKey = true,
            ValidateTokenReplay = false,
            AuthenticationType = "Bearer",
        };

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return (BotAuthenticationResult.Failure(DescribeFailure(result.Exception)), null, null);
        }

        Remember(token, key!, result);
        return (null, key, result.ClaimsIdentity);
    }

    private void Remember(string token, SigningKey key, TokenValidationResult result)
    {
        if (result.SecurityToken is not JsonWebToken jwt)
        {
            return;
        }

        if (_validated.Count >= MaxValidatedTokens)
        {
            _validated.Clear(); // never reached by the Bot Framework's one token an hour; bounds memory whatever comes
        }

        _validated[token] = new ValidatedToken(key, result.ClaimsIdentity, jwt.ValidFrom, jwt.ValidTo);
    }

    // The same rule as ValidateLifetime (nbf and exp with the clock skew), for a token validated before.
    private bool IsWithinLifetime(ValidatedToken known)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return (known.ValidFrom == DateTime.MinValue || known.ValidFrom - ClockSkew <= now) && known.ValidTo + ClockSkew >= now;
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (notBefore is { } nbf && nbf > expires.Value)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.");
        }

        if (notBefore is { } start && start - ClockSkew > now)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = start };
        }

        if (expires.Value + ClockSkew < now)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    private static string DescribeFailure(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenInvalidLifetimeException => "token lifetime invalid",
        SecurityTokenInvalidAudienceException => "audience mismatch",
        SecurityTokenInvalidIssuerException => "issuer mismatch",
        SecurityTokenSignatureKeyNotFoundException => "signing key not found",
        SecurityTokenInvalidSignatureException => "signature invalid",
        SecurityTokenInvalidAlgorithmException => "token algorithm not allowed",
        SecurityTokenMalformedException => "malformed token",
        _ => "token invalid",
    };
}

/// <summary>A token that passed validation: the key that signed it, its claims, and its lifetime (UTC).</summary>
internal sealed record ValidatedToken(SigningKey Key, ClaimsIdentity Identity, DateTime ValidFrom, DateTime ValidTo);
