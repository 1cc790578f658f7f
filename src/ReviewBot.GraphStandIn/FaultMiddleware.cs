namespace ReviewBot.GraphStandIn;

/// <summary>
/// Runs before every <c>/v1.0</c> call: records it, applies injected delays, refuses a missing token as Graph
/// does (401 InvalidAuthenticationToken: the SDK silently drops it for hosts it does not allow), then
/// answers an injected error (429 and 503 with Retry-After, https://learn.microsoft.com/graph/throttling).
/// </summary>
public sealed class FaultMiddleware(RequestDelegate next, StandInState state)
{
    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments("/v1.0", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        int delay;
        Fault? error;
        lock (state.Gate)
        {
            state.Requests.Add(new RecordedRequest(context.Request.Method, Uri.UnescapeDataString(context.Request.Path + context.Request.QueryString), DateTimeOffset.UtcNow));
            delay = state.Faults.Where(f => f.DelayMs is not null && f.Matches(context.Request)).Select(f => f.DelayMs!.Value).DefaultIfEmpty(0).Max();
            error = state.Faults.FirstOrDefault(f => f.Status is not null && f.Times is null or > 0 && f.Matches(context.Request));
            if (error?.Times is not null)
            {
                error.Times--;
            }
        }

        if (delay > 0)
        {
            await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
        }

        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await GraphJson.Error(context, 401, "InvalidAuthenticationToken", "Access token is empty.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (error?.Status is { } status)
        {
            if (error.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var (code, message) = status switch
            {
                429 => ("TooManyRequests", "Too many requests. Retry after the time in the Retry-After header."),
                503 => ("ServiceNotAvailable", "The service is temporarily unavailable."),
                403 => ("ErrorAccessDenied", "Access to OData is disabled."),
                404 => ("ErrorInvalidUser", "The requested user is invalid."),
                _ => ("InternalServerError", "Injected failure."),
            };
            await GraphJson.Error(context, status, code, message).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
