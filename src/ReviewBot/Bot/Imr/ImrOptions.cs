namespace ReviewBot.Bot.Imr;

/// <summary>Settings for reaching IMR authors and panel members who never opened ReviewBot (section <c>Imr</c>).</summary>
public sealed class ImrOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Imr";

    /// <summary>
    /// The Teams connector service URL used to open a 1:1 chat with someone ReviewBot has never talked to, when the
    /// board's channel has none recorded (the tenant's region, e.g. https://smba.trafficmanager.net/uk/).
    /// </summary>
    public string TeamsServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";
}
