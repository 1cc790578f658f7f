using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Ports;
using ReviewBot.Telemetry;

namespace ReviewBot.Storage;

/// <summary>
/// <see cref="ICaseStore"/> on the Cases table. Everything about a case lives in its board's partition, so a
/// change (head row, conditional on its ETag), its audit row and its role rows are written in one transaction.
/// Large case JSON goes to write-once chunk rows written before the transaction that points the head at them.
/// </summary>
public sealed partial class TableCaseStore : ICaseStore
{
    private const int MaxUpdateAttempts = 8;

    /// <summary>Longest actor id kept on a refusal record (a real one is a 36-character GUID).</summary>
    private const int MaxStoredActorLength = 256;
    private const int MaxAllocateAttempts = 100;

    // Two chunk rows (≤ 720 KB each even if every character were escaped on the wire) stay far below
    // the 4 MiB transaction payload.
    private const int ChunkRowsPerBatch = 2;

    private readonly StorageTables tables;
    private readonly TimeProvider time;
    private readonly ILogger<TableCaseStore> logger;
    private readonly ReviewBotTelemetry? telemetry;

    /// <summary>Creates the store.</summary>
    public TableCaseStore(StorageTables tables, TimeProvider timeProvider, ILogger<TableCaseStore> logger, ReviewBotTelemetry? telemetry = null)
    {
        this.telemetry = telemetry;
        this.tables = tables ?? throw new ArgumentNullException(nameof(tables));
        time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    private TableClient Table => tables.Cases;

    /// <inheritdoc />
    public async Task<ReviewCase?> FindAsync(string boardId, CaseReference reference, CancellationToken cancellationToken)
        => (await LoadAsync(CaseRows.Partition(boardId), reference, cancellationToken).ConfigureAwait(false))?.Case;

    /// <inheritdoc />
    public async Task<ReviewCase?> FindBySubmissionAsync(string boardId, string submissionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(submissionId);
        var partition = CaseRows.Partition(boardId);
        var row = await TableCalls.RunAsync(
            Table,
            () => Table.GetEntityIfExistsAsync<TableEntity>(partition, CaseRows.Submission(submissionId), [CaseRows.CaseColumn], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return row.HasValue && CaseReference.TryParse(row.Value!.GetString(CaseRows.CaseColumn), out var reference)
            ? await FindAsync(boardId, reference, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <inheritdoc />
    public async Task<CaseReference> AllocateReferenceAsync(string boardId, RulebookKind rulebook, int year, CancellationToken cancellationToken)
    {
        var partition = CaseRows.Partition(boardId);
        var key = CaseRows.Counter(rulebook, year);
        (string WriteId, int Sequence)? pending = null;
        for (var attempt = 1; attempt <= MaxAllocateAttempts; attempt++)
        {
            var counter = await TableCalls.RunAsync(
                Table, () => Table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);

            // A write whose response was lost (and whose retry then conflicted) may still have landed.
            if (pending is { } mine && counter.HasValue && counter.Value!.GetString("WriteId") == mine.WriteId)
            {
                return CaseReference.Create(rulebook, year, mine.Sequence);
            }

            var sequence = counter.HasValue ? counter.Value!.GetInt32(CaseRows.NextColumn) ?? 1 : 1;
            var writeId = Guid.NewGuid().ToString("N");
            pending = (writeId, sequence);
            var next = new TableEntity(partition, key) { [CaseRows.NextColumn] = sequence + 1, ["WriteId"] = writeId };
            try
            {
                await TableCalls.RunAsync(
                    Table,
                    () => counter.HasValue
                        ? Table.UpdateEntityAsync(next, counter.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                        : Table.AddEntityAsync(next, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                return CaseReference.Create(rulebook, year, sequence);
            }
            catch (RequestFailedException e) when (StorageFaults.IsConflict(e))
            {
                await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new CaseConflictException($"Reference allocation for {rulebook} {year} kept conflicting; no reference was issued.");
    }

    /// <inheritdoc />
    public Task<ReviewCase> CreateAsync(ReviewCase newCase, CaseEvent created, string submissionId, CancellationToken cancellationToken)
        => CreateAsync(newCase, created, submissionId, [], cancellationToken);

    /// <inheritdoc />
    public async Task<ReviewCase> CreateAsync(
        ReviewCase newCase, CaseEvent created, string submissionId, IReadOnlyList<CaseEffect> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentNullException.ThrowIfNull(newCase);
        ArgumentNullException.ThrowIfNull(created);
        ArgumentException.ThrowIfNullOrWhiteSpace(submissionId);
        if (created.Case != newCase.Reference)
        {
            throw new ArgumentException("The creation event is for another case.", nameof(created));
        }

        var existing = await FindBySubmissionAsync(newCase.BoardId, submissionId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var partition = CaseRows.Partition(newCase.BoardId);
        var reference = newCase.Reference;
        var stored = newCase with { Version = 1 };
        var write = Prepare(partition, stored);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, write.Head),
            new(TableTransactionActionType.Add, new TableEntity(partition, CaseRows.Submission(submissionId))
            {
                [CaseRows.CaseColumn] = reference.Value,
                ["SubmissionId"] = submissionId,
            }),
            new(TableTransactionActionType.Add, AuditChangeRow(partition, created with { Version = 1, StageAfter = stored.Stage }, write.WriteId)),
        ];
        actions.AddRange(CaseRows.RoleRows(partition, stored).Values.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        actions.AddRange(EffectRows.Add(partition, newCase.BoardId, stored, effects, time.GetUtcNow()));
        try
        {
            await CommitAsync(reference, write, actions, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageFaults.IsConflict(e))
        {
            // The client retries a transaction whose response was lost: then the conflict is with ourselves.
            if (!await HeadWrittenByAsync(partition, reference, write.WriteId, cancellationToken).ConfigureAwait(false))
            {
                await DeleteChunkSetAsync(partition, reference, write).ConfigureAwait(false);
                return await FindBySubmissionAsync(newCase.BoardId, submissionId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Case {reference} already exists under another submission.", e);
            }
        }

        LogCreated(reference);
        return stored;
    }

    /// <inheritdoc />
    public async Task<CaseUpdateResult> UpdateAsync(
        string boardId, CaseReference reference, Func<ReviewCase, CaseChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var partition = CaseRows.Partition(boardId);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadAsync(partition, reference, cancellationToken).ConfigureAwait(false);
            if (loaded is null)
            {
                return new CaseUpdateResult(null, false);
            }

            var change = decide(loaded.Case);
            if (change is null)
            {
                return new CaseUpdateResult(loaded.Case, false);
            }

            if (change.Updated.Reference != reference || change.Updated.BoardId != loaded.Case.BoardId)
            {
                throw new ArgumentException($"The change to {reference} names another case.", nameof(decide));
            }

            var version = loaded.Case.Version + 1;
            var updated = change.Updated with { Version = version };
            var write = Prepare(partition, updated);
            if (updated.DeliveryProblem is { } problem)
            {
                // Not part of the case: kept until the dispatcher clears it.
                write.Head[EffectRows.DeliveryProblemColumn] = problem;
            }

            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateReplace, write.Head, loaded.Head.ETag),
                new(TableTransactionActionType.Add, AuditChangeRow(partition, Stamp(change.Event, loaded.Case, updated), write.WriteId)),
            ];
            actions.AddRange(RoleChanges(partition, loaded.Case, updated));
            actions.AddRange(EffectRows.Add(partition, boardId, updated, change.Effects, time.GetUtcNow()));
            try
            {
                await CommitAsync(reference, write, actions, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
                if (!await CommittedAsync(partition, reference, version, write.WriteId, cancellationToken).ConfigureAwait(false))
                {
                    telemetry?.StorageConflict("case");
                    await DeleteChunkSetAsync(partition, reference, write).ConfigureAwait(false);
                    if (attempt >= MaxUpdateAttempts)
                    {
                        LogConflict(reference, attempt);
                        throw new CaseConflictException(reference);
                    }

                    await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            await DeleteReplacedChunksAsync(partition, reference, loaded.Head, write.ChunkSet).ConfigureAwait(false);
            return new CaseUpdateResult(updated, true);
        }
    }

    /// <inheritdoc />
    public async Task AppendEventAsync(string boardId, CaseEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var partition = CaseRows.Partition(boardId);
        var reference = auditEvent.Case;
        var head = await TableCalls.RunAsync(
            Table,
            () => Table.GetEntityIfExistsAsync<TableEntity>(partition, CaseRows.Head(reference), [CaseRows.VersionColumn, CaseRows.StageColumn], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!head.HasValue)
        {
            throw new InvalidOperationException($"Case {reference} does not exist; the event was not recorded.");
        }

        // Nothing changed, so both stages are the current one unless the caller said otherwise.
        var stage = Enum.Parse<CaseStage>(head.Value!.GetString(CaseRows.StageColumn));
        var noted = auditEvent with { StageBefore = auditEvent.StageBefore ?? stage, StageAfter = auditEvent.StageAfter ?? stage };
        var row = CaseRows.ToAuditRow(partition, CaseRows.AuditNote(reference, head.Value!.GetInt64(CaseRows.VersionColumn) ?? 0, auditEvent.At), noted);
        await TableCalls.RunAsync(Table, () => Table.AddEntityAsync(row, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RecordRefusalAsync(string boardId, CaseEvent refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var partition = CaseRows.Partition(boardId);
        var rowKey = CaseRows.AuditRefusal(refusal.Case, refusal.ActorObjectId, refusal.Detail ?? refusal.Action);
        // Object ids are GUIDs; a forged one of any length must still fit a table property.
        var noted = refusal.ActorObjectId.Length <= MaxStoredActorLength ? refusal : refusal with { ActorObjectId = refusal.ActorObjectId[..MaxStoredActorLength] + "…" };
        for (var attempt = 1; ; attempt++)
        {
            var existing = await TableCalls.RunAsync(Table, () => Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            try
            {
                await TableCalls.RunAsync(Table, () => existing.HasValue ? CountAgainAsync(existing.Value!, noted, cancellationToken) : FirstRefusalAsync(partition, rowKey, noted, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another press of the same flood counted first: read the row again.
                if (attempt >= MaxUpdateAttempts)
                {
                    LogRefusalUncounted(refusal.Case, attempt);
                    return;
                }

                await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task<Response> FirstRefusalAsync(string partition, string rowKey, CaseEvent refusal, CancellationToken cancellationToken)
    {
        var row = CaseRows.ToAuditRow(partition, rowKey, refusal with { Version = 0 });
        row[CaseRows.CountColumn] = 1;
        row[CaseRows.FirstAtColumn] = refusal.At;
        return Table.AddEntityAsync(row, cancellationToken);
    }

    private Task<Response> CountAgainAsync(TableEntity row, CaseEvent refusal, CancellationToken cancellationToken)
    {
        row[CaseRows.CountColumn] = (row.GetInt32(CaseRows.CountColumn) ?? 1) + 1;
        row["At"] = refusal.At;
        row["StageBefore"] = refusal.StageBefore?.ToString();
        row["StageAfter"] = refusal.StageAfter?.ToString();
        row["CorrelationId"] = refusal.CorrelationId;
        return Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RecordPostedCardAsync(string boardId, CaseReference reference, PostedCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var row = CaseRows.PostedRow(CaseRows.Partition(boardId), reference, card);
        await TableCalls.RunAsync(Table, () => Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PostedCard>> ListPostedCardsAsync(string boardId, CaseReference reference, CancellationToken cancellationToken)
    {
        var rows = await TableCalls.QueryListAsync(Table, TableKeys.PrefixFilter(CaseRows.Partition(boardId), CaseRows.PostedPrefix(reference)), null, cancellationToken)
            .ConfigureAwait(false);
        return [.. rows.Select(r => new PostedCard(r.GetString("Purpose"), r.GetString("ConversationId"), r.GetString("ActivityId"), r.GetString("Viewer")))];
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CaseEvent> ReadAuditAsync(string boardId, CaseReference reference, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableKeys.PrefixFilter(CaseRows.Partition(boardId), CaseRows.AuditPrefix(reference));
        await foreach (var row in TableCalls.QueryAsync(Table, filter, null, cancellationToken).ConfigureAwait(false))
        {
            yield return CaseRows.ToEvent(row);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<CaseSummary> ListOpenAsync(string boardId, CaseStage? stage, CancellationToken cancellationToken)
    {
        var filter = TableKeys.PrefixFilter(CaseRows.Partition(boardId), CaseRows.HeadPrefix) + " and IsOpen eq true";
        if (stage is { } wanted)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Stage eq {wanted.ToString()}");
        }

        return ListHeadsAsync(filter, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CaseSummary> ListForPersonAsync(string boardId, string objectId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        var partition = CaseRows.Partition(boardId);
        var roles = await TableCalls.QueryListAsync(Table, TableKeys.PrefixFilter(partition, CaseRows.RolePrefix(objectId)), [CaseRows.CaseColumn], cancellationToken)
            .ConfigureAwait(false);
        foreach (var role in roles)
        {
            if (!CaseReference.TryParse(role.GetString(CaseRows.CaseColumn), out var reference))
            {
                continue;
            }

            var head = await TableCalls.RunAsync(
                Table,
                () => Table.GetEntityIfExistsAsync<TableEntity>(partition, CaseRows.Head(reference), CaseRows.SummaryColumns, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (head.HasValue)
            {
                yield return CaseRows.ToSummary(head.Value!);
            }
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<CaseSummary> ListClosedBeforeAsync(string boardId, DateTimeOffset closedBefore, CancellationToken cancellationToken)
    {
        var filter = TableKeys.PrefixFilter(CaseRows.Partition(boardId), CaseRows.HeadPrefix)
            + " and " + TableClient.CreateQueryFilter($"IsOpen eq {false} and ClosedAt lt {closedBefore}");
        return ListHeadsAsync(filter, cancellationToken);
    }

    /// <inheritdoc />
    public async Task EraseAsync(string boardId, CaseReference reference, ErasureRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Reference != reference)
        {
            throw new ArgumentException("The erasure record is for another case.", nameof(record));
        }

        var partition = CaseRows.Partition(boardId);

        // The record comes first: if erasure stops half way, it says so, and erasing again finishes the job.
        var erasure = new TableEntity(partition, TableKeys.Escape(reference.Value))
        {
            [CaseRows.CaseColumn] = reference.Value,
            ["BoardId"] = boardId,
            ["ErasedAt"] = record.ErasedAt,
            ["ErasedBy"] = record.ErasedBy,
            ["Reason"] = record.Reason,
        };
        await TableCalls.RunAsync(tables.Erasures, () => tables.Erasures.UpsertEntityAsync(erasure, TableUpdateMode.Replace, cancellationToken), cancellationToken)
            .ConfigureAwait(false);

        // Deadlines are partitioned by date, so finding a case's entries scans the table: fine for a rare erasure.
        var deadlines = await TableCalls.QueryListAsync(
            tables.Deadlines, TableClient.CreateQueryFilter($"Board eq {boardId} and Case eq {reference.Value}"), CaseRows.KeyColumns, cancellationToken)
            .ConfigureAwait(false);
        await TableCalls.DeleteRowsAsync(tables.Deadlines, deadlines, cancellationToken).ConfigureAwait(false);

        // Every row of the case carries its reference. The head goes last, conditional on the head we saw:
        // a change made meanwhile (new audit or role rows) makes us look again.
        var caseFilter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Case eq {reference.Value}");
        for (var attempt = 1; ; attempt++)
        {
            var rows = await TableCalls.QueryListAsync(Table, caseFilter, CaseRows.KeyColumns, cancellationToken).ConfigureAwait(false);
            var headKey = CaseRows.Head(reference);
            await TableCalls.DeleteRowsAsync(Table, rows.Where(r => r.RowKey != headKey).ToList(), cancellationToken).ConfigureAwait(false);
            var head = rows.Find(r => r.RowKey == headKey);
            if (head is null)
            {
                break;
            }

            try
            {
                await TableCalls.RunAsync(Table, () => Table.DeleteEntityAsync(partition, headKey, head.ETag, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                if (attempt >= MaxUpdateAttempts)
                {
                    throw new CaseConflictException($"Case {reference} kept changing during its erasure; erase it again.", e);
                }

                await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        LogErased(reference);
    }

    /// <summary>
    /// Removes chunk rows of a board that no head points to and that are older than <paramref name="olderThan"/>
    /// (left by a write that failed during an outage). Rows younger than that may belong to a write in flight.
    /// </summary>
    /// <returns>How many rows were removed.</returns>
    public async Task<int> CollectOrphanChunksAsync(string boardId, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var partition = CaseRows.Partition(boardId);
        var cutoff = time.GetUtcNow() - olderThan;
        var chunks = await TableCalls.QueryListAsync(
            Table, TableKeys.PrefixFilter(partition, "chunk" + TableKeys.Separator), [.. CaseRows.KeyColumns, "Timestamp", CaseRows.ChunkSetColumn], cancellationToken)
            .ConfigureAwait(false);
        var orphans = new List<TableEntity>();
        foreach (var byCase in chunks.Where(c => c.Timestamp < cutoff).GroupBy(c => c.GetString(CaseRows.CaseColumn)))
        {
            if (!CaseReference.TryParse(byCase.Key, out var reference))
            {
                continue;
            }

            var head = await TableCalls.RunAsync(
                Table,
                () => Table.GetEntityIfExistsAsync<TableEntity>(partition, CaseRows.Head(reference), [CaseRows.ChunkSetColumn], cancellationToken),
                cancellationToken).ConfigureAwait(false);
            var live = head.HasValue ? head.Value!.GetString(CaseRows.ChunkSetColumn) : null;
            orphans.AddRange(byCase.Where(c => c.GetString(CaseRows.ChunkSetColumn) != live));
        }

        await TableCalls.DeleteRowsAsync(Table, orphans, cancellationToken).ConfigureAwait(false);
        return orphans.Count;
    }

    /// <summary>The event as stored: the store knows the version and the true stages before and after.</summary>
    private static CaseEvent Stamp(CaseEvent auditEvent, ReviewCase before, ReviewCase after)
        => auditEvent with { Case = after.Reference, Version = after.Version, StageBefore = before.Stage, StageAfter = after.Stage };

    private static TableEntity AuditChangeRow(string partition, CaseEvent auditEvent, string writeId)
    {
        var row = CaseRows.ToAuditRow(partition, CaseRows.AuditChange(auditEvent.Case, auditEvent.Version), auditEvent);
        row["WriteId"] = writeId;
        return row;
    }

    private static IEnumerable<TableTransactionAction> RoleChanges(string partition, ReviewCase before, ReviewCase after)
    {
        var old = CaseRows.RoleRows(partition, before);
        var now = CaseRows.RoleRows(partition, after);
        foreach (var (objectId, row) in now)
        {
            if (!old.TryGetValue(objectId, out var previous) || previous.GetString(CaseRows.RolesColumn) != row.GetString(CaseRows.RolesColumn))
            {
                yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, row);
            }
        }

        foreach (var (objectId, row) in old)
        {
            if (!now.ContainsKey(objectId))
            {
                yield return new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All);
            }
        }
    }

    /// <summary>The serialised case as a head row and, when too long for one row, chunk rows.</summary>
    private static CaseWrite Prepare(string partition, ReviewCase reviewCase)
    {
        var json = JsonSerializer.Serialize(reviewCase, StorageJson.Options);
        var parts = TextParts.Split(json);
        var writeId = Guid.NewGuid().ToString("N");
        var head = new TableEntity(partition, CaseRows.Head(reviewCase.Reference))
        {
            [CaseRows.CaseColumn] = reviewCase.Reference.Value,
            [CaseRows.StageColumn] = reviewCase.Stage.ToString(),
            [CaseRows.RulebookColumn] = reviewCase.Rulebook.ToString(),
            [CaseRows.VersionColumn] = reviewCase.Version,
            [CaseRows.ReferredAtColumn] = reviewCase.ReferredAt,
            [CaseRows.IsOpenColumn] = reviewCase.Stage.IsOpen(),
            [CaseRows.JsonLengthColumn] = json.Length,
            ["WriteId"] = writeId,
        };
        if (reviewCase.ClosedAt is { } closedAt)
        {
            head[CaseRows.ClosedAtColumn] = closedAt;
        }

        if (parts.Count <= CaseRows.PartsPerRow)
        {
            TextParts.Write(head, CaseRows.JsonColumn, parts);
            return new CaseWrite(head, [], null, writeId);
        }

        var chunks = parts.Chunk(CaseRows.PartsPerRow)
            .Select((group, index) =>
            {
                var row = new TableEntity(partition, CaseRows.Chunk(reviewCase.Reference, writeId, index))
                {
                    [CaseRows.CaseColumn] = reviewCase.Reference.Value,
                    [CaseRows.ChunkSetColumn] = writeId,
                };
                TextParts.Write(row, CaseRows.JsonColumn, group);
                return row;
            })
            .ToList();
        head[CaseRows.ChunkSetColumn] = writeId;
        head[CaseRows.ChunkRowsColumn] = chunks.Count;
        return new CaseWrite(head, chunks, writeId, writeId);
    }

    private async IAsyncEnumerable<CaseSummary> ListHeadsAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var head in TableCalls.QueryAsync(Table, filter, CaseRows.SummaryColumns, cancellationToken).ConfigureAwait(false))
        {
            yield return CaseRows.ToSummary(head);
        }
    }

    private async Task<LoadedCase?> LoadAsync(string partition, CaseReference reference, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxUpdateAttempts; attempt++)
        {
            var head = await TableCalls.RunAsync(
                Table, () => Table.GetEntityIfExistsAsync<TableEntity>(partition, CaseRows.Head(reference), cancellationToken: cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            if (!head.HasValue)
            {
                return null;
            }

            var json = await ReadJsonAsync(partition, reference, head.Value!, cancellationToken).ConfigureAwait(false);
            if (json is not null)
            {
                var reviewCase = JsonSerializer.Deserialize<ReviewCase>(json, StorageJson.Options)
                    ?? throw new InvalidDataException($"Case {reference} is stored as null.");
                var problem = head.Value!.GetString(EffectRows.DeliveryProblemColumn);
                return new LoadedCase(reviewCase with { DeliveryProblem = string.IsNullOrEmpty(problem) ? null : problem }, head.Value!);
            }

            // The head moved on and its old chunks went between our two reads: read the new head.
        }

        throw new CaseConflictException(reference);
    }

    private async Task<string?> ReadJsonAsync(string partition, CaseReference reference, TableEntity head, CancellationToken cancellationToken)
    {
        var length = head.GetInt32(CaseRows.JsonLengthColumn) ?? 0;
        var json = new StringBuilder(length);
        if (head.GetString(CaseRows.ChunkSetColumn) is not { } chunkSet)
        {
            TextParts.Read(head, CaseRows.JsonColumn, json);
        }
        else
        {
            var chunks = await TableCalls.QueryListAsync(Table, TableKeys.PrefixFilter(partition, CaseRows.ChunkPrefix(reference, chunkSet)), null, cancellationToken)
                .ConfigureAwait(false);
            if (chunks.Count != head.GetInt32(CaseRows.ChunkRowsColumn))
            {
                return null;
            }

            foreach (var chunk in chunks)
            {
                TextParts.Read(chunk, CaseRows.JsonColumn, json);
            }
        }

        return json.Length == length ? json.ToString() : throw new InvalidDataException($"Case {reference} is stored incomplete.");
    }

    /// <summary>
    /// Writes the chunk rows, then the transaction that makes them visible. On failure the caller decides about
    /// the chunk rows: after an outage the transaction may have landed, so they stay (the orphan sweep collects
    /// them if not).
    /// </summary>
    private async Task CommitAsync(CaseReference reference, CaseWrite write, List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count > TableCalls.MaxTransactionSize)
        {
            throw new InvalidOperationException($"A change to case {reference} needs {actions.Count} rows; a transaction holds {TableCalls.MaxTransactionSize}.");
        }

        foreach (var batch in write.Chunks.Chunk(ChunkRowsPerBatch))
        {
            var chunkActions = batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)).ToList();
            await TableCalls.RunAsync(Table, () => Table.SubmitTransactionAsync(chunkActions, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        await TableCalls.RunAsync(Table, () => Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> HeadWrittenByAsync(string partition, CaseReference reference, string writeId, CancellationToken cancellationToken)
    {
        var head = await TableCalls.RunAsync(
            Table,
            () => Table.GetEntityIfExistsAsync<TableEntity>(partition, CaseRows.Head(reference), ["WriteId"], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return head.HasValue && head.Value!.GetString("WriteId") == writeId;
    }

    /// <summary>True when the change to <paramref name="version"/> with this write id is stored (its response may have been lost).</summary>
    private async Task<bool> CommittedAsync(string partition, CaseReference reference, long version, string writeId, CancellationToken cancellationToken)
    {
        var audit = await TableCalls.RunAsync(
            Table,
            () => Table.GetEntityIfExistsAsync<TableEntity>(partition, CaseRows.AuditChange(reference, version), ["WriteId"], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return audit.HasValue && audit.Value!.GetString("WriteId") == writeId;
    }

    /// <summary>After a head switch: removes the chunk rows the old head pointed to (no one else ever points to them).</summary>
    private async Task DeleteReplacedChunksAsync(string partition, CaseReference reference, TableEntity oldHead, string? keep)
    {
        if (oldHead.GetString(CaseRows.ChunkSetColumn) is { } replaced && replaced != keep)
        {
            await DeleteChunkSetAsync(partition, reference, replaced, oldHead.GetInt32(CaseRows.ChunkRowsColumn) ?? 0).ConfigureAwait(false);
        }
    }

    private Task DeleteChunkSetAsync(string partition, CaseReference reference, CaseWrite write)
        => write.ChunkSet is { } chunkSet ? DeleteChunkSetAsync(partition, reference, chunkSet, write.Chunks.Count) : Task.CompletedTask;

    private async Task DeleteChunkSetAsync(string partition, CaseReference reference, string chunkSet, int count)
    {
        try
        {
            for (var index = 0; index < count; index++)
            {
                var key = CaseRows.Chunk(reference, chunkSet, index);
                await TableCalls.RunAsync(Table, () => Table.DeleteEntityAsync(partition, key, ETag.All, CancellationToken.None), CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }
        catch (StoreUnavailableException e)
        {
            // Left for the orphan sweep (or the case's erasure).
            LogChunkCleanupFailed(e, reference);
        }
    }

    /// <summary>Full jitter, doubling to at most half a second: racing writers spread out instead of colliding again.</summary>
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken)
        => Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(500, 10 << Math.Min(attempt, 6)))), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {Reference}: a repeated refusal was not counted after {Attempts} conflicting attempts (its record exists)")]
    private partial void LogRefusalUncounted(CaseReference reference, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Reference} created")]
    private partial void LogCreated(CaseReference reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {Reference}: change abandoned after {Attempts} conflicting attempts")]
    private partial void LogConflict(CaseReference reference, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Reference} erased")]
    private partial void LogErased(CaseReference reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {Reference}: unused chunk rows could not be removed yet")]
    private partial void LogChunkCleanupFailed(Exception exception, CaseReference reference);

    private sealed record LoadedCase(ReviewCase Case, TableEntity Head);

    /// <summary>A case ready to write: its head row, chunk rows when large, and the id tagging this attempt.</summary>
    private sealed record CaseWrite(TableEntity Head, IReadOnlyList<TableEntity> Chunks, string? ChunkSet, string WriteId);
}
