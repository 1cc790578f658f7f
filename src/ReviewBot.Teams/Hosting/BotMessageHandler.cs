using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewBot.Teams;

/// <summary>The messages endpoint: limits, parsing, authentication, the turn and its HTTP response.</summary>
internal static partial class BotMessageHandler
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotMessageHandler));
        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;
        var ct = context.RequestAborted;
        Activity? activity = null;
        try
        {
            if (!IsJsonContentType(context.Request.ContentType))
            {
                // Only JSON: a web page cannot post a "simple" (text/plain or form) request to a local bot.
                LogRejected(logger, StatusCodes.Status415UnsupportedMediaType, "content type is not application/json");
                await WritePlainAsync(context, StatusCodes.Status415UnsupportedMediaType, "The body must be application/json.");
                return;
            }

            var limit = options.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                LogRejected(logger, StatusCodes.Status413PayloadTooLarge, "request body too large");
                await WritePlainAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large.");
                return;
            }

            var body = await ReadBodyAsync(context.Request.Body, limit, ct);
            if (body is null)
            {
                LogRejected(logger, StatusCodes.Status413PayloadTooLarge, "request body too large");
                await WritePlainAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large.");
                return;
            }

            var problem = TryParseActivity(body, out activity);
            if (problem is not null)
            {
                LogRejected(logger, StatusCodes.Status400BadRequest, problem);
                await WritePlainAsync(context, StatusCodes.Status400BadRequest, problem);
                return;
            }

            var authenticator = services.GetRequiredService<IBotAuthenticator>();
            var authorization = context.Request.Headers.Authorization.ToString();
            var auth = await authenticator.AuthenticateAsync(authorization.Length == 0 ? null : authorization, activity!, ct);
            if (!auth.Succeeded)
            {
                var status = auth.IsTransientFailure ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status401Unauthorized;
                LogUnauthenticated(logger, status, auth.FailureReason, Short(activity!.Type), Short(activity.Id), Short(activity.ChannelId));
                if (status == StatusCodes.Status401Unauthorized)
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                }

                await WritePlainAsync(context, status, status == StatusCodes.Status401Unauthorized ? "Unauthorized." : "Authentication is temporarily unavailable.");
                return;
            }

            if (!ServedChannels.IsServed(activity!))
            {
                LogChannelRefused(logger, Short(activity!.ChannelId), Short(activity.Type), Short(activity.Id));
                await WritePlainAsync(context, StatusCodes.Status403Forbidden, ServedChannels.RefusalText);
                return;
            }

            if (string.Equals(activity!.ChannelId, ServedChannels.Outlook, StringComparison.Ordinal))
            {
                LogOutlookSender(logger, ServedChannels.ShapeOf(activity.From), Short(activity.Id));
                if (string.IsNullOrWhiteSpace(activity.From?.AadObjectId))
                {
                    // Roles are held by Entra object id: without one nobody can be authorised, so no turn runs.
                    LogRejected(logger, StatusCodes.Status401Unauthorized, "outlook invoke without from.aadObjectId");
                    await WriteInvokeAsync(context, ServedChannels.NoObjectIdRefusal, ct);
                    return;
                }
            }

            if (AdaptiveCardInvokeCheck.Problem(activity) is { } invokeProblem)
            {
                LogRejected(logger, StatusCodes.Status400BadRequest, "malformed adaptiveCard/action: " + invokeProblem);
                await WriteInvokeAsync(context, AdaptiveCardInvokeCheck.BadRequest(invokeProblem), ct);
                return;
            }

            var turn = new TurnContext(activity, auth.Identity, services.GetRequiredService<IConnectorClient>());
            var bot = services.GetRequiredService<IBot>();
            LogTurn(logger, Short(activity!.Type), Short(activity.Id), Short(activity.Name), HashConversation(activity.Conversation?.Id), auth.IsAnonymous);
            using (IsInvoke(activity) ? ConnectorRetryBudget.Begin(services.GetRequiredService<IOptions<ConnectorClientOptions>>().Value.InvokeRetryTime) : null)
            {
                await bot.OnTurnAsync(turn, ct);
            }

            await WriteTurnResponseAsync(context, turn, logger, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogClientGone(logger, Short(activity?.Type), Short(activity?.Id));
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits or a broken request body stream.
            LogRejected(logger, ex.StatusCode, "unreadable request body");
            if (!context.Response.HasStarted)
            {
                await WritePlainAsync(context, ex.StatusCode, "Bad request.");
            }
        }
