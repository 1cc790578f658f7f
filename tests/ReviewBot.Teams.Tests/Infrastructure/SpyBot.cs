using System.Collections.Concurrent;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>An <see cref="IBot"/> that records every turn and runs an optional behaviour.</summary>
internal sealed class SpyBot : IBot
{
    public ConcurrentQueue<ITurnContext> Turns { get; } = new();

    public Func<ITurnContext, CancellationToken, Task>? OnTurn { get; set; }

    public int CallCount => Turns.Count;

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken ct)
    {
        Turns.Enqueue(turn);
        if (OnTurn is not null)
        {
            await OnTurn(turn, ct);
        }
    }
}
