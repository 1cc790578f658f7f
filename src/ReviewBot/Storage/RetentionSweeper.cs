using ReviewBot.Core.Boards;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;

namespace ReviewBot.Storage;

/// <summary>
/// Erases closed cases whose board's retention period has run out (UK GDPR storage limitation), leaving an
/// <see cref="ErasureRecord"/> for each; then removes chunk rows left by writes that failed during an outage.
/// </summary>
public sealed partial class RetentionSweeper
{
    /// <summary>The actor recorded on erasures made by the sweep.</summary>
    public const string Actor = "retention-sweep";

    // Well past any write still in flight (a write gives up within a minute or two).
    private static readonly TimeSpan OrphanChunkAge = TimeSpan.FromDays(1);

    private readonly IBoardDirectory boards;
    private readonly TableCaseStore cases;
    private readonly TimeProvider time;
    private readonly ILogger<RetentionSweeper> logger;

    /// <summary>Creates the sweeper.</summary>
    public RetentionSweeper(IBoardDirectory boards, TableCaseStore cases, TimeProvider timeProvider, ILogger<RetentionSweeper> logger)
    {
        this.boards = boards ?? throw new ArgumentNullException(nameof(boards));
        this.cases = cases ?? throw new ArgumentNullException(nameof(cases));
        time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Sweeps every board once.</summary>
    /// <returns>How many cases were erased.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var board in await boards.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            erased += await SweepBoardAsync(board, cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    /// <summary>Erases one board's closed cases past retention, then its orphaned chunk rows.</summary>
    /// <returns>How many cases were erased.</returns>
    public async Task<int> SweepBoardAsync(BoardConfiguration board, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        var now = time.GetUtcNow();
        var erased = 0;
        var closedBefore = now.AddDays(-board.RetentionDays);
        var expired = await cases.ListClosedBeforeAsync(board.BoardId, closedBefore, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var summary in expired)
        {
            // Erasure is conditional on the head it read, so two instances erasing at once do it once.
            var record = new ErasureRecord(summary.Reference, now, Actor, $"Retention period of {board.RetentionDays} days after closure ended");
            await cases.EraseAsync(board.BoardId, summary.Reference, record, cancellationToken).ConfigureAwait(false);
            LogErased(summary.Reference.Value, board.BoardId);
            erased++;
        }

        await cases.CollectOrphanChunksAsync(board.BoardId, OrphanChunkAge, cancellationToken).ConfigureAwait(false);
        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: case {Reference} of board {BoardId} erased")]
    private partial void LogErased(string reference, string boardId);
}
