using Azure;
using Azure.Data.Tables;
using ReviewBot.Core.Cases;

namespace ReviewBot.Storage;

/// <summary>
/// The outbox rows <see cref="TableCaseStore"/> writes with each change (see <see cref="EffectRows"/>): found per
/// change (the fast path) or per board (leftovers), claimed with an ETag lease, deleted when done, pushed back
/// with a later next-attempt time when a try fails.
/// </summary>
public sealed class TableEffectOutbox
{
    private readonly StorageTables tables;

    /// <summary>Creates the outbox.</summary>
    public TableEffectOutbox(StorageTables tables) => this.tables = tables ?? throw new ArgumentNullException(nameof(tables));

    private TableClient Table => tables.Cases;

    /// <summary>The effects one change set off that are not done yet.</summary>
    public Task<IReadOnlyList<PendingEffect>> ListForChangeAsync(string boardId, CaseReference reference, long version, CancellationToken cancellationToken)
        => ListAsync(TableKeys.PrefixFilter(CaseRows.Partition(boardId), EffectRows.ChangePrefix(reference, version)), cancellationToken);

    /// <summary>Every effect of a case that is not done yet.</summary>
    public Task<IReadOnlyList<PendingEffect>> ListForCaseAsync(string boardId, CaseReference reference, CancellationToken cancellationToken)
        => ListAsync(TableKeys.PrefixFilter(CaseRows.Partition(boardId), EffectRows.CasePrefix(reference)), cancellationToken);

    /// <summary>A board's effects whose next attempt is due (one range query over the board's <c>fx|</c> rows).</summary>
    public Task<IReadOnlyList<PendingEffect>> ListDueAsync(string boardId, DateTimeOffset now, CancellationToken cancellationToken)
        => ListAsync(
            TableKeys.PrefixFilter(CaseRows.Partition(boardId), EffectRows.Prefix) + " and " + TableClient.CreateQueryFilter($"NextAttemptAt le {now}"),
            cancellationToken);

    /// <summary>
    /// Claims an effect until <paramref name="until"/>, conditional on the row as read: exactly one caller wins. An
    /// unexpired claim (this instance's included) is refused; an expired one (its instance died) may be taken over.
    /// </summary>
    /// <returns>The claimed effect with its new ETag, or null when another caller has it (or it is done).</returns>
    public async Task<PendingEffect?> TryClaimAsync(PendingEffect effect, string claimant, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        // A live claim is refused even when it is this instance's own: its fast path and its sweep run side by side.
        if (effect.ClaimedUntil is { } held && held > now)
        {
            return null;
        }

        var claim = new TableEntity(CaseRows.Partition(effect.BoardId), EffectRows.Key(effect.Case, effect.Version, effect.Index))
        {
            [EffectRows.ClaimedByColumn] = claimant,
            [EffectRows.ClaimedUntilColumn] = until,
        };
        try
        {
            var response = await TableCalls.RunAsync(
                Table, () => Table.UpdateEntityAsync(claim, new ETag(effect.ETag), TableUpdateMode.Merge, cancellationToken), cancellationToken).ConfigureAwait(false);
            return effect with { ClaimedBy = claimant, ClaimedUntil = until, ETag = response.Headers.ETag?.ToString() ?? effect.ETag };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Marks a claimed effect done (deletes its row); a claim lost meanwhile is fine: the new holder finishes it.</summary>
    public async Task CompleteAsync(PendingEffect claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        try
        {
            await TableCalls.RunAsync(
                Table,
                () => Table.DeleteEntityAsync(CaseRows.Partition(claimed.BoardId), EffectRows.Key(claimed.Case, claimed.Version, claimed.Index), new ETag(claimed.ETag), cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }

    /// <summary>
    /// Marks a card post done and remembers the posted card in one transaction: the moment its activity id is
    /// known, so a retry never posts it again.
    /// </summary>
    public async Task CompletePostAsync(PendingEffect claimed, PostedCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var partition = CaseRows.Partition(claimed.BoardId);
        var posted = CaseRows.PostedRow(partition, claimed.Case, card);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.UpsertReplace, posted),
            new(TableTransactionActionType.Delete, new TableEntity(partition, EffectRows.Key(claimed.Case, claimed.Version, claimed.Index)), new ETag(claimed.ETag)),
        ];
        try
        {
            await TableCalls.RunAsync(Table, () => Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // The claim was taken over (the lease ran out): still remember the card we posted.
            await TableCalls.RunAsync(Table, () => Table.UpsertEntityAsync(posted, TableUpdateMode.Replace, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a failed try: releases the claim and sets when to try again.</summary>
    public async Task RetryLaterAsync(PendingEffect claimed, DateTimeOffset nextAttemptAt, bool stuck, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var row = new TableEntity(CaseRows.Partition(claimed.BoardId), EffectRows.Key(claimed.Case, claimed.Version, claimed.Index))
        {
            [EffectRows.AttemptsColumn] = claimed.Attempts + 1,
            [EffectRows.NextAttemptAtColumn] = nextAttemptAt,
            [EffectRows.ClaimedUntilColumn] = now,
            [EffectRows.StuckColumn] = stuck,
            [EffectRows.LastErrorColumn] = error,
        };
        try
        {
            await TableCalls.RunAsync(Table, () => Table.UpdateEntityAsync(row, new ETag(claimed.ETag), TableUpdateMode.Merge, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }

    /// <summary>
    /// Shows (or, with null, clears) what keeps failing on the case's head row, outside the versioned case JSON, so
    /// cards and status show it without another read. A case change clears it; the next failed try sets it again.
    /// </summary>
    public async Task SetDeliveryProblemAsync(string boardId, CaseReference reference, string? problem, CancellationToken cancellationToken)
    {
        var row = new TableEntity(CaseRows.Partition(boardId), CaseRows.Head(reference)) { [EffectRows.DeliveryProblemColumn] = problem ?? string.Empty };
        try
        {
            await TableCalls.RunAsync(Table, () => Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The case was erased meanwhile.
        }
    }

    private async Task<IReadOnlyList<PendingEffect>> ListAsync(string filter, CancellationToken cancellationToken)
        => [.. (await TableCalls.QueryListAsync(Table, filter, null, cancellationToken).ConfigureAwait(false)).Select(EffectRows.ToPending)];
}
