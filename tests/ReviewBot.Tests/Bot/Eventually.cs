namespace ReviewBot.Tests.Bot;

/// <summary>Waits for what a test expects (polling), instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test after <paramref name="seconds"/>.</summary>
    public static async Task HoldsAsync(Func<bool> condition, int seconds = 10, string? because = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), because ?? "The expected state did not arrive in time.");
    }
}
