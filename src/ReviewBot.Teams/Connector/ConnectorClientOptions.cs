namespace ReviewBot.Teams;

/// <summary>
/// Where <see cref="ConnectorClient"/> may send the bot's token, and how it retries. Bound from the configuration
/// section <c>Bot:Connector</c>.
/// </summary>
public sealed class ConnectorClientOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Bot:Connector";

    /// <summary>How many times a throttled or failed request is retried (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay when the service sends no <c>Retry-After</c>; doubled per retry.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest delay before a retry. A <c>Retry-After</c> longer than this is not waited out: the request fails
    /// with <see cref="ConnectorException"/> (status 429) instead of retrying early.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most time one call spends on retries (waits and repeated attempts) before it fails.</summary>
    public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The retry time allowed to calls made while an invoke is being answered (Teams gives up on an invoke after
    /// a few seconds and shows "Something went wrong"); see <see cref="ConnectorRetryBudget"/>.
    /// </summary>
    public TimeSpan InvokeRetryTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Hosts besides the Bot Framework service hosts (<see cref="ServiceHosts.BotFramework"/>) that may receive the
    /// bot's token, e.g. a test connector. Exact host names; http only for loopback hosts.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// Whether loopback hosts (127.0.0.0/8, ::1, localhost) are allowed. Set from the environment at start-up:
    /// true only in Development (the Agents Playground, local connectors); configuration cannot turn it on.
    /// </summary>
    public bool AllowLoopback { get; set; }
}
