namespace ReviewBot.Teams;

/// <summary>Retry behaviour of <see cref="ConnectorClient"/> for 429 and 5xx responses.</summary>
public sealed class ConnectorClientOptions
{
    /// <summary>How many times a throttled or failed request is retried (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay when the service sends no <c>Retry-After</c>; doubled per retry.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest delay before a retry. A <c>Retry-After</c> longer than this is not waited out: the request fails
    /// with <see cref="ConnectorException"/> (status 429) instead of retrying early.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
