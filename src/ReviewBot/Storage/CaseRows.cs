using System.Globalization;
using Azure.Data.Tables;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;

namespace ReviewBot.Storage;

/// <summary>Row keys and columns of the Cases table (PartitionKey = board id). See README.md.</summary>
internal static class CaseRows
{
    /// <summary>Every row of a case carries its reference here, so erasure finds them all.</summary>
    public const string CaseColumn = "Case";
    public const string StageColumn = "Stage";
    public const string RulebookColumn = "Rulebook";
    public const string VersionColumn = "Version";
    public const string ReferredAtColumn = "ReferredAt";
    public const string ClosedAtColumn = "ClosedAt";
    public const string IsOpenColumn = "IsOpen";
    public const string JsonColumn = "Json";
    public const string JsonLengthColumn = "JsonLength";
    public const string ChunkSetColumn = "ChunkSet";
    public const string ChunkRowsColumn = "ChunkRows";
    public const string RolesColumn = "Roles";
    public const string ObjectIdColumn = "ObjectId";
    public const string NextColumn = "Next";
    public const string CountColumn = "Count";
    public const string FirstAtColumn = "FirstAt";

    /// <summary>At most this many 30,000-character parts per row: ≤ 240 KB in UTF-16, well under 1 MiB.</summary>
    public const int PartsPerRow = 4;

    /// <summary>Enough to delete a row (a query with $select returns only the columns named).</summary>
    public static readonly string[] KeyColumns = ["PartitionKey", "RowKey", CaseColumn];

    /// <summary>Columns a <see cref="CaseSummary"/> needs, so lists never read the case JSON.</summary>
    public static readonly string[] SummaryColumns =
        [CaseColumn, StageColumn, RulebookColumn, ReferredAtColumn, VersionColumn, ClosedAtColumn];

    public static string Partition(string boardId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(boardId);
        return TableKeys.Escape(boardId);
    }

    public static string Head(CaseReference reference) => TableKeys.Join("case", Ref(reference));

    public static string HeadPrefix => "case" + TableKeys.Separator;

    public static string AuditPrefix(CaseReference reference) => TableKeys.Join("audit", Ref(reference), string.Empty);

    /// <summary>The event that produced <paramref name="version"/>: exactly one per version.</summary>
    public static string AuditChange(CaseReference reference, long version) => AuditPrefix(reference) + Number(version) + "|0";

