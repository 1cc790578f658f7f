using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using ReviewBot.Bot.Reminders;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Ports;
using ReviewBot.Hosting;
using ReviewBot.Ports;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.LoadBench;

/// <summary>One deadline sweep pass measured: requests, wall time, reminders sent.</summary>
public sealed record SweepNumbers(string Scenario, long StorageRequests, double WallMs, int Reminded, int Failed);

/// <summary>
/// The reminder sweep over a large store: the app wired as Program.cs wires it, in this process, on tables of
/// its own (prefix <c>sweep</c>), so its pass can be run on demand and its storage requests counted exactly.
/// 100,000 cases: 10 real cases whose chair's reminder is due now, and 99,990 head rows (summary columns only:
/// the sweep never reads a case that has nothing due) each with a reminder due in the coming year.
/// </summary>
public static class SweepBench
{
    private const int Cases = 100_000;
    private const int Due = 10;

    public static async Task<IReadOnlyList<SweepNumbers>> RunAsync(Rig rig, TextWriter progress)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = Path.Combine(RepositoryPaths.Root, "src", "ReviewBot"),
        });
        builder.Logging.ClearProviders();
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = rig.ConnectionString,
            ["Storage:TablePrefix"] = "sweep",
            ["Storage:RetentionSweepEnabled"] = "false",
            ["Graph:BaseUrl"] = rig.GraphBaseUrl,
            ["Cards:Folder"] = Path.Combine(RepositoryPaths.Root, "cards"),
            ["Sweeps:DeadlineInterval"] = "01:00:00", // passes run here, on demand
            ["Sweeps:DraftInterval"] = "1.00:00:00",
            ["Effects:SweepInterval"] = "01:00:00",
            ["Meetings:ResponsePollInterval"] = "01:00:00",
        });
        builder.AddReviewBot();
        await using var app = builder.Build();
        app.MapReviewBot();
        await app.StartAsync();
        await WaitReadyAsync(port);

        var services = app.Services;
        var tables = services.GetRequiredService<StorageTables>();
        var board = (await services.GetRequiredService<IBoardDirectory>().GetAsync(rig.Board.BoardId, CancellationToken.None))!;
        await services.GetRequiredService<IConversationStore>().SavePersonalAsync(Activities.Alex, new ConversationAddress(
            rig.Connector.ServiceUrl, "msteams", "a:personal-" + Activities.Alex, "personal", Activities.TenantId, "28:" + Activities.AppId, "29:" + Activities.Alex, Activities.Alex), CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var kind = await SeedDueAsync(rig, services, board);
        await SeedQuietCasesAsync(tables, board.BoardId, kind);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {Cases:N0} cases ({Due} due) in {clock.Elapsed.TotalSeconds:F0} s"));
        var results = new List<SweepNumbers> { await PassAsync(services, $"{Cases:N0} cases, {Due} due") };

        // A store that has run for a while: past reminders already sent stay as done rows (TableDeadlineIndex keeps
        // them so a re-scheduled plan cannot send them again, without DueAt) while their case is still pending.
        clock.Restart();
        await SeedDoneHistoryAsync(tables, board.BoardId, kind);
        await SeedDueAsync(rig, services, board);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {Cases:N0} done past reminders and {Due} more due in {clock.Elapsed.TotalSeconds:F0} s"));
        results.Add(await PassAsync(services, $"same + {Cases:N0} done past reminders"));
        await app.StopAsync();
        return results;
    }

    private static async Task<SweepNumbers> PassAsync(IServiceProvider services, string scenario)
    {
        var counter = services.GetRequiredService<StorageRequestCounter>();
        var sweeper = services.GetRequiredService<DeadlineSweepService>();
        var before = counter.Count;
        var clock = Stopwatch.StartNew();
        var result = await sweeper.SweepAsync(CancellationToken.None);
        var wall = clock.Elapsed.TotalMilliseconds;
        return new SweepNumbers(scenario, counter.Count - before, wall, result.Handled, result.Failed);
    }

    /// <summary>Cases referred as if a month less five days ago: the chair's 7-days-before reminder is due now.</summary>
    private static async Task<string> SeedDueAsync(Rig rig, IServiceProvider services, BoardConfiguration board)
    {
        var store = services.GetRequiredService<ICaseStore>();
        var index = services.GetRequiredService<IDeadlineIndex>();
        var referredAt = DateTimeOffset.UtcNow.AddDays(5).AddMonths(-1);
        string? kind = null;
        for (var i = 0; i < Due; i++)
        {
            var c = await rig.NewCaseAsync(referredAt, store, board);
            var plan = DeadlinePlanner.For(c, board);
            await index.ScheduleAsync(plan, CancellationToken.None);
            kind ??= plan[0].Kind;
        }

        return kind ?? throw new InvalidOperationException("A new case plans no reminder.");
    }

    private static Task SeedQuietCasesAsync(StorageTables tables, string boardId, string kind)
    {
        var now = DateTimeOffset.UtcNow;
        var heads = Enumerable.Range(1, Cases - Due).Select(n => new TableEntity(boardId, "case|" + Reference(n))
        {
            ["Case"] = Reference(n),
            ["Stage"] = nameof(CaseStage.AwaitingRecommendation),
            ["Rulebook"] = "Scr",
            ["Version"] = 1L,
            ["IsOpen"] = true,
            ["ReferredAt"] = now.AddDays(-(n % 30)),
        });
        var deadlines = Enumerable.Range(1, Cases - Due).Select(n => DeadlineRow(boardId, n, kind, now.AddDays(1 + (n % 365)).AddMinutes(n % 600), done: false));
        return Task.WhenAll(WriteAsync(tables.Cases, heads), WriteAsync(tables.Deadlines, deadlines));
    }

    private static Task SeedDoneHistoryAsync(StorageTables tables, string boardId, string kind)
    {
        var now = DateTimeOffset.UtcNow;
        return WriteAsync(tables.Deadlines, Enumerable.Range(1, Cases).Select(n => DeadlineRow(boardId, n % (Cases - Due) + 1, kind, now.AddDays(-1 - (n % 365)).AddMinutes(-(n % 600)), done: true)));
    }

    private static string Reference(int n) => string.Create(CultureInfo.InvariantCulture, $"SCR-2019-{n:D6}");

    private static TableEntity DeadlineRow(string boardId, int n, string kind, DateTimeOffset due, bool done)
    {
        var row = new TableEntity(due.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), string.Join('|', boardId, Reference(n), kind, due.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)))
        {
            ["Board"] = boardId,
            ["Case"] = Reference(n),
            ["Kind"] = kind,
            ["DueTicks"] = due.UtcTicks,
        };

        // As TableDeadlineIndex marks a handled row: done, and without the DueAt the due query filters on.
        if (done)
        {
            row["Done"] = true;
        }
        else
        {
            row["DueAt"] = due;
        }

        return row;
    }

    /// <summary>Batch inserts (100 rows of one partition per transaction), eight transactions at a time.</summary>
    private static async Task WriteAsync(TableClient table, IEnumerable<TableEntity> rows)
    {
        var batches = rows.GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
    }

    private static async Task WaitReadyAsync(int port)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var ready = await http.GetAsync("readyz");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The in-process app for the sweep was not ready in 60 s.");
    }
}
