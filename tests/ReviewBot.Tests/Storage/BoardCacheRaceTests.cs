using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;
using ReviewBot.Core.Boards;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

/// <summary>
/// A list read that started before a board was saved must not put the old list back in the cache: at
/// start-up that hid the seeded demo board for a minute ("this organisation isn't set up").
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class BoardCacheRaceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_read_overlapping_a_save_does_not_cache_the_old_list()
    {
        var gate = new QueryGate();
        var prefix = "race" + Guid.NewGuid().ToString("N")[..8];
        var service = TableStorageClients.CreateServiceClient(
            new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix },
            o => o.AddPolicy(gate, HttpPipelinePosition.PerCall));
        var tables = new StorageTables(service, prefix);
        await tables.CreateAllAsync(CancellationToken.None);
        var directory = new TableBoardDirectory(tables, new FakeTimeProvider(DateTimeOffset.UtcNow), TimeSpan.FromMinutes(1));
        var board = new BoardConfiguration { BoardId = "late", Name = "Late Board", TenantId = "tenant-late" };

        gate.HoldQueries = true;
        var staleRead = directory.ListAsync(CancellationToken.None); // in flight, answered before the save lands
        await gate.QueryArrived.WaitAsync(TimeSpan.FromSeconds(10));
        gate.HoldQueries = false;
        await directory.SaveAsync(board, CancellationToken.None);
        gate.Release();

        Assert.Empty(await staleRead);
        Assert.Equal("late", (await directory.FindByTenantAsync("tenant-late", CancellationToken.None))?.BoardId);
    }

    /// <summary>Holds list queries (GET with a filter) until released; lets everything else through.</summary>
    private sealed class QueryGate : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool HoldQueries;

        public Task QueryArrived => arrived.Task;

        public void Release() => released.TrySetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (HoldQueries && message.Request.Method == RequestMethod.Get && message.Request.Uri.Query.Contains("filter", StringComparison.OrdinalIgnoreCase))
            {
                // The query was answered (before the save); its answer reaches the directory only after the save.
                arrived.TrySetResult();
                await released.Task;
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();
    }
}
