namespace ReviewBot.Storage;

/// <summary>Whether the tables exist and the boards are seeded; until then the app is not ready.</summary>
public sealed class TableStorageReadiness : Sweeps.IStorageReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? problem;

    /// <summary>True once the tables are created and boards seeded.</summary>
    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>Why it is not ready yet, if known (no personal data).</summary>
    public string? Problem => problem;

    /// <summary>Completes when ready.</summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => ready.Task.WaitAsync(cancellationToken);

    /// <summary>Records why start-up has not finished.</summary>
    public void Report(string reason) => problem = reason;

    /// <summary>Marks storage ready.</summary>
    public void MarkReady()
    {
        problem = null;
        ready.TrySetResult();
    }
}
