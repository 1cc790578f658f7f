using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReviewBot.Ports;
using ReviewBot.Telemetry;

namespace ReviewBot.Storage;

/// <summary>
/// <see cref="IConversationStore"/> on the Conversations table (PartitionKey = conversation id, rows <c>address</c>
/// and <c>dialog|{user}</c>) and the People table (PartitionKey = object id, row <c>personal-chat</c>). A turn
/// costs one query to load and at most one transaction to save. A person's 1:1 chat, once found, is kept in memory
/// for a minute: a sweep or a decision's effects message the same chair many times in a row.
/// </summary>
public sealed class TableConversationStore : IConversationStore
{
    private const string AddressRow = "address";
    private const string DialogPrefix = "dialog|";
    private const string PersonalChatRow = "personal-chat";
    private const string ConversationIdColumn = "ConversationId";
    private const string UserKeyColumn = "UserKey";
    private const string AddressColumn = "Address";
    private const string FlowColumn = "Flow";
    private const string JsonColumn = "Json";
    private const string UpdatedAtColumn = "UpdatedAt";
    private const string RemindedAtColumn = "RemindedAt";

    // 8 parts of 30,000 characters: ≤ 480 KB in UTF-16, under the 1 MiB entity limit with room for the rest.
    private const int MaxDialogParts = 8;

    // A 1:1 chat's address only changes if Teams moves the person's service URL; another instance's save is seen
    // here within this long (a chat not found is never kept: the person may install the app any moment).
    private static readonly TimeSpan PersonalChatCacheDuration = TimeSpan.FromMinutes(1);

    private readonly StorageTables tables;
    private readonly ReviewBotTelemetry? telemetry;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, (ConversationAddress Address, DateTimeOffset Until)> personalChats = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    public TableConversationStore(StorageTables tables, ReviewBotTelemetry? telemetry = null, TimeProvider? timeProvider = null)
    {
        this.tables = tables ?? throw new ArgumentNullException(nameof(tables));
        this.telemetry = telemetry;
        time = timeProvider ?? TimeProvider.System;
    }

    private TableClient Table => tables.Conversations;

    /// <inheritdoc />
    public async Task<ConversationSnapshot> LoadAsync(string conversationId, string userKey, CancellationToken cancellationToken)
    {
        var partition = Partition(conversationId);
        var dialogKey = DialogKey(userKey);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (RowKey eq {AddressRow} or RowKey eq {dialogKey})");
        var rows = await TableCalls.QueryListAsync(Table, filter, null, cancellationToken).ConfigureAwait(false);
        var address = rows.Find(r => r.RowKey == AddressRow);
        var dialog = rows.Find(r => r.RowKey == dialogKey);
        return new ConversationSnapshot(
            conversationId,
            userKey,
            address is null ? null : ReadAddress(address),
            dialog is null ? null : ReadDialog(dialog),
            address?.ETag.ToString(),
            dialog?.ETag.ToString());
    }

