using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Ports;

namespace ReviewBot.Storage;

/// <summary>
/// <see cref="IDeadlineIndex"/> on the Deadlines table: PartitionKey is the UTC due date (<c>yyyyMMdd</c>), so the
/// due query reads only partitions up to today; RowKey is <c>{board}|{case}|{kind}|{due ticks}</c>, so the same
/// obligation always lands on the same row.
/// </summary>
public sealed class TableDeadlineIndex : IDeadlineIndex
{
    private const string BoardColumn = "Board";
    private const string CaseColumn = "Case";
    private const string KindColumn = "Kind";
    private const string DueAtColumn = "DueAt";

    // DueAt serves the filter; the exact ticks rebuild the row key whatever the service's datetime precision.
    private const string DueTicksColumn = "DueTicks";
    private const string ClaimedByColumn = "ClaimedBy";
    private const string ClaimedUntilColumn = "ClaimedUntil";
    private const string DoneColumn = "Done";

    private readonly StorageTables tables;
    private readonly TimeProvider time;

    /// <summary>Creates the index.</summary>
    public TableDeadlineIndex(StorageTables tables, TimeProvider timeProvider)
    {
        this.tables = tables ?? throw new ArgumentNullException(nameof(tables));
        time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    private TableClient Table => tables.Deadlines;

    /// <inheritdoc />
    /// <remarks>A claim on an existing entry is kept (merge), so rescheduling never lets two instances act.</remarks>
    public async Task ScheduleAsync(IEnumerable<Deadline> deadlines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var rows = deadlines.Select(ToRow).DistinctBy(r => (r.PartitionKey, r.RowKey));
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var batch in partition.Chunk(TableCalls.MaxTransactionSize))
            {
                var actions = batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertMerge, row)).ToList();
                await TableCalls.RunAsync(Table, () => Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public Task CancelAsync(IEnumerable<Deadline> deadlines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var rows = deadlines.Select(d => new TableEntity(Partition(d.DueAt), RowKey(d))).DistinctBy(r => (r.PartitionKey, r.RowKey)).ToList();
        return TableCalls.DeleteRowsAsync(Table, rows, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Entries another instance holds an unexpired claim on are left out: they are being handled.</remarks>
    public async Task<IReadOnlyList<ClaimableDeadline>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Partition(now)} and DueAt le {now}");
        var due = new List<ClaimableDeadline>();
        string? lastPartition = null;
        await foreach (var row in TableCalls.QueryAsync(Table, filter, null, cancellationToken).ConfigureAwait(false))
        {
            // Rows come in key order: by day, but not by time within a day. Once there are enough, finish the
            // day being read (it may hold earlier entries) and stop.
            if (due.Count >= max && row.PartitionKey != lastPartition)
            {
                break;
            }

            var entry = ToClaimable(row);
            if (row.GetBoolean(DoneColumn) == true || (entry.ClaimedUntil is { } until && until > now))
            {
                continue;
            }

            due.Add(entry);
            lastPartition = row.PartitionKey;
        }

        return due.OrderBy(d => d.Deadline.DueAt).Take(max).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(ClaimableDeadline deadline, string claimant, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        // A live claim is refused even when it is this instance's own: two of its sweeps may overlap.
        if (deadline.ClaimedUntil is { } until && until > time.GetUtcNow())
        {
            return false;
        }

        var claim = new TableEntity(Partition(deadline.Deadline.DueAt), RowKey(deadline.Deadline))
        {
            [ClaimedByColumn] = claimant,
            [ClaimedUntilColumn] = claimUntil,
        };
        try
        {
            await TableCalls.RunAsync(
                Table, () => Table.UpdateEntityAsync(claim, new ETag(deadline.ETag), TableUpdateMode.Merge, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task CompleteAsync(ClaimableDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);

        // Kept as done, not deleted: every case change re-schedules its whole plan (an upsert merge, which keeps
        // this flag), and a deleted row would come back and be sent again. CancelAsync and erasure remove rows.
        var done = new TableEntity(Partition(deadline.Deadline.DueAt), RowKey(deadline.Deadline)) { [DoneColumn] = true };
        try
        {
            await TableCalls.RunAsync(Table, () => Table.UpdateEntityAsync(done, ETag.All, TableUpdateMode.Merge, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Cancelled meanwhile: nothing left to mark.
        }
    }

    private static string Partition(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string RowKey(Deadline deadline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deadline.BoardId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deadline.Kind);
        return TableKeys.Join(
            TableKeys.Escape(deadline.BoardId),
            TableKeys.Escape(deadline.Case.Value),
            TableKeys.Escape(deadline.Kind),
            deadline.DueAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture));
    }

    private static TableEntity ToRow(Deadline deadline) => new(Partition(deadline.DueAt), RowKey(deadline))
    {
        [BoardColumn] = deadline.BoardId,
        [CaseColumn] = deadline.Case.Value,
        [KindColumn] = deadline.Kind,
        [DueAtColumn] = deadline.DueAt,
        [DueTicksColumn] = deadline.DueAt.UtcTicks,
    };

    private static ClaimableDeadline ToClaimable(TableEntity row)
    {
        if (!CaseReference.TryParse(row.GetString(CaseColumn), out var reference))
        {
            throw new InvalidDataException($"Deadline row {row.RowKey} has no valid case reference.");
        }

        var deadline = new Deadline(row.GetString(BoardColumn), reference, row.GetString(KindColumn), new DateTimeOffset(row.GetInt64(DueTicksColumn) ?? 0, TimeSpan.Zero));
        return new ClaimableDeadline(deadline, row.ETag.ToString(), row.GetString(ClaimedByColumn), row.GetDateTimeOffset(ClaimedUntilColumn));
    }
}
