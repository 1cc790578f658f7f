namespace ReviewBot.Bot.Export;

/// <summary>Settings of the chronology export (<c>Export</c> section).</summary>
public sealed class ExportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Export";

    /// <summary>How long a download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The bot's public address for the links (e.g. <c>https://reviewbot.example.org</c>); empty = the address the message came in on.</summary>
    public string? PublicBaseUrl { get; set; }
}
