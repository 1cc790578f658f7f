using System.Text.RegularExpressions;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Bot;

/// <summary>
/// Typed messages: an active dialog gets them first; otherwise the commands (help, refer, status, my
/// tasks). Mentions of the bot in channels are removed before reading.
/// </summary>
public sealed partial class ChatCommands
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
            await referrals.ContinueAsync(turn, text, cancellationToken);
            return;
        }

        if (IsHelp(text))
        {
            await turn.SendCardAsync(turn.Card(new HelpCard()), cancellationToken);
        }
        else if (ReferralIntent.IsStartCommand(text))
        {
            await referrals.StartAsync(turn, cancellationToken);
        }
        else if (StatusCommand().Match(text) is { Success: true } match)
        {
            await status.ShowAsync(turn, match.Groups["ref"].Value, cancellationToken);
        }
        else if (MyTasksCommand().IsMatch(text))
        {
            await status.ShowMyTasksAsync(turn, cancellationToken);
        }
        else if (Greeting().IsMatch(text))
        {
            await turn.SendCardAsync(turn.Card(WelcomeCards.For(turn)), cancellationToken);
        }
        else
        {
            await turn.SayAsync(BotTexts.NotUnderstood, cancellationToken);
        }
    }

    /// <summary>The text without <c>&lt;at&gt;Bot&lt;/at&gt;</c> mentions, trimmed.</summary>
    public static string WithoutMentions(string? text)
        => string.IsNullOrEmpty(text) ? string.Empty : Mention().Replace(text, " ").Trim();

    private static bool IsHelp(string text) => HelpCommand().IsMatch(text);

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"^\s*(help|\?|what can you do\??)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HelpCommand();

    [GeneratedRegex(@"^\s*(status|case|show)\s+(?<ref>\S+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusCommand();

    [GeneratedRegex(@"^\s*(my\s+)?tasks\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MyTasksCommand();

    [GeneratedRegex(@"^\s*(hi|hello|hey|good (morning|afternoon|evening)|start)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();
}