    /// <summary>An event that changed nothing, sorted after the change that produced the version it saw.</summary>
    public static string AuditNote(CaseReference reference, long version, DateTimeOffset at)
        => AuditPrefix(reference) + Number(version) + "|1|" + Number(at.UtcTicks) + "|" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Refusals of one actor and verb, counted on one row (after the changes in key order). Keyed by a hash, so a
    /// forged object id of any length makes a valid key; the actor and verb are plain columns.
    /// </summary>
    public static string AuditRefusal(CaseReference reference, string actorObjectId, string detail)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(actorObjectId.ToLowerInvariant() + "\n" + detail));
        return AuditPrefix(reference) + "refused|" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Cards posted about the case (bookkeeping, outside the versioned head).</summary>
    public static string PostedPrefix(CaseReference reference) => TableKeys.Join("posted", Ref(reference), string.Empty);

    /// <summary>One posted card: one row per purpose and conversation, so a re-post replaces it.</summary>
    public static string Posted(CaseReference reference, PostedCard card)
        => PostedPrefix(reference) + TableKeys.Join(TableKeys.Escape(card.Purpose), TableKeys.Escape(card.ConversationId));

    /// <summary>The row remembering a posted card.</summary>
    public static TableEntity PostedRow(string partition, CaseReference reference, PostedCard card) => new(partition, Posted(reference, card))
    {
        [CaseColumn] = reference.Value,
        ["Purpose"] = card.Purpose,
        ["ConversationId"] = card.ConversationId,
        ["ActivityId"] = card.ActivityId,
        ["Viewer"] = card.ViewerObjectId,
    };

    public static string ChunkPrefix(CaseReference reference, string chunkSet) => TableKeys.Join("chunk", Ref(reference), chunkSet, string.Empty);

    public static string Chunk(CaseReference reference, string chunkSet, int index)
        => ChunkPrefix(reference, chunkSet) + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Object ids are opaque but compared case-insensitively, so keys use the lower-case form.</summary>
    public static string RolePrefix(string objectId) => TableKeys.Join("role", TableKeys.Escape(objectId.ToLowerInvariant()), string.Empty);

    public static string Role(string objectId, CaseReference reference) => RolePrefix(objectId) + Ref(reference);

    public static string Submission(string submissionId) => TableKeys.Join("submission", TableKeys.Escape(submissionId));

    public static string Counter(RulebookKind rulebook, int year)
        => TableKeys.Join("counter", string.Create(CultureInfo.InvariantCulture, $"{rulebook}-{year:D4}"));

    public static CaseSummary ToSummary(TableEntity head)
    {
        if (!CaseReference.TryParse(head.GetString(CaseColumn), out var reference))
        {
            throw new InvalidDataException($"Row {head.RowKey} has no valid case reference.");
        }

        return new CaseSummary(
            reference,
            Enum.Parse<CaseStage>(head.GetString(StageColumn)),
            Enum.Parse<RulebookKind>(head.GetString(RulebookColumn)),
            head.GetDateTimeOffset(ReferredAtColumn) ?? DateTimeOffset.MinValue,
            head.GetInt64(VersionColumn) ?? 0,
            head.GetDateTimeOffset(ClosedAtColumn));
    }

    public static TableEntity ToAuditRow(string partition, string rowKey, CaseEvent auditEvent)
    {
        var row = new TableEntity(partition, rowKey)
        {
            [CaseColumn] = auditEvent.Case.Value,
            ["Action"] = auditEvent.Action,
            ["ActorObjectId"] = auditEvent.ActorObjectId,
            ["At"] = auditEvent.At,
            [VersionColumn] = auditEvent.Version,
        };
        if (auditEvent.CorrelationId is { } correlationId)
        {
            row["CorrelationId"] = correlationId;
        }

        if (auditEvent.Detail is { } detail)
        {
            row["Detail"] = detail;
        }

        if (auditEvent.StageBefore is { } before)
        {
            row["StageBefore"] = before.ToString();
        }

        if (auditEvent.StageAfter is { } after)
        {
            row["StageAfter"] = after.ToString();
        }

        return row;
    }

    public static CaseEvent ToEvent(TableEntity row)
    {
        return new CaseEvent
        {
            Case = CaseReference.TryParse(row.GetString(CaseColumn), out var reference)
                ? reference
                : throw new InvalidDataException($"Audit row {row.RowKey} has no valid case reference."),
            Action = row.GetString("Action"),
            ActorObjectId = row.GetString("ActorObjectId"),
            At = row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
            StageBefore = row.GetString("StageBefore") is { } before ? Enum.Parse<CaseStage>(before) : null,
            StageAfter = row.GetString("StageAfter") is { } after ? Enum.Parse<CaseStage>(after) : null,
            Version = row.GetInt64(VersionColumn) ?? 0,
            CorrelationId = row.GetString("CorrelationId"),
            Detail = row.GetString("Detail"),
            Count = row.GetInt32(CountColumn) ?? 1,
            FirstAt = row.GetDateTimeOffset(FirstAtColumn),
        };
    }

    /// <summary>One row per person with any role on the case (roles comma-separated), keyed by lower-case object id.</summary>
    public static Dictionary<string, TableEntity> RoleRows(string partition, ReviewCase reviewCase)
        => reviewCase.Parties
            .GroupBy(p => p.ObjectId.ToLowerInvariant())
            .ToDictionary(
                g => g.Key,
                g => new TableEntity(partition, Role(g.Key, reviewCase.Reference))
                {
                    [CaseColumn] = reviewCase.Reference.Value,
                    [ObjectIdColumn] = g.Key,
                    [RolesColumn] = string.Join(',', g.Select(p => p.Role.ToString()).Distinct().Order(StringComparer.Ordinal)),
                },
                StringComparer.Ordinal);

    private static string Ref(CaseReference reference)
    {
        if (reference.Value is null)
        {
            throw new ArgumentException("The case reference is empty.", nameof(reference));
        }

        return TableKeys.Escape(reference.Value);
    }

    private static string Number(long value) => value.ToString("D19", CultureInfo.InvariantCulture);
}
