using ReviewBot.Core.Ports;

namespace ReviewBot.Sweeps;

/// <summary>
/// The one shape of every background sweep (deadlines, drafts, retention, the outbox's leftovers): wait until
/// storage is ready, then every <see cref="Interval"/> (on the injected <see cref="TimeProvider"/>) find what is
/// due and handle each item on its own. Handlers claim an item (an ETag-conditional write) before acting, so
/// several instances and restarts act once. Nothing a sweep throws stops the host: a failing item is logged by
/// its description (no personal data) and the sweep goes on to the next; a failing pass is logged and the next
/// pass runs on time.
/// </summary>
/// <typeparam name="TItem">What one pass finds.</typeparam>
public abstract partial class PeriodicSweep<TItem> : BackgroundService
{
    private readonly IStorageReadiness readiness;
    private readonly ILogger logger;
    private long lastCompletedStart = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>Creates the sweep.</summary>
    protected PeriodicSweep(IStorageReadiness readiness, TimeProvider clock, ILogger logger)
    {
        this.readiness = readiness;
        Clock = clock;
        this.logger = logger;
    }

    /// <summary>The clock every pass reads and waits on.</summary>
    protected TimeProvider Clock { get; }

    /// <summary>The sweep's name in logs.</summary>
    protected abstract string Name { get; }

    /// <summary>Time between passes.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>False to leave this sweep to another deployment.</summary>
    protected virtual bool Enabled => true;

    /// <summary>Runs one pass now: finds what is due and handles each item; a failing item does not stop the rest.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var started = Clock.GetUtcNow();
        var finished = new List<TItem>();
        try
        {
            var (handled, failed) = (0, 0);
            foreach (var item in await FindAsync(cancellationToken))
            {
                try
                {
                    handled += await HandleAsync(item, cancellationToken) ? 1 : 0;
                    finished.Add(item);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failed++;
                    LogItemFailed(logger, Name, Describe(item), e.GetType().Name);
                }
            }

            return new SweepResult(handled, failed);
        }
        finally
        {
            try
            {
                // Not cancellable: what a stopping host has already done is recorded.
                await FinishPassAsync(finished, CancellationToken.None);
            }
            finally
            {
                InterlockedMax(ref lastCompletedStart, started.UtcTicks);
            }
        }
    }

    /// <summary>Completes once a pass that started at or after <paramref name="startedAtOrAfter"/> has finished (tests wait on this).</summary>
    public async Task WhenSweptAsync(DateTimeOffset startedAtOrAfter, TimeSpan timeout)
    {
        using var give = new CancellationTokenSource(timeout);
        while (Interlocked.Read(ref lastCompletedStart) < startedAtOrAfter.UtcTicks)
        {
            await Task.Delay(10, give.Token);
        }
    }

    /// <summary>What is due now.</summary>
    protected abstract Task<IReadOnlyList<TItem>> FindAsync(CancellationToken cancellationToken);

    /// <summary>Claims and handles one item; true when it acted.</summary>
    protected abstract Task<bool> HandleAsync(TItem item, CancellationToken cancellationToken);

    /// <summary>
    /// After a pass, even a failed or cancelled one: records at once what the pass finished (the items whose
    /// handler returned), so a sweep can batch its "done" marks. Nothing by default.
    /// </summary>
    protected virtual Task FinishPassAsync(IReadOnlyList<TItem> finished, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item in logs: ids only, never personal data.</summary>
    protected abstract string Describe(TItem item);

    /// <summary>Waits for the next pass; the outbox dispatcher also wakes early when work arrives.</summary>
    protected virtual Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(Interval, Clock, cancellationToken);

    /// <summary>Called after a pass that did something (for logs).</summary>
    protected virtual void OnSwept(SweepResult result)
    {
        if (result.Handled + result.Failed > 0)
        {
            LogSwept(logger, Name, result.Handled, result.Failed);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        await readiness.WhenReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                OnSwept(await SweepAsync(stoppingToken));
            }
            catch (StoreUnavailableException)
            {
                LogStoreDown(logger, Name);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, Name, e.GetType().Name);
            }

            try
            {
                await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Sweep} sweep: {Handled} handled, {Failed} failed")]
    private static partial void LogSwept(ILogger logger, string sweep, int handled, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep} sweep skipped: the store is unavailable")]
    private static partial void LogStoreDown(ILogger logger, string sweep);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep} sweep: {Item} failed ({ErrorType}); going on with the next")]
    private static partial void LogItemFailed(ILogger logger, string sweep, string item, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep} sweep failed ({ErrorType}); it runs again next interval")]
    private static partial void LogPassFailed(ILogger logger, string sweep, string errorType);
}

/// <summary>What one pass did.</summary>
/// <param name="Handled">Items acted on.</param>
/// <param name="Failed">Items whose handler threw (logged; tried again on a later pass if still due).</param>
public sealed record SweepResult(int Handled, int Failed);

/// <summary>Completes when storage is ready (tables created, boards seeded).</summary>
public interface IStorageReadiness
{
    /// <summary>Completes when ready.</summary>
    Task WhenReadyAsync(CancellationToken cancellationToken);
}
