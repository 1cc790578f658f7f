using System.Threading.Channels;

namespace ReviewBot.Hosting;

/// <summary>
/// Work that must not delay the answer to Teams (notifications, card updates, later Graph calls): queued
/// during a turn and run afterwards, one item at a time, each in its own DI scope. Failures are logged by
/// description (no personal data) and do not affect other items.
/// </summary>
public sealed partial class AfterResponseWork : BackgroundService
{
    private readonly Channel<(string Description, Func<IServiceProvider, CancellationToken, Task> Work)> queue =
        Channel.CreateUnbounded<(string, Func<IServiceProvider, CancellationToken, Task>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<AfterResponseWork> logger;
    private int pending;

    /// <summary>Creates the queue.</summary>
    public AfterResponseWork(IServiceScopeFactory scopes, ILogger<AfterResponseWork> logger)
    {
        this.scopes = scopes;
        this.logger = logger;
    }

    /// <summary>Items queued or running.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Queues work; <paramref name="description"/> is for logs and must hold no personal data.</summary>
    public void Enqueue(string description, Func<IServiceProvider, CancellationToken, Task> work)
    {
        Interlocked.Increment(ref pending);
        if (!queue.Writer.TryWrite((description, work)))
        {
            Interlocked.Decrement(ref pending);
            throw new InvalidOperationException("The after-response queue is closed.");
        }
    }

    /// <summary>Waits until nothing is queued or running (tests use it to observe what a turn set off).</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Pending > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Pending} after-response item(s) still running after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(20);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (description, work) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, description, e.GetType().Name);
            }
            finally
            {
                Interlocked.Decrement(ref pending);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "After-response work failed: {Description} ({ErrorType})")]
    private static partial void LogFailed(ILogger logger, string description, string errorType);
}
