using System.Collections.Concurrent;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>
/// A clock whose timers fire at once, recording the delays asked for: retry delays are asserted, not waited out.
/// Its elapsed time is the delays asked for alone, so a slow machine never eats into a retry budget under test.
/// </summary>
internal sealed class ImmediateTimeProvider : TimeProvider
{
    private long waitedTicks;

    public ConcurrentQueue<TimeSpan> RequestedDelays { get; } = new();

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref waitedTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            RequestedDelays.Enqueue(dueTime);
            Interlocked.Add(ref waitedTicks, dueTime.Ticks);
            dueTime = TimeSpan.Zero;
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
