using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReviewBot.Testing;

/// <summary>
/// A Bot Framework connector on a free loopback port that accepts every send, reply, update and create
/// conversation, and records them. Its URL is the serviceUrl of activities the tests post to the bot.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private int nextId;
    private int refused;

    private RecordingConnector(WebApplication app, int port)
    {
        this.app = app;
        ServiceUrl = $"http://127.0.0.1:{port}/";
    }

    /// <summary>The serviceUrl to put on activities.</summary>
    public string ServiceUrl { get; }

    /// <summary>
    /// While set, requests whose path it accepts are answered 503 and not recorded (Teams having an outage for
    /// those conversations).
    /// </summary>
    public Func<string, bool>? Unavailable { get; set; }

    /// <summary>
    /// While above zero, every request is held this long before it is answered; one whose caller went away
    /// meanwhile (the bot was killed) is not recorded, as Teams would not have taken it.
    /// </summary>
    public TimeSpan HoldFor { get; set; }

    /// <summary>How many requests were answered 503.</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    /// <summary>Starts the connector.</summary>
    public static async Task<RecordingConnector> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new RecordingConnector(app, port);
        app.Map("/{**path}", connector.HandleAsync);
        await app.StartAsync();
        return connector;
    }

    /// <summary>Activities sent or updated whose JSON contains <paramref name="text"/>.</summary>
    public IReadOnlyList<RecordedCall> Containing(string text)
        => [.. Calls.Where(c => c.Body?.ToJsonString().Contains(text, StringComparison.Ordinal) == true)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await JsonNode.ParseAsync(context.Request.Body)
            : null;
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? string.Empty);
        if (Unavailable is { } down && down(path))
        {
            Interlocked.Increment(ref refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (HoldFor > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(HoldFor, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        Calls.Enqueue(new RecordedCall(context.Request.Method, path, body));
        var id = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var isCreate = context.Request.Method == "POST" && context.Request.Path.Value?.TrimEnd('/') == "/v3/conversations";
        var answer = isCreate
            ? new JsonObject { ["id"] = "created-conversation-" + id, ["activityId"] = id }
            : new JsonObject { ["id"] = "activity-" + id };
        await context.Response.WriteAsJsonAsync(answer);
    }
}

/// <summary>One request to the connector.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Unescaped path.</param>
/// <param name="Body">JSON body, if any.</param>
public sealed record RecordedCall(string Method, string Path, JsonNode? Body);
