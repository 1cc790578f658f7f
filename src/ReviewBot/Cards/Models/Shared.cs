namespace ReviewBot.Cards.Models;

/// <summary>The criteria engine's outcome as cards show it: a recommendation, never a decision.</summary>
/// <param name="LevelText">The level in words, e.g. "An SCR must be done: the statutory criteria appear to be met."</param>
/// <param name="Summary">One or two plain sentences.</param>
/// <param name="Findings">Each rule that applied, with its source.</param>
/// <param name="Clocks">Deadlines the outcome starts.</param>
public sealed record CriteriaOutcomeView(string LevelText, string Summary, IReadOnlyList<FindingView> Findings, IReadOnlyList<ClockView> Clocks);

/// <summary>One rule that applied.</summary>
/// <param name="Text">Plain words.</param>
/// <param name="Source">Citation, e.g. "LSCB Regulations 2006 reg 5(2)(a)".</param>
public sealed record FindingView(string Text, string Source);

/// <summary>A deadline, formatted for people (the caller owns the calendar and the time zone).</summary>
/// <param name="Label">What is due, e.g. "Chair's decision".</param>
/// <param name="DueOn">The due date, e.g. "Mon 16 Mar 2026".</param>
/// <param name="DaysLeftText">e.g. "9 working days left", "2 working days overdue" or "Done".</param>
/// <param name="Overdue">Shown in the attention colour when true.</param>
public sealed record ClockView(string Label, string DueOn, string DaysLeftText, bool Overdue = false);

/// <summary>An option of a question.</summary>
/// <param name="Title">What people see.</param>
/// <param name="Value">What the card sends back as <c>answer</c>.</param>
public sealed record ChoiceView(string Title, string Value);

/// <summary>Limits that keep cards under Teams' 28 KB and inside what a client shows well.</summary>
public static class CardLimits
{
    /// <summary>Teams accepts at most 60 user ids in <c>refresh.userIds</c>.</summary>
    public const int MaxRefreshUserIds = 60;

    /// <summary>
    /// Longest account of what happened on the sub-group's and chair's cards: above the 4,000 characters the
    /// question card and a typed answer take, so the whole account is shown.
    /// </summary>
    public const int Account = 5000;

    /// <summary>The account on a card whose viewer has already recommended or decided (room for what they decided).</summary>
    public const int AccountPreview = 1200;

    /// <summary>Longest answer shown on the referral summary card.</summary>
    public const int AnswerPreview = 300;

    /// <summary>
    /// Characters of long answers the referral summary shows in full beside "What happened" (always shown in
    /// full): "How the criteria are met" is shown whole when both together fit, otherwise as a preview.
    /// </summary>
    public const int SummaryFullText = 5000;

    /// <summary>Characters shared by the referral summary's other answers (each previewed to its share, 50 to 300).</summary>
    public const int SummaryAnswerText = 4000;

    /// <summary>Most characters in one text block of a long answer (paragraphs longer than this are split).</summary>
    public const int TextBlock = 2000;

    /// <summary>Most tasks, and most followed cases, on "my tasks".</summary>
    public const int MyTasks = 30;

    /// <summary>Most tasks on the follow-up checklist card.</summary>
    public const int ChecklistTasks = 30;

    /// <summary>Longest rationale or reason shown; the card inputs accept no more.</summary>
    public const int Rationale = 3000;

    /// <summary>Checks a refresh list.</summary>
    /// <param name="userIds">Teams user ids (<c>29:...</c>).</param>
    /// <returns>The same list.</returns>
    /// <exception cref="ArgumentException">More than <see cref="MaxRefreshUserIds"/> ids.</exception>
    public static IReadOnlyList<string> RefreshUserIds(IReadOnlyList<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        return userIds.Count <= MaxRefreshUserIds
            ? userIds
            : throw new ArgumentException($"Teams refreshes a card for at most {MaxRefreshUserIds} users.", nameof(userIds));
    }
}
