using Microsoft.Extensions.Options;
using ReviewBot.Core.Ports;

namespace ReviewBot.Storage;

/// <summary>
/// Creates missing tables and seeds boards at start-up. If storage is down it logs and keeps trying in the
/// background (readiness stays unhealthy meanwhile) rather than crash the app.
/// </summary>
public sealed partial class TableStorageInitializer : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly StorageTables tables;
    private readonly BoardSeeder seeder;
    private readonly TableStorageReadiness readiness;
    private readonly StorageOptions options;
    private readonly string contentRoot;
    private readonly ILogger<TableStorageInitializer> logger;

    /// <summary>Creates the initializer.</summary>
    public TableStorageInitializer(
        StorageTables tables,
        BoardSeeder seeder,
        TableStorageReadiness readiness,
        IOptions<StorageOptions> options,
        IHostEnvironment environment,
        ILogger<TableStorageInitializer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        this.tables = tables;
        this.seeder = seeder;
        this.readiness = readiness;
        this.options = options.Value;
        contentRoot = environment.ContentRootPath;
        this.logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        readiness.Report("Creating tables.");
        for (var delay = FirstRetryDelay; ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks)))
        {
            try
            {
                await tables.CreateAllAsync(stoppingToken).ConfigureAwait(false);
                foreach (var file in options.SeedBoardFiles)
                {
                    await seeder.SeedAsync(Path.Combine(contentRoot, file), stoppingToken).ConfigureAwait(false);
                }

                readiness.MarkReady();
                LogReady(tables.Prefix);
                return;
            }
            catch (StoreUnavailableException e)
            {
                readiness.Report("Table storage is unreachable; still trying.");
                LogUnavailable(e, delay);
            }
            catch (InvalidDataException e)
            {
                // A broken seed file will not mend itself: say so on /readyz and in the log, and stop.
                readiness.Report(e.Message);
                LogSeedFileInvalid(e);
                return;
            }

            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Table storage ready (table prefix '{Prefix}')")]
    private partial void LogReady(string prefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table storage unreachable at start-up; trying again in {Delay}")]
    private partial void LogUnavailable(Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "A board seed file is invalid; the app stays not ready")]
    private partial void LogSeedFileInvalid(Exception exception);
}
