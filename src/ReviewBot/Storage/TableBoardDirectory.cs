using System.Text.Json;
using Azure.Data.Tables;
using ReviewBot.Core.Boards;
using ReviewBot.Ports;

namespace ReviewBot.Storage;

/// <summary>
/// <see cref="IBoardDirectory"/> on the Boards table (PartitionKey = board id, row <c>config</c>, the configuration
/// as JSON). Boards change rarely and are read on every turn, so the whole list is kept in memory briefly.
/// </summary>
public sealed class TableBoardDirectory : IBoardDirectory
{
    private const string ConfigRow = "config";
    private const string JsonColumn = "Json";
    private const string SourceHashColumn = "SourceHash";

    private readonly StorageTables tables;
    private readonly TimeProvider time;
    private readonly TimeSpan cacheDuration;
    private volatile Snapshot? cache;
    private long generation;

    /// <summary>Creates the directory.</summary>
    /// <param name="tables">The tables.</param>
    /// <param name="timeProvider">Clock for the cache.</param>
    /// <param name="cacheDuration">How long a read of all boards is served from memory (zero: never).</param>
    public TableBoardDirectory(StorageTables tables, TimeProvider timeProvider, TimeSpan cacheDuration)
    {
        this.tables = tables ?? throw new ArgumentNullException(nameof(tables));
        time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.cacheDuration = cacheDuration;
    }

    private TableClient Table => tables.Boards;

    /// <inheritdoc />
    public async Task<BoardConfiguration?> GetAsync(string boardId, CancellationToken cancellationToken)
        => (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => b.BoardId == boardId);

    /// <inheritdoc />
    /// <remarks>Exact match on the tenant id (GUIDs compared without regard to case); the first board by id when several share one.</remarks>
    public async Task<BoardConfiguration?> FindByTenantAsync(string tenantId, CancellationToken cancellationToken)
        => (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => string.Equals(b.TenantId, tenantId, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public async Task<IReadOnlyList<BoardConfiguration>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache is { } cached && cached.ExpiresAt > now)
        {
            return cached.Boards;
        }

        // A read that overlaps a save may have missed it: only a read with no save since it began fills the cache
        // (otherwise a list read just before seeding would hide the seeded board for a whole cache period).
        var seen = Interlocked.Read(ref generation);
        var rows = await TableCalls.QueryListAsync(Table, TableClient.CreateQueryFilter($"RowKey eq {ConfigRow}"), null, cancellationToken).ConfigureAwait(false);
        var boards = rows.Select(Read).OrderBy(b => b.BoardId, StringComparer.Ordinal).ToList();
        if (Interlocked.Read(ref generation) == seen)
        {
            cache = new Snapshot(boards, now + cacheDuration);
        }

        return boards;
    }

    /// <inheritdoc />
    /// <remarks>Keeps the seed file's fingerprint, so an unchanged seed file does not undo this change at the next start.</remarks>
    public async Task SaveAsync(BoardConfiguration board, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        var (_, sourceHash) = await FindSourceHashAsync(board.BoardId, cancellationToken).ConfigureAwait(false);
        await SaveAsync(board, sourceHash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the board is stored, and the fingerprint of the seed file it came from, if any.</summary>
    internal async Task<(bool Exists, string? SourceHash)> FindSourceHashAsync(string boardId, CancellationToken cancellationToken)
    {
        var row = await TableCalls.RunAsync(
            Table, () => Table.GetEntityIfExistsAsync<TableEntity>(Partition(boardId), ConfigRow, [SourceHashColumn], cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue ? (true, row.Value!.GetString(SourceHashColumn)) : (false, null);
    }

    /// <summary>Adds or replaces a board, recording the seed file fingerprint it came from.</summary>
    internal async Task SaveAsync(BoardConfiguration board, string? sourceHash, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Partition(board.BoardId), ConfigRow)
        {
            ["BoardId"] = board.BoardId,
            ["Name"] = board.Name,
            ["TenantId"] = board.TenantId,
        };
        if (sourceHash is not null)
        {
            row[SourceHashColumn] = sourceHash;
        }

        TextParts.Write(row, JsonColumn, TextParts.Split(JsonSerializer.Serialize(board, StorageJson.Options)));
        Interlocked.Increment(ref generation);
        await TableCalls.RunAsync(Table, () => Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref generation);
        cache = null;
    }

    private static string Partition(string boardId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(boardId);
        return TableKeys.Escape(boardId);
    }

    private static BoardConfiguration Read(TableEntity row)
        => JsonSerializer.Deserialize<BoardConfiguration>(TextParts.Read(row, JsonColumn), StorageJson.Options)
            ?? throw new InvalidDataException($"Board row {row.PartitionKey} holds no configuration.");

    private sealed record Snapshot(IReadOnlyList<BoardConfiguration> Boards, DateTimeOffset ExpiresAt);
}
