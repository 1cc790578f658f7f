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
/// obligation always lands on the same row. A handled row stays, marked done and without <c>DueAt</c>, so the due
/// query (a filter on <c>DueAt</c>) never returns it again and scheduling the same entry again adds nothing.
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
    /// <remarks>
    /// Inserts only: an entry's columns follow from its key, so an existing row (pending, claimed or done) is left
    /// exactly as it is. Every case change schedules its whole plan, so each due day's rows of the case are read
    /// first (one range query) and only the missing ones added (one transaction): a change that adds nothing costs
    /// one request per due day. A batch that meets a row added meanwhile is written row by row.
    /// </remarks>
    public async Task ScheduleAsync(IEnumerable<Deadline> deadlines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var rows = deadlines.Select(ToRow).DistinctBy(r => (r.PartitionKey, r.RowKey));
        foreach (var dayOfCase in rows.GroupBy(r => (Day: r.PartitionKey, Case: CasePrefix(r))))
        {
            var existing = await TableCalls.QueryListAsync(Table, TableKeys.PrefixFilter(dayOfCase.Key.Day, dayOfCase.Key.Case), ["RowKey"], cancellationToken).ConfigureAwait(false);
            var known = existing.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
            foreach (var batch in dayOfCase.Where(r => !known.Contains(r.RowKey)).Chunk(TableCalls.MaxTransactionSize))
            {
                var actions = batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)).ToList();
                try
                {
                    await TableCalls.RunAsync(Table, () => Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException e) when (e.Status == 409)
                {
                    foreach (var row in batch)
                    {
                        await AddIfAbsentAsync(row, cancellationToken).ConfigureAwait(false);
                    }
                }
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
            // Done rows marked before they lost DueAt (December 2026) still match the filter: skipped here.
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

        var claim = Claim(deadline, claimant, claimUntil);
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
    /// <remarks>One transaction per day (every claim conditional on its ETag); if any row changed meanwhile the
    /// transaction fails whole and that day's entries are claimed one by one.</remarks>
    public async Task<IReadOnlyList<ClaimableDeadline>> ClaimAsync(
        IReadOnlyList<ClaimableDeadline> due, string claimant, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        var now = time.GetUtcNow();
        var claimed = new List<ClaimableDeadline>(due.Count);
        foreach (var day in due.Where(d => d.ClaimedUntil is not { } until || until <= now).GroupBy(d => Partition(d.Deadline.DueAt)))
        {
            foreach (var batch in day.Chunk(TableCalls.MaxTransactionSize))
            {
                var actions = batch.Select(d => new TableTransactionAction(TableTransactionActionType.UpdateMerge, Claim(d, claimant, claimUntil), new ETag(d.ETag))).ToList();
                try
                {
                    await TableCalls.RunAsync(Table, () => Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
                    claimed.AddRange(batch);
                }
                catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
                {
                    foreach (var d in batch)
                    {
                        if (await TryClaimAsync(d, claimant, claimUntil, cancellationToken).ConfigureAwait(false))
                        {
                            claimed.Add(d);
                        }
                    }
                }
            }
        }

        return claimed;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A done row is kept (so scheduling the same entry again, as every case change does, finds it and adds
    /// nothing) but replaced without <c>DueAt</c>: the due query filters on that column, so done rows never come
    /// back to the sweeper. One transaction per day; a row cancelled meanwhile fails it, then rows go one by one.
    /// </remarks>
    public async Task CompleteAsync(IReadOnlyList<ClaimableDeadline> handled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handled);
        foreach (var day in handled.Select(d => DoneRow(d.Deadline)).DistinctBy(r => r.RowKey).GroupBy(r => r.PartitionKey))
        {
            foreach (var batch in day.Chunk(TableCalls.MaxTransactionSize))
            {
                var actions = batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, ETag.All)).ToList();
                try
                {
                    await TableCalls.RunAsync(Table, () => Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    foreach (var row in batch)
                    {
                        await MarkDoneAsync(row, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private async Task AddIfAbsentAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await TableCalls.RunAsync(Table, () => Table.AddEntityAsync(row, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already scheduled (or already done): kept as it is.
        }
    }

    private async Task MarkDoneAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await TableCalls.RunAsync(Table, () => Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Cancelled meanwhile: nothing left to mark.
        }
    }

    private static TableEntity Claim(ClaimableDeadline deadline, string claimant, DateTimeOffset claimUntil)
        => new(Partition(deadline.Deadline.DueAt), RowKey(deadline.Deadline))
        {
            [ClaimedByColumn] = claimant,
            [ClaimedUntilColumn] = claimUntil,
        };

    // Board and Case stay so erasure (a filter on them) still finds the row.
    private static TableEntity DoneRow(Deadline deadline) => new(Partition(deadline.DueAt), RowKey(deadline))
    {
        [BoardColumn] = deadline.BoardId,
        [CaseColumn] = deadline.Case.Value,
        [KindColumn] = deadline.Kind,
        [DueTicksColumn] = deadline.DueAt.UtcTicks,
        [DoneColumn] = true,
    };

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

    // "{board}|{case}|": the start of every row key of one case.
    private static string CasePrefix(TableEntity row)
        => TableKeys.Join(TableKeys.Escape(row.GetString(BoardColumn)), TableKeys.Escape(row.GetString(CaseColumn)), string.Empty);

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
