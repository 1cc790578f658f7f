using System.ComponentModel.DataAnnotations;

namespace ReviewBot.Bot.Effects;

/// <summary>How the outbox dispatcher retries (section <c>Effects</c>).</summary>
public sealed class EffectOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Effects";

    /// <summary>How often every instance looks for effects left over (a crash, a failed try whose time has come).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Effects:SweepInterval must be between 100 ms and 1 hour.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claim on an effect holds; after that another instance may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Effects:ClaimDuration must be between 1 second and 1 hour.")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The first retry's delay; it doubles with every failed try up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Effects:RetryDelay must be between 10 ms and 1 hour.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between tries (tries never stop: an effect is never dropped).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Effects:MaxRetryDelay must be between 10 ms and 1 day.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this many failed tries the case shows the business manager "couldn't reach …; retrying".</summary>
    [Range(1, 100, ErrorMessage = "Effects:QuickTries must be between 1 and 100.")]
    public int QuickTries { get; set; } = 5;
}
