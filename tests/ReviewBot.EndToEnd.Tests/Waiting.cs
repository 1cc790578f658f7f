namespace ReviewBot.EndToEnd.Tests;

/// <summary>Waits for what a test expects to appear (in the stand-in, in storage) rather than sleeping.</summary>
internal static class Waiting
{
    /// <summary>Polls <paramref name="probe"/> until it finds something, for up to <paramref name="seconds"/>.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, int seconds = 60, string what = "the expected item")
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        return await probe() ?? throw new TimeoutException($"Never saw {what}.");
    }
}
