using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;

namespace ReviewBot.Storage;

/// <summary>
/// Outbox rows in the Cases table, in the case's board partition so they join the case's batch:
/// RowKey <c>fx|{ref}|{version:D19}|{index:D3}</c>. Every pending effect of a board shares the <c>fx|</c> prefix,
/// so "what is left to do" is one range query per board. A done effect's row is deleted.
/// </summary>
internal static class EffectRows
{
    public const string Prefix = "fx|";
    public const string BoardColumn = "Board";
    public const string IndexColumn = "Index";
    public const string KindColumn = "Kind";
    public const string PayloadColumn = "Payload";
    public const string IdempotencyKeyColumn = "IdempotencyKey";
    public const string AttemptsColumn = "Attempts";
    public const string NextAttemptAtColumn = "NextAttemptAt";
    public const string ClaimedByColumn = "ClaimedBy";
    public const string ClaimedUntilColumn = "ClaimedUntil";
    public const string StuckColumn = "Stuck";
    public const string LastErrorColumn = "LastError";

    /// <summary>Head-row column: what keeps failing, for the business manager (empty when nothing does).</summary>
    public const string DeliveryProblemColumn = "DeliveryProblem";

    public static string CasePrefix(CaseReference reference) => TableKeys.Join("fx", TableKeys.Escape(reference.Value), string.Empty);

    public static string ChangePrefix(CaseReference reference, long version) => CasePrefix(reference) + Number(version) + TableKeys.Separator;

    public static string Key(CaseReference reference, long version, int index)
        => ChangePrefix(reference, version) + index.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>The rows for a change's effects (written in the change's transaction).</summary>
    public static IEnumerable<TableTransactionAction> Add(string partition, string boardId, ReviewCase stored, IReadOnlyList<CaseEffect> effects, DateTimeOffset now)
        => effects.Select((effect, index) => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, Key(stored.Reference, stored.Version, index))
        {
            [CaseRows.CaseColumn] = stored.Reference.Value,
            [BoardColumn] = boardId,
            [CaseRows.VersionColumn] = stored.Version,
            [IndexColumn] = index,
            [KindColumn] = effect.Kind,
            [PayloadColumn] = JsonSerializer.Serialize(effect, StorageJson.Options),
            [IdempotencyKeyColumn] = $"{stored.Reference.Value}/v{stored.Version.ToString(CultureInfo.InvariantCulture)}/{index.ToString(CultureInfo.InvariantCulture)}",
            [AttemptsColumn] = 0,
            [NextAttemptAtColumn] = now,
            [StuckColumn] = false,
        }));

    public static PendingEffect ToPending(TableEntity row)
    {
        if (!CaseReference.TryParse(row.GetString(CaseRows.CaseColumn), out var reference))
        {
            throw new InvalidDataException($"Outbox row {row.RowKey} has no valid case reference.");
        }

        var effect = JsonSerializer.Deserialize<CaseEffect>(row.GetString(PayloadColumn) ?? "null", StorageJson.Options)
            ?? throw new InvalidDataException($"Outbox row {row.RowKey} has no effect.");
        return new PendingEffect(
            row.GetString(BoardColumn),
            reference,
            row.GetInt64(CaseRows.VersionColumn) ?? 0,
            row.GetInt32(IndexColumn) ?? 0,
            effect,
            row.GetString(IdempotencyKeyColumn),
            row.GetInt32(AttemptsColumn) ?? 0,
            row.GetDateTimeOffset(NextAttemptAtColumn) ?? DateTimeOffset.MinValue,
            row.GetString(ClaimedByColumn),
            row.GetDateTimeOffset(ClaimedUntilColumn),
            row.GetBoolean(StuckColumn) ?? false,
            row.ETag.ToString());
    }

    private static string Number(long value) => value.ToString("D19", CultureInfo.InvariantCulture);
}

/// <summary>An effect waiting in the outbox, as read, with what is needed to claim it.</summary>
/// <param name="BoardId">The board.</param>
/// <param name="Case">The case that set it off.</param>
/// <param name="Version">The case version whose change set it off.</param>
/// <param name="Index">Its place among that change's effects.</param>
/// <param name="Effect">What to do.</param>
/// <param name="IdempotencyKey">Unique per effect (<c>{ref}/v{version}/{index}</c>), for services that take one.</param>
/// <param name="Attempts">Tries that failed so far.</param>
/// <param name="NextAttemptAt">Not before.</param>
/// <param name="ClaimedBy">The instance running it, if any.</param>
/// <param name="ClaimedUntil">Until when that claim holds.</param>
/// <param name="Stuck">True once the quick tries are used up (shown to the business manager).</param>
/// <param name="ETag">Concurrency token of the row as read.</param>
public sealed record PendingEffect(
    string BoardId, CaseReference Case, long Version, int Index, CaseEffect Effect, string IdempotencyKey,
    int Attempts, DateTimeOffset NextAttemptAt, string? ClaimedBy, DateTimeOffset? ClaimedUntil, bool Stuck, string ETag);
