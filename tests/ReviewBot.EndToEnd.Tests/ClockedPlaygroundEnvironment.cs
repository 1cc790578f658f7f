using System.Globalization;
using ReviewBot.Testing;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>
/// Azurite, the Graph stand-in, Alex's Agents Playground and the bot as a process whose clock starts on a chosen
/// day (<c>Development__ClockStartsAt</c>), restarted later to move the clock on, as a real deployment would run on
/// into those days. Other people of the demo board each have their own Playground (a Playground shows its own
/// user's chats only).
/// </summary>
public abstract class ClockedPlaygroundEnvironment : IAsyncLifetime
{
    // Read by the bot at each start, so a restart can move its clock.
    private readonly Dictionary<string, string> settings = [];
    private readonly List<(AgentsPlayground Playground, string ConfigFile)> others = [];

    /// <summary>Table storage.</summary>
    public AzuriteFixture Azurite { get; } = new();

    /// <summary>Microsoft Graph: the stand-in with the demo board's people.</summary>
    public GraphStandInFixture Graph { get; } = new();

    /// <summary>The bot.</summary>
    public BotProcess Bot { get; private set; } = null!;

    /// <summary>Alex Wilber's Teams client (business manager, sub-group chair and chair in the demo board).</summary>
    public AgentsPlayground Playground { get; private set; } = null!;

    /// <summary>Where the bot's clock starts.</summary>
    protected abstract DateTimeOffset ClockStartsAt { get; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        await Graph.InitializeAsync();
        settings["Storage__ConnectionString"] = Azurite.ConnectionString;
        settings["Sweeps__DeadlineInterval"] = "00:00:02";
        settings["Graph__BaseUrl"] = Graph.GraphBaseUrl;
        settings["Graph__TeamsAppId"] = "5f1c7d2e-3b4a-4c8d-9e0f-a1b2c3d4e5f6";
        settings["Meetings__ResponsePollInterval"] = "00:01:00";
        SetClock(ClockStartsAt);
        Bot = new BotProcess(settings);
        Playground = await AgentsPlayground.StartAsync(Bot.MessagesEndpoint);

        // A 1:1 chat with someone who never opened ReviewBot is created on Alex's Playground's connector, as Teams
        // would create it (the Playground does not show another user's chat).
        settings["Imr__TeamsServiceUrl"] = $"http://localhost:{Playground.Port.ToString(CultureInfo.InvariantCulture)}/_connector";
        await Bot.StartAsync();
        await StartPeopleAsync();
    }

    /// <summary>Stops the bot and starts it again with its clock at <paramref name="instant"/>.</summary>
    public async Task RestartAtAsync(DateTimeOffset instant)
    {
        await Bot.StopAsync();
        SetClock(instant);
        await Bot.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var (playground, configFile) in others)
        {
            await playground.DisposeAsync();
            File.Delete(configFile);
        }

        await Playground.DisposeAsync();
        await Bot.DisposeAsync();
        await Graph.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>Starts the other people's Playgrounds once the bot runs.</summary>
    protected abstract Task StartPeopleAsync();

    /// <summary>Starts <paramref name="user"/>'s own Teams client: a Playground with them as its current user.</summary>
    protected async Task<AgentsPlayground> StartPlaygroundOfAsync(PlaygroundUser user)
    {
        var configFile = PlaygroundUsers.WriteConfig(user);
        try
        {
            var playground = await AgentsPlayground.StartAsync(Bot.MessagesEndpoint, configFile: configFile);
            others.Add((playground, configFile));
            return playground;
        }
        catch
        {
            File.Delete(configFile);
            throw;
        }
    }

    private void SetClock(DateTimeOffset instant) => settings["Development__ClockStartsAt"] = instant.ToString("O", CultureInfo.InvariantCulture);
}
