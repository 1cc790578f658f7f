using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Referrals;
using ReviewBot.Teams;

namespace ReviewBot.Bot;

/// <summary>
/// Typed messages: an active dialog gets them first; otherwise what the person asks in their own words
/// (<see cref="ChatIntentRecogniser"/>). Mentions of the bot in channels are removed before reading.
/// </summary>
public sealed class ChatCommands
{
    private readonly ReferralDialog referrals;
    private readonly CaseStatusReplies status;

    /// <summary>Creates the command router.</summary>
    public ChatCommands(ReferralDialog referrals, CaseStatusReplies status)
    {
        this.referrals = referrals;
        this.status = status;
    }

    /// <summary>Handles one typed message.</summary>
    public async Task HandleAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var text = WithoutMentions(turn.Activity.Text);
        if (turn.Session.Dialog?.Flow == ReferralDialog.FlowName)
        {
            // An answer is capped by its own question's limit (a narrative may be long), not by the command limit.
            await referrals.ContinueAsync(turn, text, cancellationToken);
            return;
        }

        if (text.Length > MaxCommandLength)
        {
            await turn.SayAsync(BotTexts.MessageTooLong, cancellationToken);
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

    /// <summary>The longest command read; a longer one is answered <see cref="BotTexts.MessageTooLong"/>.</summary>
    public const int MaxCommandLength = 4_000;

    /// <summary>The text without <c>&lt;at&gt;Bot&lt;/at&gt;</c> mentions, trimmed; linear in the text's length.</summary>
    public static string WithoutMentions(string? text)
        => string.IsNullOrEmpty(text) ? string.Empty : MentionText.Strip(text).Trim();
}
