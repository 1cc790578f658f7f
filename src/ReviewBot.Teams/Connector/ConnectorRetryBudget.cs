namespace ReviewBot.Teams;

/// <summary>
/// Limits the time connector calls may spend on retries in the current async flow. The endpoint opens one for
/// every invoke, so that sends made before the invoke is answered cannot outlast Teams' invoke window; work run
/// after the response (its own flow) keeps the normal <see cref="ConnectorClientOptions.MaxRetryTime"/>.
/// </summary>
public static class ConnectorRetryBudget
{
    private static readonly AsyncLocal<TimeSpan?> Current = new();

    /// <summary>The retry time allowed in this flow, if limited.</summary>
    public static TimeSpan? Limit => Current.Value;

    /// <summary>Limits retries in this flow (and flows it starts) to <paramref name="limit"/> until disposed.</summary>
    /// <param name="limit">The retry time allowed.</param>
    /// <returns>Restores the previous limit when disposed.</returns>
    public static IDisposable Begin(TimeSpan limit)
    {
        var previous = Current.Value;
        Current.Value = previous is { } outer && outer < limit ? outer : limit;
        return new Scope(previous);
    }

    private sealed class Scope(TimeSpan? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
