using System.Text.RegularExpressions;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Bot;

/// <summary>
/// Typed messages: an active dialog gets them first; otherwise what the person asks in their own words
/// (<see cref="ChatIntentRecogniser"/>). Mentions of the bot in channels are removed before reading.
/// </summary>
public sealed partial class ChatCommands
{
    private readonly ReferralDialog referrals;
    private readonly CaseStatusReplies status;
    private readonly Imr.ImrChat imr;

    /// <summary>Creates the command router.</summary>
    public ChatCommands(ReferralDialog referrals, CaseStatusReplies status, Imr.ImrChat imr)
    {
        this.referrals = referrals;
        this.status = status;
        this.imr = imr;
    }

    /// <summary>Handles one typed message.</summary>
    public async Task HandleAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var text = WithoutMentions(turn.Activity.Text);
        if (turn.Session.Dialog?.Flow == ReferralDialog.FlowName)
        {
            await referrals.ContinueAsync(turn, text, cancellationToken);
            return;
        }

        if (await imr.TryHandleAsync(turn, text, cancellationToken))
        {
            return;
        }

        var intent = ChatIntentRecogniser.Recognise(text);
        switch (intent.Kind)
        {
            case ChatIntentKind.Help:
                await turn.SendCardAsync(turn.Card(new HelpCard()), cancellationToken);
                break;
            case ChatIntentKind.StartReferral:
                await referrals.StartAsync(turn, cancellationToken);
                break;
            case ChatIntentKind.Status when intent.CaseReference is { } reference:
                await status.ShowAsync(turn, reference, cancellationToken);
                break;
            case ChatIntentKind.Status:
                await turn.SayAsync(BotTexts.WhichCase, cancellationToken);
                break;
            case ChatIntentKind.MyTasks:
                await status.ShowMyTasksAsync(turn, cancellationToken);
                break;
            default:
                await turn.SayAsync(BotTexts.Reply(intent.Kind), cancellationToken);
                break;
        }
    }

    /// <summary>The text without <c>&lt;at&gt;Bot&lt;/at&gt;</c> mentions, trimmed.</summary>
    public static string WithoutMentions(string? text)
        => string.IsNullOrEmpty(text) ? string.Empty : Mention().Replace(text, " ").Trim();

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
