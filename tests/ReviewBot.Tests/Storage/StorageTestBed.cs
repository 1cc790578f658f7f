using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

/// <summary>Real table clients against Azurite, with a table prefix of their own and a request counter.</summary>
internal sealed class StorageTestBed
{
    private StorageTestBed(AzuriteFixture azurite, string prefix)
    {
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix };
        Service = TableStorageClients.CreateServiceClient(options, o => o.AddPolicy(Requests, HttpPipelinePosition.PerRetry));
        Tables = new StorageTables(Service, prefix);
        Cases = new TableCaseStore(Tables, Time, NullLogger<TableCaseStore>.Instance);
    }

    public RequestCounter Requests { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public TableServiceClient Service { get; }

    public StorageTables Tables { get; }

    public TableCaseStore Cases { get; }

    /// <summary>Tables named with a fresh prefix, created.</summary>
    public static async Task<StorageTestBed> CreateAsync(AzuriteFixture azurite, string classPrefix)
    {
        var bed = new StorageTestBed(azurite, classPrefix + Guid.NewGuid().ToString("N")[..8]);
        await bed.Tables.CreateAllAsync(CancellationToken.None);
        return bed;
    }

    /// <summary>Every row of every table of this bed.</summary>
    public async Task<List<TableEntity>> AllRowsAsync()
    {
        var rows = new List<TableEntity>();
        foreach (var table in Tables.All)
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}

/// <summary>Counts HTTP requests that reach the wire (each retry counts).</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
}
