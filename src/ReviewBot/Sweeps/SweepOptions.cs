using System.ComponentModel.DataAnnotations;

namespace ReviewBot.Sweeps;

/// <summary>How often the background sweeps run (section <c>Sweeps</c>).</summary>
public sealed class SweepOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sweeps";

    /// <summary>How often due reminders are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Sweeps:DeadlineInterval must be between 1 second and 1 hour.")]
    public TimeSpan DeadlineInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often stale referral drafts are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Sweeps:DraftInterval must be between 1 second and 1 day.")]
    public TimeSpan DraftInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claim on a due reminder holds before another instance may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Sweeps:ClaimDuration must be between 10 seconds and 1 hour.")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);
}
