using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewBot.Teams;

/// <summary>The Bot Framework connector over a typed <see cref="HttpClient"/>. See <see cref="IConnectorClient"/>.</summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly IConnectorTokenProvider _tokens;
    private readonly TimeProvider _time;
    private readonly ConnectorClientOptions _options;
    private readonly ILogger<ConnectorClient> _logger;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client (no base address needed: every call names its service URL).</param>
    /// <param name="tokens">Supplies bearer tokens; null tokens mean no Authorization header.</param>
    /// <param name="time">The clock for retry delays.</param>
    /// <param name="options">Retry settings.</param>
    /// <param name="logger">The logger.</param>
    public ConnectorClient(
        HttpClient http,
        IConnectorTokenProvider tokens,
        TimeProvider time,
        IOptions<ConnectorClientOptions> options,
        ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _tokens = tokens;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> ReplyToActivityAsync(Activity original, Activity reply, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentException.ThrowIfNullOrEmpty(original.Id, "original.Id");
        var conversationId = original.Conversation?.Id;
        ArgumentException.ThrowIfNullOrEmpty(conversationId, "original.Conversation.Id");

        reply.Type ??= ActivityTypes.Message;
        reply.ServiceUrl ??= original.ServiceUrl;
        reply.ChannelId ??= original.ChannelId;
        reply.Conversation ??= new ConversationAccount(conversationId)
        {
            ConversationType = original.Conversation!.ConversationType,
            TenantId = original.Conversation.TenantId,
            IsGroup = original.Conversation.IsGroup,
        };
        reply.From ??= original.Recipient is null ? null : new ChannelAccount(original.Recipient.Id, original.Recipient.Name);
        reply.Recipient ??= original.From is null ? null : new ChannelAccount(original.From.Id, original.From.Name);
        reply.ReplyToId ??= original.Id;

        var uri = BuildUri(original.ServiceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(original.Id)}");
        return await SendAsync<ResourceResponse>(HttpMethod.Post, uri, reply, "ReplyToActivity", ct) ?? new ResourceResponse();
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> SendToConversationAsync(ConversationReference reference, Activity activity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        ApplyReference(reference, activity);
        var uri = BuildUri(reference.ServiceUrl, $"v3/conversations/{Escape(reference.ConversationId)}/activities");
        return await SendAsync<ResourceResponse>(HttpMethod.Post, uri, activity, "SendToConversation", ct) ?? new ResourceResponse();
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> UpdateActivityAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        ApplyReference(reference, activity);
        activity.Id ??= activityId;
        var uri = BuildUri(reference.ServiceUrl, $"v3/conversations/{Escape(reference.ConversationId)}/activities/{Escape(activityId)}");
        return await SendAsync<ResourceResponse>(HttpMethod.Put, uri, activity, "UpdateActivity", ct) ?? new ResourceResponse(activityId);
    }

    /// <inheritdoc />
    public async Task DeleteActivityAsync(ConversationReference reference, string activityId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var uri = BuildUri(reference.ServiceUrl, $"v3/conversations/{Escape(reference.ConversationId)}/activities/{Escape(activityId)}");
        await SendAsync<JsonElement?>(HttpMethod.Delete, uri, null, "DeleteActivity", ct);
    }

    /// <inheritdoc />
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = BuildUri(serviceUrl, "v3/conversations");
        return await SendAsync<ConversationResourceResponse>(HttpMethod.Post, uri, parameters, "CreateConversation", ct)
               ?? throw new ConnectorException("Connector CreateConversation returned no conversation.");
    }

    /// <inheritdoc />
    public Task<ConversationResourceResponse> CreatePersonalConversationAsync(
        string serviceUrl, string tenantId, string botId, string userId, CancellationToken ct = default) =>
        CreateConversationAsync(serviceUrl, ConversationParameters.ForPersonalConversation(tenantId, botId, userId), ct);

    /// <inheritdoc />
    public Task<ConversationResourceResponse> CreateChannelThreadAsync(
        string serviceUrl, string tenantId, string teamsChannelId, Activity activity, CancellationToken ct = default) =>
        CreateConversationAsync(serviceUrl, ConversationParameters.ForChannelThread(tenantId, teamsChannelId, activity), ct);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(ConversationReference reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var uri = BuildUri(reference.ServiceUrl, $"v3/conversations/{Escape(reference.ConversationId)}/members");
        var members = await SendAsync<List<ChannelAccount>>(HttpMethod.Get, uri, null, "GetConversationMembers", ct);
        return members ?? [];
    }

    /// <summary>
    /// Joins a service URL and a relative path. The URL must be absolute, without credentials, query or fragment,
    /// and on an allowed host (<see cref="ServiceHosts.IsAllowed"/>): the bot's token goes nowhere else.
    /// </summary>
    internal Uri BuildUri(string? serviceUrl, string relativePath)
    {
        Uri? baseUri = null;
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl.Trim(), UriKind.Absolute, out baseUri)
            || !string.IsNullOrEmpty(baseUri.UserInfo) || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment)
            || !ServiceHosts.IsAllowed(baseUri, _options))
        {
            LogUntrustedServiceUrl(_logger, baseUri?.Scheme, baseUri?.IdnHost is { Length: > 100 } h ? h[..100] : baseUri?.IdnHost);
            throw new UntrustedServiceUrlException();
        }

        var text = baseUri.GetLeftPart(UriPartial.Path);
        if (!text.EndsWith('/'))
        {
            text += "/";
        }

        return new Uri(new Uri(text, UriKind.Absolute), relativePath);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static void ApplyReference(ConversationReference reference, Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.ServiceUrl ??= reference.ServiceUrl;
        activity.ChannelId ??= reference.ChannelId;
        activity.Conversation ??= new ConversationAccount(reference.ConversationId)
        {
            ConversationType = reference.ConversationType,
            TenantId = reference.TenantId,
        };
        if (activity.From is null && reference.BotId is not null)
        {
            activity.From = new ChannelAccount(reference.BotId, reference.BotName);
        }
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, Uri uri, object? body, string operation, CancellationToken ct)
    {
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), TeamsJson.Options);
        // A POST that reached the service may have posted its message: it is repeated only when the service
        // provably did not act on it (429, 401, or no connection at all). PUT, GET and DELETE are idempotent.
        var idempotent = method != HttpMethod.Post;
        var retryBudget = ConnectorRetryBudget.Limit is { } limit && limit < _options.MaxRetryTime ? limit : _options.MaxRetryTime;
        var started = _time.GetTimestamp();
        var waited = TimeSpan.Zero;
        var tokenRefreshed = false;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (payload is not null)
            {
                request.Content = new ByteArrayContent(payload);
                request.Content.Headers.ContentType = JsonContentType;
            }

            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var token = await _tokens.GetTokenAsync(ct);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            }
            catch (HttpRequestException ex) when (attempt < _options.MaxRetries && (idempotent || NeverReached(ex)))
            {
                var delay = Backoff(attempt);
                if (!FitsBudget(delay, retryBudget, started, waited))
                {
                    throw;
                }

                LogRetry(_logger, operation, 0, attempt + 1, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, ct);
                waited += delay;
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    LogSuccess(_logger, operation, (int)response.StatusCode, attempt);
                    return await ReadBodyAsync<T>(response, ct);
                }

                var (code, message) = await ReadErrorAsync(response, ct);
                var status = response.StatusCode;
                if (status == HttpStatusCode.Forbidden && string.Equals(code, BotNotInConversationRosterException.Code, StringComparison.OrdinalIgnoreCase))
                {
                    LogNotInRoster(_logger, operation);
                    throw new BotNotInConversationRosterException(operation, message);
                }

                if (status == HttpStatusCode.Unauthorized && token is not null && !tokenRefreshed)
                {
                    // The cached token may have been revoked or rotated early: one fresh token, one more try.
                    tokenRefreshed = true;
                    _tokens.Evict(token);
                    LogTokenEvicted(_logger, operation);
                    continue;
                }

                if (IsRetryable(status, idempotent) && attempt < _options.MaxRetries)
                {
                    var delay = RetryAfter(response) ?? Backoff(attempt);
                    if (delay <= _options.MaxRetryDelay && FitsBudget(delay, retryBudget, started, waited))
                    {
                        LogRetry(_logger, operation, (int)status, attempt + 1, delay.TotalMilliseconds);
                        await Task.Delay(delay, _time, ct);
                        waited += delay;
                        continue;
                    }
                }

                LogFailure(_logger, operation, (int)status, code);
                throw new ConnectorException(operation, status, code, message);
            }
        }
    }

    /// <summary>True when the request cannot have reached the service (no connection was made).</summary>
    private static bool NeverReached(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    /// <summary>429 for every method (the service refused the work); 5xx only for idempotent methods.</summary>
    private static bool IsRetryable(HttpStatusCode status, bool idempotent) =>
        status == HttpStatusCode.TooManyRequests
        || (idempotent && status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout);

    /// <summary>Whether waiting <paramref name="delay"/> more stays within the call's retry budget.</summary>
    private bool FitsBudget(TimeSpan delay, TimeSpan budget, long started, TimeSpan waited)
    {
        // The clock may be virtual (tests): count the waits asked for as well as the time that passed.
        var elapsed = _time.GetElapsedTime(started);
        var spent = elapsed > waited ? elapsed : waited;
        return spent + delay <= budget;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, attempt);
#pragma warning disable CA5394 // Jitter for retry spreading, not security.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        var delay = TimeSpan.FromMilliseconds(exponential * jitter);
        return delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    private static async Task<T?> ReadBodyAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, TeamsJson.Options);
        }
        catch (JsonException)
        {
            return default; // a success without a usable body (some connectors answer "OK" or HTML)
        }
    }

    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            if (bytes.Length == 0)
            {
                return (null, null);
            }

            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                return (ReadString(error, "code"), ReadString(error, "message"));
            }
        }
        catch (JsonException)
        {
        }

        return (null, null);
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Connector {Operation} answered {StatusCode} after {Retries} retries")]
    private static partial void LogSuccess(ILogger logger, string operation, int statusCode, int retries);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Connector {Operation} answered {StatusCode}; retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string operation, int statusCode, int attempt, double delayMs);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Connector {Operation} failed with {StatusCode} ({ErrorCode})")]
    private static partial void LogFailure(ILogger logger, string operation, int statusCode, string? errorCode);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Connector {Operation} answered 401; the cached token was dropped and the call tried once more")]
    private static partial void LogTokenEvicted(ILogger logger, string operation);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Connector call refused before sending: service URL {Scheme}://{Host} is not a Bot Framework host or an allowed one")]
    private static partial void LogUntrustedServiceUrl(ILogger logger, string? scheme, string? host);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Connector {Operation}: the bot is not in the conversation roster (app removed); not retried")]
    private static partial void LogNotInRoster(ILogger logger, string operation);
}
