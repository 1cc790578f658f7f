using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;
using ReviewBot.Storage;
using ReviewBot.Sweeps;

namespace ReviewBot.Bot.Effects;

/// <summary>
/// Runs what case changes set off, from the outbox rows written with each change. Fast path: a turn hands over
/// the key of the change it just wrote and the effects run at once, after the response, in this process.
/// Leftovers (a crash, a deploy, a failed try whose time has come) are found by every instance's sweep. Each
/// effect is claimed with an ETag lease, run, and marked done (its row deleted); a failed try is retried with
/// doubling back-off, for ever, and after the quick tries the case shows the business manager what is late.
/// </summary>
public sealed partial class EffectDispatcher : PeriodicSweep<PendingEffect>
{
    private readonly Channel<ChangeKey> changes = Channel.CreateUnbounded<ChangeKey>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TableEffectOutbox outbox;
    private readonly IBoardDirectory boards;
    private readonly ICaseStore cases;
    private readonly IServiceScopeFactory scopes;
    private readonly EffectOptions options;
    private readonly ILogger<EffectDispatcher> logger;
    private readonly Telemetry.ReviewBotTelemetry? telemetry;
    private readonly string instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private int pending;

    /// <summary>Creates the dispatcher.</summary>
    public EffectDispatcher(
        TableEffectOutbox outbox, IBoardDirectory boards, ICaseStore cases, IServiceScopeFactory scopes, IStorageReadiness readiness,
        TimeProvider clock, IOptions<EffectOptions> options, ILogger<EffectDispatcher> logger, Telemetry.ReviewBotTelemetry? telemetry = null)
        : base(readiness, clock, logger)
    {
        this.telemetry = telemetry;
        ArgumentNullException.ThrowIfNull(options);
        this.outbox = outbox;
        this.boards = boards;
        this.cases = cases;
        this.scopes = scopes;
        this.options = options.Value;
        this.logger = logger;
    }

    /// <inheritdoc />
    protected override string Name => "Outbox";

    /// <inheritdoc />
    protected override TimeSpan Interval => options.SweepInterval;

    /// <summary>Changes handed over and not yet run in this process.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>
    /// Runs the effects of a change just written, as soon as possible (never throws: if this process dies first,
    /// another instance's sweep finds them).
    /// </summary>
    public void Dispatch(string boardId, CaseReference reference, long version)
    {
        Interlocked.Increment(ref pending);
        if (!changes.Writer.TryWrite(new ChangeKey(boardId, reference, version)))
        {
            Interlocked.Decrement(ref pending);
        }
    }

