using System.Text.RegularExpressions;
using ReviewBot.Bot.Routing;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Bot;

/// <summary>
/// Typed messages: an open dialog gets them first; otherwise what the person asks in their own words
/// (<see cref="ChatIntentRecogniser"/>) picks the command's route in <see cref="BotRoutes"/>. Mentions of
/// the bot in channels are removed before reading.
/// </summary>
public sealed partial class ChatCommands
{
    private readonly IServiceProvider services;

    /// <summary>Creates the command router over the turn's services (the handlers are per turn).</summary>
    public ChatCommands(IServiceProvider services) => this.services = services;

    /// <summary>Handles one typed message.</summary>
    public async Task HandleAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var text = WithoutMentions(turn.Activity.Text);
        if (BotRoutes.Table.ForDialog(turn.Session.Dialog?.Flow, services) is { } dialog)
        {
            await dialog(turn, text, cancellationToken);
            return;
        }

        var intent = ChatIntentRecogniser.Recognise(text);
        var command = BotRoutes.Table.ForCommand(intent.Kind, services)
            ?? throw new InvalidOperationException($"No route for the command {intent.Kind}.");
        await command(turn, intent, cancellationToken);
    }

    /// <summary>The text without <c>&lt;at&gt;Bot&lt;/at&gt;</c> mentions, trimmed.</summary>
    public static string WithoutMentions(string? text)
        => string.IsNullOrEmpty(text) ? string.Empty : Mention().Replace(text, " ").Trim();

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
