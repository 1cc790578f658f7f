using Microsoft.Extensions.Options;
using ReviewBot.Core.Boards;
using ReviewBot.Ports;
using ReviewBot.Sweeps;

namespace ReviewBot.Storage;

/// <summary>Runs <see cref="RetentionSweeper"/> board by board once storage is ready, then every <see cref="StorageOptions.RetentionSweepInterval"/>.</summary>
public sealed class RetentionSweepService : PeriodicSweep<BoardConfiguration>
{
    private readonly RetentionSweeper sweeper;
    private readonly IBoardDirectory boards;
    private readonly StorageOptions options;

    /// <summary>Creates the service.</summary>
    public RetentionSweepService(
        RetentionSweeper sweeper, IBoardDirectory boards, TableStorageReadiness readiness, IOptions<StorageOptions> options, TimeProvider timeProvider,
        ILogger<RetentionSweepService> logger)
        : base(readiness, timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.sweeper = sweeper;
        this.boards = boards;
        this.options = options.Value;
    }

    /// <inheritdoc />
    protected override string Name => "Retention";

    /// <inheritdoc />
    protected override TimeSpan Interval => options.RetentionSweepInterval;

    /// <inheritdoc />
    protected override bool Enabled => options.RetentionSweepEnabled;

    /// <inheritdoc />
    protected override Task<IReadOnlyList<BoardConfiguration>> FindAsync(CancellationToken cancellationToken) => boards.ListAsync(cancellationToken);

    /// <inheritdoc />
    protected override async Task<bool> HandleAsync(BoardConfiguration item, CancellationToken cancellationToken)
        => await sweeper.SweepBoardAsync(item, cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    protected override string Describe(BoardConfiguration item) => $"board {item.BoardId}";
}
