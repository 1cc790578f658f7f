using ReviewBot.Telemetry;

namespace ReviewBot.Graph;

/// <summary>
/// The outermost handler of the Graph client: every Graph call (the SDK's retries inside it) is one
/// <c>reviewbot.graph</c> span and one <c>reviewbot.graph.calls</c> count, named by a closed set of operations:
/// the path names mailboxes and users, so it is never a tag.
/// </summary>
internal sealed class GraphCallMetrics(ReviewBotTelemetry telemetry) : DelegatingHandler
{
    /// <summary>The operation a request performs, from its method and the path's last segments.</summary>
    public static string Operation(HttpMethod method, Uri? uri)
    {
        ArgumentNullException.ThrowIfNull(method);
        var segments = uri?.AbsolutePath.TrimEnd('/').Split('/') ?? [];
        var last = segments.Length > 0 ? segments[^1] : string.Empty;
        var parent = segments.Length > 1 ? segments[^2] : string.Empty;
        return (method.Method, last, parent) switch
        {
            ("POST", "sendMail", _) => "sendMail",
            ("POST", "getSchedule", _) => "getSchedule",
            ("POST", "events", _) => "createEvent",
            ("POST", "cancel", _) => "cancelEvent",
            ("GET", _, "events") => "getEvent",
            ("PATCH", _, "events") => "updateEvent",
            ("DELETE", _, "events") => "deleteEvent",
            ("GET", "installedApps", _) => "findInstalledApp",
            ("POST", "installedApps", _) => "installApp",
            ("GET", "chat", _) => "getChat",
            _ => "other",
        };
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var call = telemetry.GraphCall(Operation(request.Method, request.RequestUri));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            call.Succeeded();
        }

        return response;
    }
}
