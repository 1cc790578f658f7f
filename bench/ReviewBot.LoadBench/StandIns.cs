using System.Text.Json.Nodes;

namespace ReviewBot.LoadBench;

/// <summary>
/// The ceiling: a bare ASP.NET Core endpoint that reads the request and returns the bot's reply body, nothing
/// else (run as its own process by <c>ReviewBot.LoadBench bare PORT BODYFILE</c>).
/// </summary>
public static class BareEndpoint
{
    public static async Task RunAsync(int port, string bodyFile)
    {
        var body = await File.ReadAllBytesAsync(bodyFile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/messages", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(body);
        });
        app.MapGet("/readyz", () => "ok");
        await app.RunAsync();
    }
}

/// <summary>
/// The App Service managed identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER), so the bot runs as deployed
/// (Bot:AppType UserAssignedMSI) and gets a connector token for its replies without Entra.
/// </summary>
public sealed class LocalIdentity : IAsyncDisposable
{
    public const string Header = "bench-identity-header";
    private readonly WebApplication app;

    private LocalIdentity(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<LocalIdentity> StartAsync()
    {
        var port = Testing.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/msi/token", (HttpRequest request) => request.Headers["X-IDENTITY-HEADER"] != Header
            ? Results.StatusCode(401)
            : Results.Json(new JsonObject
            {
                ["access_token"] = "bench-connector-token",
                ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = request.Query["resource"].ToString(),
                ["token_type"] = "Bearer",
                ["client_id"] = request.Query["client_id"].ToString(),
            }));
        await app.StartAsync();
        return new LocalIdentity(app, new Uri($"http://127.0.0.1:{port}/msi/token"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
