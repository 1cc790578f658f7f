using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ReviewBot.Teams;

/// <summary>A signing key from a JWKS document and the channels it is endorsed for.</summary>
internal sealed record SigningKey(JsonWebKey Key, IReadOnlySet<string> Endorsements);

/// <summary>The outcome of looking up a key id.</summary>
internal enum SigningKeyLookupStatus
{
    Found,
    NotFound,
    Unavailable,
}

/// <summary>
/// The signing keys published behind one OpenID metadata URL (metadata → <c>jwks_uri</c> → keys with their
/// <c>endorsements</c>). Keys are cached for <see cref="RefreshInterval"/>; an unknown key id triggers a refetch,
/// at most once per <see cref="MinimumRefetchInterval"/>, so a rotated-in key is picked up without letting
/// callers hammer the metadata endpoint with made-up key ids.
/// </summary>
internal sealed partial class SigningKeySource : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinimumRefetchInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MinimumRetryWithoutKeys = TimeSpan.FromSeconds(5);

    private readonly Uri _metadataUrl;
    private readonly Func<HttpClient> _httpClient;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KeySnapshot? _snapshot;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    public SigningKeySource(string metadataUrl, Func<HttpClient> httpClient, TimeProvider time, ILogger logger)
    {
        _metadataUrl = new Uri(metadataUrl, UriKind.Absolute);
        _httpClient = httpClient;
        _time = time;
        _logger = logger;
    }

    public async Task<(SigningKeyLookupStatus Status, SigningKey? Key)> FindAsync(string keyId, CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is null || _time.GetUtcNow() - snapshot.FetchedAt >= RefreshInterval)
        {
            snapshot = await RefreshAsync(snapshot, ct);
        }

        if (snapshot is null)
        {
            return (SigningKeyLookupStatus.Unavailable, null);
        }

        if (snapshot.Keys.TryGetValue(keyId, out var key))
        {
            return (SigningKeyLookupStatus.Found, key);
        }

        // Unknown key id: the keys may have rotated since the last fetch.
        snapshot = await RefreshAsync(snapshot, ct);
        return snapshot is not null && snapshot.Keys.TryGetValue(keyId, out key)
            ? (SigningKeyLookupStatus.Found, key)
            : (SigningKeyLookupStatus.NotFound, null);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<KeySnapshot?> RefreshAsync(KeySnapshot? seen, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = _snapshot;
            if (!ReferenceEquals(current, seen))
            {
                return current; // refreshed by another request while this one waited
            }

            var now = _time.GetUtcNow();
            var minimum = current is null ? MinimumRetryWithoutKeys : MinimumRefetchInterval;
            if (now - _lastAttempt < minimum)
            {
                return current;
            }

            _lastAttempt = now;
            try
            {
                var fresh = await FetchAsync(now, ct);
                _snapshot = fresh;
                LogKeysFetched(_logger, _metadataUrl.Host, fresh.Keys.Count);
                return fresh;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidDataException
                                       || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                LogKeyFetchFailed(_logger, ex, _metadataUrl.Host, current is not null);
                return current;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<KeySnapshot> FetchAsync(DateTimeOffset now, CancellationToken ct)
    {
        var http = _httpClient();
        using var metadata = await GetJsonAsync(http, _metadataUrl, ct);
        if (metadata.RootElement.ValueKind != JsonValueKind.Object
            || !metadata.RootElement.TryGetProperty("jwks_uri", out var jwksElement)
            || jwksElement.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(jwksElement.GetString(), UriKind.Absolute, out var jwksUri))
        {
            throw new InvalidDataException("The OpenID metadata has no absolute jwks_uri.");
        }

        var secure = jwksUri.Scheme == Uri.UriSchemeHttps
                     || (jwksUri.Scheme == Uri.UriSchemeHttp && Loopback.IsLoopbackHost(jwksUri) && Loopback.IsLoopbackHost(_metadataUrl));
        if (!secure)
        {
            throw new InvalidDataException("The OpenID metadata's jwks_uri is not https.");
        }

        using var jwks = await GetJsonAsync(http, jwksUri, ct);
        if (jwks.RootElement.ValueKind != JsonValueKind.Object
            || !jwks.RootElement.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The JWKS document has no keys array.");
        }

        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var element in keys.EnumerateArray())
        {
            if (TryReadKey(element, out var keyId, out var key) && !result.ContainsKey(keyId))
            {
                result.Add(keyId, key);
            }
        }

        return new KeySnapshot(now, result);
    }

    private static bool TryReadKey(JsonElement element, out string keyId, out SigningKey key)
    {
        keyId = string.Empty;
        key = null!;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(kid.GetString())
            || !element.TryGetProperty("kty", out var kty) || kty.GetString() != "RSA")
        {
            return false;
        }

        if (element.TryGetProperty("use", out var use) && use.ValueKind == JsonValueKind.String && use.GetString() != "sig")
        {
            return false;
        }

        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        if (element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } channel)
                {
                    endorsements.Add(channel);
                }
            }
        }

        JsonWebKey jwk;
        try
        {
            jwk = new JsonWebKey(element.GetRawText());
        }
        catch (ArgumentException)
        {
            return false;
        }

        keyId = kid.GetString()!;
        key = new SigningKey(jwk, endorsements);
        return true;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, Uri uri, CancellationToken ct)
    {
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await JsonDocument.ParseAsync(stream, default, ct);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Fetched {KeyCount} signing keys from {MetadataHost}")]
    private static partial void LogKeysFetched(ILogger logger, string metadataHost, int keyCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Could not fetch signing keys from {MetadataHost}; keeping previous keys: {HasPreviousKeys}")]
    private static partial void LogKeyFetchFailed(ILogger logger, Exception exception, string metadataHost, bool hasPreviousKeys);

    private sealed record KeySnapshot(DateTimeOffset FetchedAt, IReadOnlyDictionary<string, SigningKey> Keys);
}
