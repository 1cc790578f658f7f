using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace ReviewBot.Storage;

/// <summary>
/// The one place that turns store faults into <see cref="Core.Ports.StoreUnavailableException"/> and re-creates a
/// table that went missing (e.g. storage came back empty after an outage) before trying once more.
/// </summary>
internal static class TableCalls
{
    /// <summary>Operations per transaction (one partition).</summary>
    public const int MaxTransactionSize = 100;

    /// <summary>Runs one storage operation: outages become StoreUnavailableException; a missing table is created once and the operation retried.</summary>
    public static async Task<T> RunAsync<T>(TableClient table, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                return await operation().ConfigureAwait(false);
            }
            catch (Exception e) when (StorageFaults.IsTableMissing(e))
            {
                await CreateAsync(table, cancellationToken).ConfigureAwait(false);
                return await operation().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (StorageFaults.IsUnavailable(e, cancellationToken))
        {
            throw StorageFaults.Unavailable(e);
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/>, for operations without a result.</summary>
    public static Task RunAsync(TableClient table, Func<Task> operation, CancellationToken cancellationToken)
        => RunAsync(table, async () =>
        {
            await operation().ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Streams a query's rows (in key order), with the same fault handling; a missing table has no rows.</summary>
    public static async IAsyncEnumerable<TableEntity> QueryAsync(
        TableClient table, string filter, IEnumerable<string>? select, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = table.QueryAsync<TableEntity>(filter, maxPerPage: null, select, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (rows.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await rows.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (StorageFaults.IsTableMissing(e))
                {
                    await CreateAsync(table, cancellationToken).ConfigureAwait(false);
                    yield break;
                }
                catch (Exception e) when (StorageFaults.IsUnavailable(e, cancellationToken))
                {
                    throw StorageFaults.Unavailable(e);
                }

                if (!more)
                {
                    yield break;
                }

                yield return rows.Current;
            }
        }
    }

    /// <summary>Reads a whole (small) query result.</summary>
    public static async Task<List<TableEntity>> QueryListAsync(TableClient table, string filter, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var list = new List<TableEntity>();
        await foreach (var row in QueryAsync(table, filter, select, cancellationToken).ConfigureAwait(false))
        {
            list.Add(row);
        }

        return list;
    }

    public static async Task CreateAsync(TableClient table, CancellationToken cancellationToken)
    {
        try
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFaults.IsUnavailable(e, cancellationToken))
        {
            throw StorageFaults.Unavailable(e);
        }
    }

    /// <summary>Deletes rows in transactions of up to 100 per partition; a row already gone is fine.</summary>
    public static async Task DeleteRowsAsync(TableClient table, List<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var batch in partition.Chunk(MaxTransactionSize))
            {
                var actions = batch.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)).ToList();
                try
                {
                    await RunAsync(table, () => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // One row went meanwhile, failing the whole transaction: delete one by one (404 is success there).
                    foreach (var row in batch)
                    {
                        await RunAsync(table, () => table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken), cancellationToken)
                            .ConfigureAwait(false);
                    }
                }
            }
        }
    }
}
