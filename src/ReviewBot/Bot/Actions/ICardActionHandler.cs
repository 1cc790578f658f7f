namespace ReviewBot.Bot.Actions;

/// <summary>Handles the card verbs it names: one handler per verb family, like the Agents SDK's routes.</summary>
public interface ICardActionHandler
{
    /// <summary>The verbs this handler answers.</summary>
    IReadOnlyCollection<string> Verbs { get; }

    /// <summary>Handles one press. Must check the actor's role itself: a hidden button is no protection.</summary>
    Task HandleAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken);
}
