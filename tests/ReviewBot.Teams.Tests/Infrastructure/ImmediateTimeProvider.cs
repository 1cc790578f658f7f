using System.Collections.Concurrent;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>
/// A clock whose timers fire at once, recording the delays asked for: retry delays are asserted, not waited out.
/// </summary>
internal sealed class ImmediateTimeProvider : TimeProvider
{
    public ConcurrentQueue<TimeSpan> RequestedDelays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            RequestedDelays.Enqueue(dueTime);
            dueTime = TimeSpan.Zero;
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
