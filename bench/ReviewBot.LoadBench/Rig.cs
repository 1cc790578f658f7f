using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;
using ReviewBot.GraphStandIn;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.LoadBench;

/// <summary>
/// Everything the bot talks to, on free loopback ports: Azurite (data under .local/bench/), the Bot Framework
/// token issuer the bot trusts, the connector its replies and effects go to, the managed-identity endpoint,
/// and the Graph stand-in.
/// </summary>
public sealed class Rig : IAsyncDisposable
{
    private readonly NodeProcess azurite;
    private readonly WebApplication graph;

    private Rig(string workFolder, NodeProcess azurite, int azuritePort, BotFrameworkTokens tokens, RecordingConnector connector, LocalIdentity identity, WebApplication graph, int graphPort)
    {
        WorkFolder = workFolder;
        this.azurite = azurite;
        Tokens = tokens;
        Connector = connector;
        Identity = identity;
        this.graph = graph;
        GraphRoot = new Uri($"http://127.0.0.1:{graphPort}/");
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"TableEndpoint=http://127.0.0.1:{azuritePort}/devstoreaccount1;";
        Tables = new StorageTables(TableStorageClients.CreateServiceClient(new StorageOptions { ConnectionString = ConnectionString }));
        Cases = new TableCaseStore(Tables, TimeProvider.System, NullLogger<TableCaseStore>.Instance);
        Board = JsonSerializer.Deserialize<BoardConfiguration>(File.ReadAllText(DemoBoardFile), StorageJson.Options)!;
    }

    public static string DemoBoardFile => Path.Combine(RepositoryPaths.Root, "src", "ReviewBot", "Storage", "demo-board.json");

    public string WorkFolder { get; }

    public string ConnectionString { get; }

    public BotFrameworkTokens Tokens { get; }

    public RecordingConnector Connector { get; }

    public LocalIdentity Identity { get; }

    public Uri GraphRoot { get; }

    public string GraphBaseUrl => new Uri(GraphRoot, "v1.0").ToString();

    public StorageTables Tables { get; }

    public TableCaseStore Cases { get; }

    public BoardConfiguration Board { get; }

    /// <summary>The channel token for the connector's serviceUrl (one token reused, as a channel does).</summary>
    public string Token => Tokens.Create(Activities.AppId, Connector.ServiceUrl);

    public static async Task<Rig> StartAsync(string workFolder)
    {
        var dataFolder = Path.Combine(workFolder, "azurite");
        Directory.CreateDirectory(dataFolder);
        var azuritePort = FreePort.Next();
        var azurite = NodeProcess.Start(Path.Combine(RepositoryPaths.NodeModules, "azurite", "dist", "src", "table", "main.js"),
        [
            "--location", dataFolder, "--disableTelemetry", "--silent", "--skipApiVersionCheck",
            "--tableHost", "127.0.0.1", "--tablePort", azuritePort.ToString(CultureInfo.InvariantCulture),
        ]);
        await FreePort.WaitUntilListeningAsync(azuritePort, TimeSpan.FromSeconds(60));
        var graphPort = FreePort.Next();
        var graph = GraphStandInApp.Create(
            ["--urls", $"http://127.0.0.1:{graphPort}", "--Logging:LogLevel:Default", "None", "--Logging:LogLevel:Microsoft.AspNetCore", "None"],
            o => o.BoardFiles.Add(DemoBoardFile));
        await graph.StartAsync();
        var rig = new Rig(workFolder, azurite, azuritePort, BotFrameworkTokens.Start(), await RecordingConnector.StartAsync(), await LocalIdentity.StartAsync(), graph, graphPort);
        await rig.Tables.CreateAllAsync(CancellationToken.None);
        return rig;
    }

    /// <summary>The bot's settings: JWT validation on (the local issuer), a managed identity for its replies.</summary>
    public Dictionary<string, string> BotEnvironment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development", // loopback connector and Graph stand-in are allowed only here
        ["Storage__ConnectionString"] = ConnectionString,
        ["Graph__BaseUrl"] = GraphBaseUrl,
        ["Bot__AppId"] = Activities.AppId,
        ["Bot__AppType"] = "UserAssignedMSI",
        ["Bot__OpenIdMetadataUrl"] = Tokens.MetadataUrl,
        ["IDENTITY_ENDPOINT"] = Identity.Endpoint.ToString(),
        ["IDENTITY_HEADER"] = LocalIdentity.Header,
        ["Diagnostics__BenchEndpoints"] = "true",
        ["Sweeps__DeadlineInterval"] = "00:00:02", // the two-instance reminder check; 1 query a pass, taken off by the idle rate
    };

    /// <summary>Delays every Graph call (0 = none).</summary>
    public async Task DelayGraphAsync(int milliseconds)
    {
        using var http = new HttpClient { BaseAddress = GraphRoot };
        (await http.PostAsync("admin/reset", null)).EnsureSuccessStatusCode();
        if (milliseconds > 0)
        {
            (await http.PostAsJsonAsync("admin/faults", new Fault { DelayMs = milliseconds }, GraphJson.Options)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>A new case, referred by Megan <paramref name="referredAt"/> (intake as the bot runs it; its effects left to the bots' outbox sweep).</summary>
    public async Task<ReviewCase> NewCaseAsync(DateTimeOffset? referredAt = null, Core.Ports.ICaseStore? store = null, BoardConfiguration? board = null)
    {
        var clock = referredAt is { } at ? new FixedClock(at) : TimeProvider.System;
        var intake = new ReferralIntake(store ?? Cases, clock);
        var referral = new Referral { Child = new Child { Name = "Bench Child", Incident = IncidentKind.Died }, Summary = "Summary." };
        return (await intake.SubmitAsync(board ?? Board, referral, Guid.NewGuid().ToString("N"), Activities.Megan, null, CancellationToken.None)).Case;
    }

    /// <summary>Storage requests the bot has made so far (its counting pipeline policy).</summary>
    public static async Task<long> StorageRequestsAsync(ChildProcess bot)
    {
        var answer = await Load.Client.GetFromJsonAsync<JsonObject>(new Uri(bot.BaseAddress, "bench/storage-requests"));
        return answer!["requests"]!.GetValue<long>();
    }

    public async ValueTask DisposeAsync()
    {
        await graph.StopAsync();
        await graph.DisposeAsync();
        await Identity.DisposeAsync();
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
        await azurite.InterruptAsync(TimeSpan.FromSeconds(10));
        await azurite.DisposeAsync();
    }
}

/// <summary>A clock stopped at one instant (intake stamps a referral "40 days ago" with it).</summary>
public sealed class FixedClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}
