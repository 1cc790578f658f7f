using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReviewBot.Storage;
using ReviewBot.Sweeps;

namespace ReviewBot.Tests.Sweeps;

/// <summary>
/// One sweeper pattern for every background sweep of the host (deadlines, drafts, retention, the outbox and
/// any added later): a <see cref="PeriodicSweep{TItem}"/> on an injected clock with its interval from options,
/// which waits for storage before its first pass.
/// </summary>
public sealed class SweepPatternTests
{
    [Fact]
    public void Every_background_service_of_the_host_but_storage_start_up_is_a_periodic_sweep()
    {
        var services = typeof(PeriodicSweep<>).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(BackgroundService).IsAssignableFrom(t));

        var others = services.Where(t => !IsSweep(t) && t != typeof(TableStorageInitializer)).Select(t => t.FullName);

        Assert.Empty(others);
        Assert.True(services.Count(IsSweep) >= 4, "deadline, draft, retention and outbox sweeps");
    }

    [Fact]
    public void Every_sweep_takes_its_clock_and_its_interval_from_the_container()
    {
        var sweeps = typeof(PeriodicSweep<>).Assembly.GetTypes().Where(t => !t.IsAbstract && IsSweep(t));

        var missing = sweeps
            .Where(t => t.GetConstructors().Single().GetParameters() is var p
                && !(p.Any(x => x.ParameterType == typeof(TimeProvider)) && p.Any(x => x.ParameterType.IsGenericType && x.ParameterType.GetGenericTypeDefinition() == typeof(IOptions<>))))
            .Select(t => t.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_sweep_makes_no_pass_until_storage_is_ready()
    {
        var readiness = new GatedReadiness();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var sweep = new CountingSweep(readiness, clock);
        await sweep.StartAsync(CancellationToken.None);

        await readiness.Asked.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the sweep is waiting for storage
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, sweep.Finds);

        readiness.Open();
        await sweep.WhenSweptAsync(clock.GetUtcNow(), TimeSpan.FromSeconds(10));

        Assert.Equal(1, sweep.Finds);
        await sweep.StopAsync(CancellationToken.None);
    }

    private static bool IsSweep(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(PeriodicSweep<>))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class GatedReadiness : IStorageReadiness
    {
        private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => ready.TrySetResult();

        public Task WhenReadyAsync(CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            return ready.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class CountingSweep(IStorageReadiness readiness, TimeProvider clock) : PeriodicSweep<int>(readiness, clock, NullLogger.Instance)
    {
        private int finds;

        public int Finds => Volatile.Read(ref finds);

        protected override string Name => "Counting";

        protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

        protected override Task<IReadOnlyList<int>> FindAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref finds);
            return Task.FromResult<IReadOnlyList<int>>([]);
        }

        protected override Task<bool> HandleAsync(int item, CancellationToken cancellationToken) => Task.FromResult(false);

        protected override string Describe(int item) => $"item {item}";
    }
}
