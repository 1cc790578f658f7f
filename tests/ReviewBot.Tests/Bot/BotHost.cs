using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Ports;
using ReviewBot.Bot.Effects;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Bot;

/// <summary>
/// The real app in-process (WebApplicationFactory) against Azurite, with replies and proactive messages
/// going to a recording connector. Activities are posted as a Teams client would post them.
/// </summary>
public class BotHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TenantId = "tenant-host-tests";

    /// <summary>The board's notification channel (a Teams channel id, as Teams writes them).</summary>
    public const string BoardChannelId = "19:board-notices@thread.tacv2";

    private readonly string boardFile = Path.Combine(Path.GetTempPath(), $"reviewbot-board-{Guid.NewGuid():N}.json");
    private readonly bool shared;

    public BotHost()
    {
        Azurite = new();
    }

    /// <summary>Another instance of the app on storage and a connector that someone else owns (several instances, one Azurite).</summary>
    protected BotHost(AzuriteFixture azurite, RecordingConnector connector)
    {
        Azurite = azurite;
        Connector = connector;
        shared = true;
    }

    public AzuriteFixture Azurite { get; }

    public RecordingConnector Connector { get; private set; } = null!;

    public static BoardConfiguration Board { get; } = new()
    {
        BoardId = "hosttests",
        Name = "Host Tests Safeguarding Children Board",
        TenantId = TenantId,
        Agencies = [new("police", "Riverside Police"), new("csc", "Children's Social Care")],
        People =
        [
            new(Actors.BusinessManager, "Bea Manager", "bea@example.org", [BoardRole.BusinessManager]),
            new(Actors.SubGroupChair, "Sid Chair", "sid@example.org", [BoardRole.SubGroupChair]),
            new(Actors.BoardChair, "Chris Chair", "chris@example.org", [BoardRole.BoardChair]),
            new(Actors.HeadOfSafeguarding, "Hana Head", "hana@example.org", [BoardRole.HeadOfSafeguarding]),
        ],
    };

    public ICaseStore Cases => Services.GetRequiredService<ICaseStore>();

    /// <summary>The board this variant of the app is seeded with (<see cref="Board"/> unless a test class needs another rulebook).</summary>
    protected virtual BoardConfiguration SeededBoard => Board;

    public async Task InitializeAsync()
    {
        if (!shared)
        {
            await Azurite.InitializeAsync();
            Connector = await RecordingConnector.StartAsync();
        }

        // The board's Teams channel is reached through the recording connector too.
        var board = SeededBoard with { Channel = new TeamChannel("team-1", BoardChannelId, Connector.ServiceUrl) };
        await File.WriteAllTextAsync(boardFile, JsonSerializer.Serialize(board, global::ReviewBot.Storage.StorageJson.Options));
        await BeforeAppStartsAsync();
        // The app serves at once; tables and the board are ready when /readyz says so.
        var client = CreateClient();
        for (var i = 0; i < 150 && !(await client.GetAsync("/readyz")).IsSuccessStatusCode; i++)
        {
            await Task.Delay(100);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await AfterAppStopsAsync();
        if (!shared)
        {
            await Connector.DisposeAsync();
            await Azurite.DisposeAsync();
        }

        File.Delete(boardFile);
    }

    /// <summary>Starts what a variant of the app needs before it starts (e.g. the Graph stand-in).</summary>
    protected virtual Task BeforeAppStartsAsync() => Task.CompletedTask;

    /// <summary>Stops what <see cref="BeforeAppStartsAsync"/> started.</summary>
    protected virtual Task AfterAppStopsAsync() => Task.CompletedTask;

    /// <summary>Posts an activity to /api/messages; returns the HTTP response.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => CreateClient().PostAsJsonAsync("/api/messages", activity);

    /// <summary>Waits until everything queued after responses has run.</summary>
    public Task AfterResponsesAsync() => Services.GetRequiredService<EffectDispatcher>().WhenIdleAsync(TimeSpan.FromSeconds(30));

    /// <summary>An activity from a person in their 1:1 chat with the bot.</summary>
    public JsonObject Activity(string type, string actorObjectId, string? text = null) => ActivityFor(Connector.ServiceUrl, type, actorObjectId, text);

    /// <summary>An Action.Execute press.</summary>
    public JsonObject Invoke(string actorObjectId, string verb, JsonObject data) => InvokeFor(Connector.ServiceUrl, actorObjectId, verb, data);

    /// <summary>An activity from a person in their 1:1 chat, for a bot whose connector is at <paramref name="serviceUrl"/>.</summary>
    public static JsonObject ActivityFor(string serviceUrl, string type, string actorObjectId, string? text = null) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:" + actorObjectId, ["name"] = "Someone", ["aadObjectId"] = actorObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:reviewbot", ["name"] = "ReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:personal-" + actorObjectId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["text"] = text,
    };

    /// <summary>An Action.Execute press, for a bot whose connector is at <paramref name="serviceUrl"/>.</summary>
    public static JsonObject InvokeFor(string serviceUrl, string actorObjectId, string verb, JsonObject data)
    {
        var activity = ActivityFor(serviceUrl, "invoke", actorObjectId);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "card-1";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>A clock the test moves, when set (before the app starts).</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Extra settings for a test class's variant of the app.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }

        builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
        builder.UseSetting("Storage:SeedBoardFiles:0", boardFile);
        builder.UseSetting("Bot:AppId", Settings.GetValueOrDefault("Bot:AppId", string.Empty));
    }
}

/// <summary>Object ids of the people in <see cref="BotHost.Board"/>.</summary>
public static class Actors
{
    public const string Referrer = "oid-referrer";
    public const string BusinessManager = "oid-business-manager";
    public const string SubGroupChair = "oid-subgroup-chair";
    public const string BoardChair = "oid-board-chair";
    public const string HeadOfSafeguarding = "oid-head-of-safeguarding";
    public const string Stranger = "oid-stranger";

    public static IReadOnlyList<string> All { get; } = [Referrer, BusinessManager, SubGroupChair, BoardChair, HeadOfSafeguarding, Stranger];
}
