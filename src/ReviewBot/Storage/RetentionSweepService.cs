using Microsoft.Extensions.Options;
using ReviewBot.Core.Ports;

namespace ReviewBot.Storage;

/// <summary>Runs <see cref="RetentionSweeper"/> once storage is ready, then every <see cref="StorageOptions.RetentionSweepInterval"/>.</summary>
public sealed partial class RetentionSweepService : BackgroundService
{
    private readonly RetentionSweeper sweeper;
    private readonly TableStorageReadiness readiness;
    private readonly StorageOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<RetentionSweepService> logger;

    /// <summary>Creates the service.</summary>
    public RetentionSweepService(
        RetentionSweeper sweeper, TableStorageReadiness readiness, IOptions<StorageOptions> options, TimeProvider timeProvider, ILogger<RetentionSweepService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.sweeper = sweeper;
        this.readiness = readiness;
        this.options = options.Value;
        time = timeProvider;
        this.logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RetentionSweepEnabled)
        {
            return;
        }

        await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                LogSwept(await sweeper.SweepAsync(stoppingToken).ConfigureAwait(false));
            }
            catch (StoreUnavailableException e)
            {
                LogUnavailable(e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A sweep that fails (say, on one unreadable row) must not stop the bot; it runs again next interval.
                LogFailed(e);
            }

            await Task.Delay(options.RetentionSweepInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep erased {Count} cases")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep skipped: table storage unreachable")]
    private partial void LogUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed")]
    private partial void LogFailed(Exception exception);
}
