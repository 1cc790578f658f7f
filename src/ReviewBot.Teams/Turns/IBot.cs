namespace ReviewBot.Teams;

/// <summary>The application's turn handler, resolved from the request's services for every inbound activity.</summary>
public interface IBot
{
    /// <summary>Handles one authenticated activity. For invokes, set <see cref="ITurnContext.InvokeResponse"/>.</summary>
    /// <param name="turn">The turn: the activity, the caller's identity and ways to reply.</param>
    /// <param name="ct">Cancelled when the caller goes away.</param>
    /// <returns>A task that completes when the turn is handled.</returns>
    Task OnTurnAsync(ITurnContext turn, CancellationToken ct);
}
