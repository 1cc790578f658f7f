using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>
/// A minimal bot app on real Kestrel (127.0.0.1, port 0): AddTeamsProtocol + MapBotMessages + a <see cref="SpyBot"/>.
/// Configuration comes only from the dictionary given (no environment variables leak in).
/// </summary>
internal sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, SpyBot bot, ListLoggerProvider logs, HttpClient client)
    {
        _app = app;
        Bot = bot;
        Logs = logs;
        Client = client;
    }

    public SpyBot Bot { get; }

    public ListLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?> configuration,
        string environment = "Development",
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        var logs = new ListLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        configureServices?.Invoke(builder.Services);
        builder.Services.AddTeamsProtocol(builder.Configuration);
        var bot = new SpyBot();
        builder.Services.AddSingleton<IBot>(bot);
        var app = builder.Build();
        app.MapBotMessages();
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        return new BotHost(app, bot, logs, client);
    }

    public async Task<HttpResponseMessage> PostActivityAsync(string json, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
