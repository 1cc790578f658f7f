using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;
using ReviewBot.Storage;
using ReviewBot.Testing;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Effects;

/// <summary>
/// Azurite, a recording connector and the host tests' board, with the bot run as a real process (so it can be
/// killed), and the test's own view of the same tables.
/// </summary>
public sealed class EffectEnvironment : IAsyncLifetime
{
    private readonly string boardFile = Path.Combine(Path.GetTempPath(), $"reviewbot-board-{Guid.NewGuid():N}.json");
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public AzuriteFixture Azurite { get; } = new();

    public RecordingConnector Connector { get; private set; } = null!;

    public BoardConfiguration Board { get; private set; } = null!;

    public BotProcess Bot { get; private set; } = null!;

    public StorageTables Tables { get; private set; } = null!;

    public TableCaseStore Cases { get; private set; } = null!;

    public TableEffectOutbox Outbox { get; private set; } = null!;

    public TableConversationStore Conversations { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Connector = await RecordingConnector.StartAsync();
        Board = BotHost.Board with { Channel = new TeamChannel("team-1", BotHost.BoardChannelId, Connector.ServiceUrl) };
        await File.WriteAllTextAsync(boardFile, JsonSerializer.Serialize(Board, StorageJson.Options));
        Tables = new StorageTables(TableStorageClients.CreateServiceClient(new StorageOptions { ConnectionString = Azurite.ConnectionString }));
        Cases = new TableCaseStore(Tables, TimeProvider.System, NullLogger<TableCaseStore>.Instance);
        Outbox = new TableEffectOutbox(Tables);
        Conversations = new TableConversationStore(Tables);
        Bot = new BotProcess(new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = Azurite.ConnectionString,
            ["Storage__SeedBoardFiles__0"] = boardFile,
            ["Effects__SweepInterval"] = "00:00:00.500",
            ["Effects__ClaimDuration"] = "00:00:02",
            ["Effects__RetryDelay"] = "00:00:00.200",
            ["Effects__MaxRetryDelay"] = "00:00:01",
            ["Effects__QuickTries"] = "3",
        });
        await Bot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Azurite.DisposeAsync();
        File.Delete(boardFile);
    }

    /// <summary>Posts an activity to the running bot.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => Http.PostAsJsonAsync(Bot.MessagesEndpoint, activity);

    /// <summary>Each person says hello, so the bot knows their 1:1 chat.</summary>
    public async Task GreetAsync(params string[] actors)
    {
        foreach (var actor in actors)
        {
            (await PostAsync(BotHost.ActivityFor(Connector.ServiceUrl, "message", actor, "hello"))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>A new case, created as intake creates it (its effects are left for the bot's outbox sweep).</summary>
    public async Task<ReviewCase> NewCaseAsync()
    {
        var intake = new ReferralIntake(Cases, TimeProvider.System);
        var referral = new Referral { Child = new Child { Name = "Test Child", Incident = IncidentKind.Died }, Summary = "Summary." };
        return (await intake.SubmitAsync(Board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
    }

    /// <summary>Waits until nothing the case set off is left in the outbox.</summary>
    public Task OutboxEmptyAsync(CaseReference reference, int seconds = 60)
        => Eventually.HoldsAsync(() => Outbox.ListForCaseAsync(Board.BoardId, reference, CancellationToken.None).GetAwaiter().GetResult().Count == 0, seconds, $"Effects of {reference} still pending.\n{Bot.Output}");

    /// <summary>Cards posted (not updated) to a person's 1:1 chat about a case, recognised by a verb only that card has.</summary>
    public IReadOnlyList<RecordedCall> PostsTo(string actor, CaseReference reference, string verb) => Connector.PostsTo(actor, reference, verb);

    /// <summary>The case's rows in the deadline index.</summary>
    public async Task<int> DeadlineRowsAsync(CaseReference reference)
    {
        var count = 0;
        await foreach (var _ in Tables.Deadlines.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Case eq {reference.Value}")))
        {
            count++;
        }

        return count;
    }
}