#pragma warning disable CA1031 // The endpoint must answer 500 (and log ids only) whatever the bot throws.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTurnFailed(logger, ex, Short(activity?.Type), Short(activity?.Id), HashConversation(activity?.Conversation?.Id));
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    private static async Task WriteTurnResponseAsync(HttpContext context, TurnContext turn, ILogger logger, CancellationToken ct)
    {
        if (string.Equals(turn.Activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal))
        {
            var invoke = turn.InvokeResponse;
            if (invoke is null)
            {
                // Like the SDK: an invoke nobody answered is "not implemented".
                LogInvokeUnanswered(logger, Short(turn.Activity.Name), Short(turn.Activity.Id));
                context.Response.StatusCode = StatusCodes.Status501NotImplemented;
                return;
            }

            await WriteInvokeAsync(context, invoke, ct);
            return;
        }

        if (turn.IsBufferingReplies)
        {
            var replies = new ExpectedReplies { Activities = [.. turn.BufferedReplies] };
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = JsonContentType;
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(replies, TeamsJson.Options), ct);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static async Task WriteInvokeAsync(HttpContext context, InvokeResponse invoke, CancellationToken ct)
    {
        context.Response.StatusCode = invoke.Status;
        if (invoke.Body is not null)
        {
            context.Response.ContentType = JsonContentType;
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(invoke.Body, TeamsJson.Options), ct);
        }
    }

    private static bool IsInvoke(Activity activity) => string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal);

    /// <summary>True for <c>application/json</c>, with or without parameters such as <c>charset</c>.</summary>
    internal static bool IsJsonContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses and checks the activity; returns a short message for a 400, or null.</summary>
    internal static string? TryParseActivity(ReadOnlyMemory<byte> body, out Activity? activity)
    {
        activity = null;
        try
        {
            // Duplicate keys are refused: two readers of one body must never see two different activities.
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "The body must be a JSON object.";
            }

            try
            {
                activity = document.RootElement.Deserialize<Activity>(TeamsJson.Options);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                return "The activity does not match the activity schema.";
            }
        }
        catch (JsonException)
        {
            return "Malformed JSON.";
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            activity = null;
            return "The activity has no type.";
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "The activity has no serviceUrl.";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity has no channelId.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation id.";
        }

        if (string.IsNullOrWhiteSpace(activity.Recipient?.Id))
        {
            // Replies come from, and stored addresses name, the bot by this id.
            return "The activity has no recipient id.";
        }

        return null;
    }

    /// <summary>Reads the body, or returns null as soon as it exceeds <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static async Task WritePlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }

    /// <summary>Ids come from the caller: keep what is logged short.</summary>
    private static string? Short(string? value) => value is { Length: > 100 } ? value[..100] : value;

    /// <summary>A short hash of the conversation id, to correlate log lines without logging the id.</summary>
    internal static string? HashConversation(string? conversationId)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(conversationId), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Bot request rejected with {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Bot request not authenticated ({StatusCode}): {Reason}; activity {ActivityType} {ActivityId} on {ChannelId}")]
    private static partial void LogUnauthenticated(ILogger logger, int statusCode, string? reason, string? activityType, string? activityId, string? channelId);

    // Debug: one Information line per turn was the console logger's whole thread and its lock under load; the
    // request itself is already traced (OpenTelemetry), and failures are logged at Error below.
    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Turn {ActivityType} {ActivityId} {InvokeName} in conversation {ConversationHash} (anonymous: {Anonymous})")]
    private static partial void LogTurn(ILogger logger, string? activityType, string? activityId, string? invokeName, string? conversationHash, bool anonymous);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Caller went away during {ActivityType} {ActivityId}")]
    private static partial void LogClientGone(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Turn {ActivityType} {ActivityId} in conversation {ConversationHash} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityType, string? activityId, string? conversationHash);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Activity {ActivityType} {ActivityId} on channel {ChannelId} refused with 403: ReviewBot serves Teams (and Outlook card actions) only")]
    private static partial void LogChannelRefused(ILogger logger, string? channelId, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Outlook invoke {ActivityId}: from carries the fields {FromFields}")]
    private static partial void LogOutlookSender(ILogger logger, string fromFields, string? activityId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Invoke {InvokeName} {ActivityId} got no invoke response; answering 501")]
    private static partial void LogInvokeUnanswered(ILogger logger, string? invokeName, string? activityId);
}
