using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReviewBot.Sweeps;

namespace ReviewBot.Tests.Sweeps;

/// <summary>The shape every sweep shares: a throwing item or pass never stops the sweep or the host.</summary>
public sealed class PeriodicSweepTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_item_whose_handler_throws_is_logged_and_the_sweep_goes_on_to_the_next()
    {
        var sweep = new ListSweep(clock) { Items = [1, 2, 3], ThrowOn = 2 };

        var result = await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal(new SweepResult(2, 1), result);
        Assert.Equal([1, 3], sweep.Handled);
    }

    [Fact]
    public async Task The_hosted_sweep_keeps_running_on_its_interval_after_a_pass_that_threw()
    {
        using var sweep = new ListSweep(clock) { Items = [1], FailFirstFind = true };
        await sweep.StartAsync(CancellationToken.None);

        await sweep.WhenSweptAsync(clock.GetUtcNow(), TimeSpan.FromSeconds(10)); // the first pass threw
        Assert.Empty(sweep.Handled);

        // The pass has finished but its loop may not yet wait on the timer, and an advance before that wait is
        // missed: so move the clock on an interval at a time until the next pass has run.
        using var give = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (sweep.Handled.IsEmpty)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20, give.Token);
        }

        Assert.All(sweep.Handled, item => Assert.Equal(1, item));
        Assert.False(sweep.ExecuteTask!.IsCompleted);
        await sweep.StopAsync(CancellationToken.None);
    }

    private sealed class ListSweep(TimeProvider clock) : PeriodicSweep<int>(new Ready(), clock, NullLogger.Instance)
    {
        private int finds;

        public IReadOnlyList<int> Items { get; init; } = [];

        public int? ThrowOn { get; init; }

        public bool FailFirstFind { get; init; }

        public System.Collections.Concurrent.ConcurrentQueue<int> Handled { get; } = new();

        protected override string Name => "Test";

        protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

        protected override Task<IReadOnlyList<int>> FindAsync(CancellationToken cancellationToken)
            => FailFirstFind && Interlocked.Increment(ref finds) == 1
                ? throw new InvalidOperationException("An unexpected fault while listing.")
                : Task.FromResult(Items);

        protected override Task<bool> HandleAsync(int item, CancellationToken cancellationToken)
        {
            if (item == ThrowOn)
            {
                throw new InvalidOperationException("An unexpected fault in one item.");
            }

            Handled.Enqueue(item);
            return Task.FromResult(true);
        }

        protected override string Describe(int item) => $"item {item}";
    }

    private sealed class Ready : IStorageReadiness
    {
        public Task WhenReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