    /// <inheritdoc />
    public async Task SaveAsync(ConversationSnapshot loaded, ConversationAddress address, DialogState? dialog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(address);
        var partition = Partition(loaded.ConversationId);
        var actions = new List<TableTransactionAction>(2);
        if (address != loaded.Address)
        {
            var row = new TableEntity(partition, AddressRow)
            {
                [ConversationIdColumn] = loaded.ConversationId,
                [AddressColumn] = JsonSerializer.Serialize(address, StorageJson.Options),
            };
            actions.Add(Write(row, loaded.AddressETag));
        }

        if (dialog is null && loaded.Dialog is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, DialogKey(loaded.UserKey)), Tag(loaded.DialogETag)));
        }
        else if (dialog is not null && dialog != loaded.Dialog)
        {
            actions.Add(Write(DialogRow(partition, loaded.ConversationId, loaded.UserKey, dialog), loaded.DialogETag));
        }

        if (actions.Count == 0)
        {
            return;
        }

        try
        {
            await TableCalls.RunAsync(Table, () => Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            telemetry?.StorageConflict("conversation");
            throw new ConversationConflictException("The conversation changed while this turn ran; nothing was written.", e);
        }
    }

    /// <inheritdoc />
    public async Task<ConversationAddress?> FindPersonalAsync(string objectId, CancellationToken cancellationToken)
    {
        var partition = PersonPartition(objectId);
        if (personalChats.TryGetValue(partition, out var known) && known.Until > time.GetUtcNow())
        {
            return known.Address;
        }

        var row = await TableCalls.RunAsync(
            tables.People,
            () => tables.People.GetEntityIfExistsAsync<TableEntity>(partition, PersonalChatRow, [AddressColumn], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            return null;
        }

        var address = ReadAddress(row.Value!);
        personalChats[partition] = (address, time.GetUtcNow() + PersonalChatCacheDuration);
        return address;
    }

    /// <inheritdoc />
    public async Task SavePersonalAsync(string objectId, ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var partition = PersonPartition(objectId);
        var row = new TableEntity(partition, PersonalChatRow)
        {
            ["ObjectId"] = objectId,
            [AddressColumn] = JsonSerializer.Serialize(address, StorageJson.Options),
        };
        personalChats.TryRemove(partition, out _);
        await TableCalls.RunAsync(tables.People, () => tables.People.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        personalChats[partition] = (address, time.GetUtcNow() + PersonalChatCacheDuration);
    }

    /// <inheritdoc />
    /// <remarks>Scans every conversation's dialog rows: a background sweep, never a chat turn.</remarks>
    public async IAsyncEnumerable<StaleDialog> ListDialogsUpdatedBeforeAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {DialogPrefix} and RowKey lt {TableKeys.UpperBound(DialogPrefix)} and UpdatedAt lt {before}");
        await foreach (var row in TableCalls.QueryAsync(Table, filter, null, cancellationToken).ConfigureAwait(false))
        {
            yield return new StaleDialog(row.GetString(ConversationIdColumn), row.GetString(UserKeyColumn), ReadDialog(row), row.ETag.ToString());
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryDeleteDialogAsync(StaleDialog dialog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        try
        {
            var response = await TableCalls.RunAsync(
                Table,
                () => Table.DeleteEntityAsync(Partition(dialog.ConversationId), DialogKey(dialog.UserKey), new ETag(dialog.ETag), cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryMarkRemindedAsync(StaleDialog dialog, DateTimeOffset remindedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var row = new TableEntity(Partition(dialog.ConversationId), DialogKey(dialog.UserKey)) { [RemindedAtColumn] = remindedAt };
        try
        {
            await TableCalls.RunAsync(Table, () => Table.UpdateEntityAsync(row, new ETag(dialog.ETag), TableUpdateMode.Merge, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static string Partition(string conversationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return TableKeys.Escape(conversationId);
    }

    private static string PersonPartition(string objectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        return TableKeys.Escape(objectId.ToLowerInvariant());
    }

    private static string DialogKey(string userKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        return DialogPrefix + TableKeys.Escape(userKey);
    }

    private static ETag Tag(string? etag) => etag is null ? ETag.All : new ETag(etag);

    /// <summary>Inserts a row that was not there when loaded, else replaces it if unchanged since.</summary>
    private static TableTransactionAction Write(TableEntity row, string? loadedETag) => loadedETag is null
        ? new TableTransactionAction(TableTransactionActionType.Add, row)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(loadedETag));

    private static TableEntity DialogRow(string partition, string conversationId, string userKey, DialogState dialog)
    {
        var parts = TextParts.Split(dialog.Json);
        if (parts.Count > MaxDialogParts)
        {
            throw new ArgumentException(
                $"Dialog state of flow {dialog.Flow} is {dialog.Json.Length} characters; at most {MaxDialogParts * TextParts.MaxPartLength} fit.", nameof(dialog));
        }

        var row = new TableEntity(partition, DialogKey(userKey))
        {
            [ConversationIdColumn] = conversationId,
            [UserKeyColumn] = userKey,
            [FlowColumn] = dialog.Flow,
            [UpdatedAtColumn] = dialog.UpdatedAt,
        };
        if (dialog.RemindedAt is { } remindedAt)
        {
            row[RemindedAtColumn] = remindedAt;
        }

        TextParts.Write(row, JsonColumn, parts);
        return row;
    }

    private static DialogState ReadDialog(TableEntity row) => new(
        row.GetString(FlowColumn),
        TextParts.Read(row, JsonColumn),
        row.GetDateTimeOffset(UpdatedAtColumn) ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset(RemindedAtColumn));

    private static ConversationAddress ReadAddress(TableEntity row)
        => JsonSerializer.Deserialize<ConversationAddress>(row.GetString(AddressColumn), StorageJson.Options)
            ?? throw new InvalidDataException($"Row {row.RowKey} holds no address.");
}
