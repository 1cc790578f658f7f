using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;
using ReviewBot.Storage;
using ReviewBot.Testing;
using Xunit.Abstractions;

namespace ReviewBot.Tests.Storage;

/// <summary>Stops and restarts its own Azurite (same port, data kept on disk), so it shares it with no one.</summary>
public sealed class StorageOutageTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly CaseReference Small = CaseReference.Create(RulebookKind.Scr, 2026, 1);
    private static readonly CaseReference Large = CaseReference.Create(RulebookKind.Scr, 2026, 2);
    private static readonly CaseReference Later = CaseReference.Create(RulebookKind.Scr, 2026, 3);
    private StorageTestBed bed = null!;

    public async Task InitializeAsync()
    {
        await azurite.StartAsync();
        bed = await StorageTestBed.CreateAsync(azurite, "outage");
    }

    public Task DisposeAsync() => azurite.StartAsync();

    [Fact]
    public async Task While_storage_is_down_operations_fail_as_unavailable_write_nothing_and_work_again_after_it_returns()
    {
        var conversations = new TableConversationStore(bed.Tables);
        var deadlines = new TableDeadlineIndex(bed.Tables, bed.Time);
        var boards = new TableBoardDirectory(bed.Tables, bed.Time, TimeSpan.Zero);
        var readiness = new TableStorageReadiness();
        readiness.MarkReady();
        var health = new TableStorageHealthCheck(bed.Tables, readiness);
        await bed.Cases.CreateAsync(CaseSamples.NewCase(Small), CaseSamples.Event(Small, "ReferralSubmitted"), "s1", default);
        await bed.Cases.CreateAsync(CaseSamples.NewCase(Large, new string('ł', 150_000)), CaseSamples.Event(Large, "ReferralSubmitted"), "s2", default);
        var rowsBefore = (await bed.AllRowsAsync()).Select(r => (r.PartitionKey, r.RowKey, r.ETag)).ToHashSet();

        await azurite.StopAsync();

        await Unavailable("update", () => bed.Cases.UpdateAsync(CaseSamples.Board, Small, c => TableCaseStoreTests.AddTask(c, "t1"), default));
        await Unavailable("update large", () => bed.Cases.UpdateAsync(CaseSamples.Board, Large, c => TableCaseStoreTests.AddTask(c, "t1"), default));
        await Unavailable("create", () => bed.Cases.CreateAsync(CaseSamples.NewCase(Later, new string('x', 150_000)), CaseSamples.Event(Later, "ReferralSubmitted"), "s3", default));
        await Unavailable("find", () => bed.Cases.FindAsync(CaseSamples.Board, Small, default));
        await Unavailable("list", () => bed.Cases.ListOpenAsync(CaseSamples.Board, null, default).ToListAsync().AsTask());
        await Unavailable("allocate", () => bed.Cases.AllocateReferenceAsync(CaseSamples.Board, RulebookKind.Scr, 2026, default));
        await Unavailable("conversation", () => conversations.LoadAsync("a:1", "user", default));
        await Unavailable("deadlines", () => deadlines.GetDueAsync(bed.Time.GetUtcNow(), 10, default));
        await Unavailable("boards", () => boards.ListAsync(default));
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(HealthContext())).Status);

        await azurite.StartAsync();

        // Same client instances; nothing of the failed writes is stored.
        Assert.Equal(rowsBefore, (await bed.AllRowsAsync()).Select(r => (r.PartitionKey, r.RowKey, r.ETag)).ToHashSet());
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(HealthContext())).Status);
        var updated = await bed.Cases.UpdateAsync(CaseSamples.Board, Small, c => TableCaseStoreTests.AddTask(c, "t1"), default);
        Assert.Equal((2L, 1), (updated.Case?.Version, updated.Case?.Tasks.Count));
        Assert.Equal(2, (await bed.Cases.UpdateAsync(CaseSamples.Board, Large, c => TableCaseStoreTests.AddTask(c, "t1"), default)).Case?.Version);
        Assert.Equal(150_000, (await bed.Cases.FindAsync(CaseSamples.Board, Large, default))?.Referral.Summary?.Length);
        Assert.Equal(1, (await bed.Cases.CreateAsync(CaseSamples.NewCase(Later), CaseSamples.Event(Later, "ReferralSubmitted"), "s3", default)).Version);
        Assert.Equal(2, (await bed.Cases.ReadAuditAsync(CaseSamples.Board, Small, default).ToListAsync()).Count);
    }

    [Fact]
    public async Task Tables_lost_in_an_outage_are_created_again_on_demand()
    {
        await bed.Service.DeleteTableAsync(bed.Tables.Cases.Name);
        await bed.Service.DeleteTableAsync(bed.Tables.Conversations.Name);

        Assert.Null(await bed.Cases.FindAsync(CaseSamples.Board, Small, default));
        await bed.Cases.CreateAsync(CaseSamples.NewCase(Small), CaseSamples.Event(Small, "ReferralSubmitted"), "s1", default);
        var store = new TableConversationStore(bed.Tables);
        var loaded = await store.LoadAsync("a:1", "user", default);
        await store.SaveAsync(loaded, new ConversationAddress("http://127.0.0.1/", "msteams", "a:1", null, null, null, null, null), null, default);

        Assert.Equal(1, (await bed.Cases.FindAsync(CaseSamples.Board, Small, default))?.Version);
        Assert.NotNull((await store.LoadAsync("a:1", "user", default)).Address);
    }

    [Fact]
    public async Task An_app_started_while_storage_is_down_starts_not_ready_and_becomes_ready_when_storage_returns()
    {
        await azurite.StopAsync();
        using var host = StorageHost.Build(azurite.ConnectionString, "late" + Guid.NewGuid().ToString("N")[..8]);
        await host.StartAsync();
        try
        {
            var readiness = host.Services.GetRequiredService<TableStorageReadiness>();
            var down = await StorageHost.ReadinessAsync(host);
            Assert.Equal(HealthStatus.Unhealthy, down.Status);
            Assert.False(readiness.IsReady);

            await azurite.StartAsync();
            await readiness.WhenReadyAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

            Assert.Equal(HealthStatus.Healthy, (await StorageHost.ReadinessAsync(host)).Status);
            Assert.NotNull(await host.Services.GetRequiredService<IBoardDirectory>().GetAsync("demo", default));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private async Task Unavailable(string what, Func<Task> operation)
    {
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(operation);
        output.WriteLine($"{what}: {error.GetType().Name} after {clock.ElapsedMilliseconds} ms ({error.InnerException?.GetType().Name})");
    }

    private HealthCheckContext HealthContext() => new()
    {
        Registration = new HealthCheckRegistration("table-storage", new TableStorageHealthCheck(bed.Tables, new TableStorageReadiness()), HealthStatus.Unhealthy, ["ready"]),
    };
}
