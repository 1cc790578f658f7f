using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Storage;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Security;

/// <summary>Every row of every table of the app, with its ETag: equal snapshots mean nothing was written.</summary>
public static class StorageSnapshot
{
    /// <summary>Takes the snapshot once the work queued after responses is idle.</summary>
    public static async Task<IReadOnlyList<string>> TakeAsync(BotHost host)
    {
        await host.AfterResponsesAsync();
        var rows = new List<string>();
        foreach (var table in host.Services.GetRequiredService<StorageTables>().All)
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows.Add($"{table.Name}|{entity.PartitionKey}|{entity.RowKey}|{entity.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
