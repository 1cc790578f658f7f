using ReviewBot.Bot.Cases;
using ReviewBot.Cards.Models;

namespace ReviewBot.Bot;

/// <summary>The card the bot greets with: what it does, for this board.</summary>
public static class WelcomeCards
{
    /// <summary>The welcome card for the turn's board (a neutral one when the tenant has none).</summary>
    public static WelcomeCard For(BotTurn turn)
        => turn.Board is { } board
            ? new WelcomeCard(board.Name, CaseCards.ReviewName(board.Rulebook).ToLowerInvariant())
            : new WelcomeCard("your safeguarding board", "serious case review");
}
