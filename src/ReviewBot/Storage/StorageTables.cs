using Azure.Data.Tables;

namespace ReviewBot.Storage;

/// <summary>
/// The tables ReviewBot keeps (see README.md in this folder), each named with an optional prefix.
/// </summary>
public sealed class StorageTables
{
    /// <summary>Creates the table clients; does no I/O.</summary>
    /// <param name="service">The account's client (shared, thread-safe).</param>
    /// <param name="prefix">Prefix for every table name (letters and digits), e.g. to isolate tests.</param>
    public StorageTables(TableServiceClient service, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        Prefix = prefix ?? string.Empty;
        Cases = service.GetTableClient(Prefix + "Cases");
        Deadlines = service.GetTableClient(Prefix + "Deadlines");
        Conversations = service.GetTableClient(Prefix + "Conversations");
        People = service.GetTableClient(Prefix + "People");
        Boards = service.GetTableClient(Prefix + "Boards");
        Erasures = service.GetTableClient(Prefix + "Erasures");
        All = [Cases, Deadlines, Conversations, People, Boards, Erasures];
    }

    /// <summary>The table name prefix ("" when none).</summary>
    public string Prefix { get; }

    /// <summary>Cases: head rows, audit rows, chunks, roles, submissions, reference counters (one partition per board).</summary>
    public TableClient Cases { get; }

    /// <summary>The deadline index, partitioned by UTC due date.</summary>
    public TableClient Deadlines { get; }

    /// <summary>Conversation addresses and dialog state, one partition per conversation.</summary>
    public TableClient Conversations { get; }

    /// <summary>Per-person rows: the 1:1 chat address.</summary>
    public TableClient People { get; }

    /// <summary>Board configurations.</summary>
    public TableClient Boards { get; }

    /// <summary>Records of erased cases (no personal data).</summary>
    public TableClient Erasures { get; }

    /// <summary>Every table above.</summary>
    public IReadOnlyList<TableClient> All { get; }

    /// <summary>Creates any missing table.</summary>
    /// <exception cref="Core.Ports.StoreUnavailableException">The store cannot be reached.</exception>
    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await TableCalls.CreateAsync(table, cancellationToken).ConfigureAwait(false);
        }
    }
}
