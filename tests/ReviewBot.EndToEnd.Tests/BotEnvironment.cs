using ReviewBot.Testing;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>
/// Azurite and the bot (a real process, Development defaults, demo board seeded), shared by a test class.
/// Each test starts its own Agents Playground, so conversations don't leak between tests.
/// </summary>
public sealed class BotEnvironment : IAsyncLifetime
{
    /// <summary>The demo board's id (src/ReviewBot/Storage/demo-board.json).</summary>
    public const string BoardId = "demo";

    /// <summary>Table storage.</summary>
    public AzuriteFixture Azurite { get; } = new();

    /// <summary>The bot.</summary>
    public BotProcess Bot { get; private set; } = null!;

    /// <summary>Microsoft Graph: the local stand-in with the demo board's people.</summary>
    public GraphStandInFixture Graph { get; } = new();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        await Graph.InitializeAsync();
        Bot = new BotProcess(new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = Azurite.ConnectionString,
            ["Sweeps__DeadlineInterval"] = "00:00:02",
            ["Logging__LogLevel__Default"] = "Information",
            ["Graph__BaseUrl"] = Graph.GraphBaseUrl,
            ["Meetings__ResponsePollInterval"] = "00:00:01",
        });
        await Bot.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Graph.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>A fresh Playground pointed at the bot.</summary>
    public Task<AgentsPlayground> NewPlaygroundAsync() => AgentsPlayground.StartAsync(Bot.MessagesEndpoint);
}