    /// <summary>Waits until every change handed over in this process has been run (tests observe what a turn set off).</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        using var give = new CancellationTokenSource(timeout);
        while (Pending > 0)
        {
            try
            {
                await Task.Delay(20, give.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Pending} change(s) still running their effects after {timeout.TotalSeconds:0} s.");
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var fastPath = RunHandedOverAsync(stoppingToken);
        await base.ExecuteAsync(stoppingToken);
        await fastPath;
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<PendingEffect>> FindAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var due = new List<PendingEffect>();
        foreach (var board in await boards.ListAsync(cancellationToken))
        {
            due.AddRange((await outbox.ListDueAsync(board.BoardId, now, cancellationToken)).Where(e => e.ClaimedUntil is not { } until || until <= now));
        }

        return [.. due.OrderBy(e => e.NextAttemptAt)];
    }

    /// <inheritdoc />
    protected override Task<bool> HandleAsync(PendingEffect item, CancellationToken cancellationToken) => RunAsync(item, cancellationToken);

    /// <inheritdoc />
    protected override string Describe(PendingEffect item) => $"{item.Case} v{item.Version} effect {item.Index} ({item.Effect.Kind})";

    private async Task RunHandedOverAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in changes.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    foreach (var effect in await outbox.ListForChangeAsync(change.BoardId, change.Case, change.Version, stoppingToken))
                    {
                        try
                        {
                            await RunAsync(effect, stoppingToken);
                        }
                        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                        {
                            LogLeftForSweep(logger, Describe(effect), e.GetType().Name);
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogLeftForSweep(logger, $"{change.Case} v{change.Version}", e.GetType().Name);
                }
                finally
                {
                    Interlocked.Decrement(ref pending);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is left stays in the outbox for the next start or another instance.
        }
    }

    /// <summary>Claims, runs and completes one effect; a failed try is recorded for a later one.</summary>
    private async Task<bool> RunAsync(PendingEffect effect, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        if (effect.NextAttemptAt > now || await outbox.TryClaimAsync(effect, instance, now, now + options.ClaimDuration, cancellationToken) is not { } claimed)
        {
            return false;
        }

        // The run ends before its claim does: past it, another sweep may claim the effect and run it alongside.
        using var withinClaim = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        withinClaim.CancelAfter(options.ClaimDuration * 0.9);
        return await RunClaimedAsync(claimed, withinClaim.Token, cancellationToken);
    }

    private async Task<bool> RunClaimedAsync(PendingEffect claimed, CancellationToken withinClaim, CancellationToken cancellationToken)
    {
        var board = await boards.GetAsync(claimed.BoardId, cancellationToken);
        var current = board is null ? null : await cases.FindAsync(claimed.BoardId, claimed.Case, cancellationToken);
        if (board is null || current is null)
        {
            await outbox.CompleteAsync(claimed, cancellationToken); // the case (or board) is gone: nothing left to tell
            return false;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var posted = await scope.ServiceProvider.GetRequiredService<EffectRunner>().RunAsync(board, current, claimed.Effect, withinClaim);
            if (posted is not null)
            {
                await outbox.CompletePostAsync(claimed, posted, cancellationToken);
            }
            else
            {
                await outbox.CompleteAsync(claimed, cancellationToken);
            }

            telemetry?.EffectDelivered(claimed.Effect.Kind);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RetryLaterAsync(claimed, e, cancellationToken);
            return false;
        }

        if (claimed.Stuck)
        {
            await ClearProblemWhenNoneLeftAsync(claimed, cancellationToken);
        }

        return true;
    }

    private async Task RetryLaterAsync(PendingEffect claimed, Exception failure, CancellationToken cancellationToken)
    {
        var attempts = claimed.Attempts + 1;
        var now = Clock.GetUtcNow();
        var stuck = attempts >= options.QuickTries;
        var error = failure switch
        {
            Teams.ConnectorException c => $"{failure.GetType().Name} {(int)c.StatusCode}",
            Microsoft365Exception m => $"{failure.GetType().Name} {m.Kind}",
            _ => failure.GetType().Name,
        };
        await outbox.RetryLaterAsync(claimed, now + Backoff(attempts), stuck, error, now, cancellationToken);
        LogRetry(logger, claimed.Case.Value, claimed.Effect.Kind, attempts, error);
        telemetry?.EffectRetried(claimed.Effect.Kind);
        if (attempts == options.QuickTries)
        {
            telemetry?.EffectFailed(claimed.Effect.Kind); // the quick tries are spent: from now on the business manager sees it
        }

        if (stuck)
        {
            await outbox.SetDeliveryProblemAsync(claimed.BoardId, claimed.Case, ProblemText(claimed.Effect), cancellationToken);
        }
    }

    private async Task ClearProblemWhenNoneLeftAsync(PendingEffect done, CancellationToken cancellationToken)
    {
        var left = await outbox.ListForCaseAsync(done.BoardId, done.Case, cancellationToken);
        if (!left.Any(e => e.Stuck))
        {
            await outbox.SetDeliveryProblemAsync(done.BoardId, done.Case, null, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var doubled = options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
#pragma warning disable CA5394 // Jitter spreads retries; not security.
        var jittered = Math.Min(doubled, options.MaxRetryDelay.TotalMilliseconds) * (0.8 + (Random.Shared.NextDouble() * 0.4));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }

    /// <summary>What the business manager reads; no personal data.</summary>
    private static string ProblemText(CaseEffect effect)
        => effect.Kind switch
        {
            CaseEffectKinds.ScheduleDeadlines or CaseEffectKinds.CancelDeadlines => $"Couldn't reach storage to {effect.Describe()}; retrying",
            CaseEffectKinds.MailCard => $"Couldn't reach Microsoft 365 to {effect.Describe()}; retrying",
            _ when Core.Meetings.MeetingEffectKinds.Handles(effect.Kind) && effect.Kind != Core.Meetings.MeetingEffectKinds.AskForReport
                => $"Couldn't reach Microsoft 365 to {effect.Describe()}; retrying",
            _ => $"Couldn't reach Teams to {effect.Describe()}; retrying",
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseReference}: {EffectKind} failed (try {Attempts}, {ErrorType}); it will be tried again")]
    private static partial void LogRetry(ILogger logger, string caseReference, string effectKind, int attempts, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Item}: not run now ({ErrorType}); the outbox sweep will pick it up")]
    private static partial void LogLeftForSweep(ILogger logger, string item, string errorType);

    private sealed record ChangeKey(string BoardId, CaseReference Case, long Version);
}
