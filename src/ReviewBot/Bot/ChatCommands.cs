using ReviewBot.Bot.Routing;
using ReviewBot.Core.Referrals;
using ReviewBot.Teams;

namespace ReviewBot.Bot;

/// <summary>
/// Typed messages: an open dialog gets them first; otherwise what the person asks in their own words
/// (<see cref="ChatIntentRecogniser"/>) picks the command's route in <see cref="BotRoutes"/>. Mentions of
/// the bot in channels are removed before reading.
/// </summary>
public sealed class ChatCommands
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
            // An answer is capped by its own question's limit (a narrative may be long), not by the command limit.
            await dialog(turn, text, cancellationToken);
            return;
        }

        if (text.Length > MaxCommandLength)
        {
            await turn.SayAsync(BotTexts.MessageTooLong, cancellationToken);
            return;
        }

        if (await services.GetRequiredService<Imr.ImrChat>().TryHandleAsync(turn, text, cancellationToken)
            || await services.GetRequiredService<ActionPlans.ActionPlanChat>().TryHandleAsync(turn, text, cancellationToken)
            || await services.GetRequiredService<Export.ExportChat>().TryHandleAsync(turn, text, cancellationToken))
        {
            return;
        }

        var intent = ChatIntentRecogniser.Recognise(text);
        var command = BotRoutes.Table.ForCommand(intent.Kind, services)
            ?? throw new InvalidOperationException($"No route for the command {intent.Kind}.");
        await command(turn, intent, cancellationToken);
    }

    /// <summary>The longest command read; a longer one is answered <see cref="BotTexts.MessageTooLong"/>.</summary>
    public const int MaxCommandLength = 4_000;

    /// <summary>The text without <c>&lt;at&gt;Bot&lt;/at&gt;</c> mentions, trimmed; linear in the text's length.</summary>
    public static string WithoutMentions(string? text)
        => string.IsNullOrEmpty(text) ? string.Empty : MentionText.Strip(text).Trim();
}
