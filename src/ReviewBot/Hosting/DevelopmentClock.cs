using System.Globalization;

namespace ReviewBot.Hosting;

/// <summary>
/// The bot's one clock. <c>Development:ClockStartsAt</c> (an ISO 8601 instant, Development only) starts it at that
/// instant and lets it run on from there, so an end-to-end test or a demo can restart the bot weeks later in the
/// IMR timetable and see the reminders of that day. Anywhere else the setting stops start-up: production time is
/// the system's.
/// </summary>
internal static class DevelopmentClock
{
    /// <summary>The configuration key.</summary>
    public const string StartsAtKey = "Development:ClockStartsAt";

    /// <summary>The system clock, or in Development the clock the setting asks for.</summary>
    public static TimeProvider For(IHostEnvironment environment, IConfiguration configuration)
    {
        if (configuration[StartsAtKey] is not { Length: > 0 } text)
        {
            return TimeProvider.System;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{StartsAtKey} moves the bot's clock and is allowed only in the Development environment; remove Development__ClockStartsAt.");
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startsAt))
        {
            throw new InvalidOperationException($"{StartsAtKey} is not a date and time (e.g. 2026-12-14T09:30:00Z).");
        }

        return new ShiftedClock(startsAt - TimeProvider.System.GetUtcNow());
    }

    // System time plus a fixed offset; timers and timestamps stay the system's, so intervals are real.
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
