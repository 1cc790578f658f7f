using System.Text;

namespace ReviewBot.Core.Referrals;

/// <summary>Renders prompts as plain text, for typed chat and clients without cards.</summary>
public static class ReferralText
{
    /// <summary>What to type at any point.</summary>
    public const string Commands = "You can type: back (previous question), skip (optional questions only), summary (your answers so far), help, restart or cancel.";

    /// <summary>Renders any prompt.</summary>
    public static string Render(ReferralPrompt prompt) => prompt switch
    {
        QuestionPrompt question => Render(question),
        SummaryPrompt summary => Render(summary),
        NoticePrompt notice => notice.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(prompt), "Unknown prompt type."),
    };

    /// <summary>Renders several prompts, one paragraph each.</summary>
    public static string Render(IEnumerable<ReferralPrompt> prompts) => string.Join("\n\n", prompts.Select(Render));

    /// <summary>A question: problem (when re-asking), the question, numbered choices, hint, current answer.</summary>
    public static string Render(QuestionPrompt question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = new StringBuilder();
        if (question.Problem is not null)
        {
            text.Append(question.Problem).Append("\n\n");
        }

        text.Append(question.Section);
        if (question.Progress.Length > 0)
        {
            text.Append(" · ").Append(question.Progress);
        }

        text.Append('\n').Append(question.Text);
        if (question.Kind is ReferralInputKind.Choice or ReferralInputKind.MultiChoice)
        {
            foreach (var choice in question.Choices)
            {
                text.Append('\n').Append(choice.Number).Append(". ").Append(choice.Label);
            }
        }
        else if (question.Kind == ReferralInputKind.YesNo)
        {
            text.Append(" (yes or no)");
        }

        if (question.Hint is not null)
        {
            text.Append('\n').Append(question.Hint);
        }

        if (question.PrefillLabel is not null)
        {
            text.Append("\nCurrently: ").Append(question.PrefillLabel).Append(". Type keep to leave it as it is.");
        }

        return text.ToString();
    }

    /// <summary>The summary: numbered rows by section, and at review the criteria outcome and how to edit or submit.</summary>
    public static string Render(SummaryPrompt summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder(summary.IsReview ? "Please check your referral before you submit it." : "Your answers so far:");
        foreach (var section in summary.Sections)
        {
            text.Append("\n\n").Append(section.Title);
            foreach (var item in section.Items)
            {
                text.Append('\n').Append(item.Number).Append(". ").Append(item.Label).Append(": ").Append(item.Value);
            }
        }

        if (summary.Criteria is { } criteria)
        {
            text.Append("\n\nWhat the criteria suggest:\n").Append(criteria.Summary);
            foreach (var finding in criteria.Findings)
            {
                text.Append("\n- ").Append(finding.Text).Append(" (").Append(finding.Source).Append(')');
            }
        }

        if (summary.IsReview)
        {
            text.Append("\n\nType submit to send the referral, or edit and a number to change an answer (for example, edit 3).");
        }

        return text.ToString();
    }
}
