using ReviewBot.Core.Criteria;

namespace ReviewBot.Core.Referrals;

/// <summary>Something to show the person: a question, a notice, or the summary. Hosts render cards or text (<see cref="ReferralText"/>).</summary>
public abstract record ReferralPrompt;

/// <summary>A plain message, e.g. "OK, let's carry on."</summary>
/// <param name="Text">The message.</param>
public sealed record NoticePrompt(string Text) : ReferralPrompt;

/// <summary>One question.</summary>
public sealed record QuestionPrompt : ReferralPrompt
{
    /// <summary>The draft the question belongs to (card data: <see cref="ReferralValues.DraftId"/>).</summary>
    public required string DraftId { get; init; }

    /// <summary>The step (card data: <see cref="ReferralValues.QuestionId"/>).</summary>
    public required string StepId { get; init; }

    /// <summary>Section title, e.g. "The child".</summary>
    public required string Section { get; init; }

    /// <summary>The number of the question's section (1 = About you); 0 for a confirmation outside the form.</summary>
    public required int StepNumber { get; init; }

    /// <summary>How many sections the form has (never changes); 0 for a confirmation outside the form.</summary>
    public required int TotalSteps { get; init; }

    /// <summary>Progress as shown, e.g. "Part 2 of 7"; empty for a confirmation.</summary>
    public string Progress => TotalSteps == 0 ? string.Empty : $"Part {StepNumber} of {TotalSteps}";

    /// <summary>The question.</summary>
    public required string Text { get; init; }

    /// <summary>What a good answer looks like.</summary>
    public string? Hint { get; init; }

    /// <summary>The kind of input.</summary>
    public required ReferralInputKind Kind { get; init; }

    /// <summary>Numbered choices for <see cref="ReferralInputKind.Choice"/> and <see cref="ReferralInputKind.MultiChoice"/>.</summary>
    public IReadOnlyList<ReferralChoice> Choices { get; init; } = [];

    /// <summary>True when a typed answer outside <see cref="Choices"/> is accepted.</summary>
    public bool AllowsOtherText { get; init; }

    /// <summary>The current answer as an input value (dates dd/MM/yyyy, yes/no "yes"/"no", multi-choice comma-joined values).</summary>
    public string? Prefill { get; init; }

    /// <summary>The current answer in words, for text chat.</summary>
    public string? PrefillLabel { get; init; }

    /// <summary>True when the question may be skipped.</summary>
    public bool CanSkip { get; init; }

    /// <summary>True when there is a previous question to go back to.</summary>
    public bool CanGoBack { get; init; }

    /// <summary>Longest answer accepted.</summary>
    public int MaxLength { get; init; }

    /// <summary>Why the last answer was not accepted, when re-asking.</summary>
    public string? Problem { get; init; }
}

/// <summary>The kind of answer a question takes.</summary>
public enum ReferralInputKind
{
    /// <summary>A line of text.</summary>
    Text,

    /// <summary>Several sentences or paragraphs.</summary>
    LongText,

    /// <summary>A date (UK format typed, or a date picker).</summary>
    Date,

    /// <summary>Yes or no.</summary>
    YesNo,

    /// <summary>One of <see cref="QuestionPrompt.Choices"/>.</summary>
    Choice,

    /// <summary>Any of <see cref="QuestionPrompt.Choices"/>.</summary>
    MultiChoice,
}

/// <summary>A numbered choice.</summary>
/// <param name="Number">Its number, as typed.</param>
/// <param name="Value">Its input value.</param>
/// <param name="Label">What is shown.</param>
public sealed record ReferralChoice(int Number, string Value, string Label);

/// <summary>Every answer so far, grouped as on the form; each row editable at review.</summary>
public sealed record SummaryPrompt : ReferralPrompt
{
    /// <summary>The draft.</summary>
    public required string DraftId { get; init; }

    /// <summary>Sections in form order.</summary>
    public required IReadOnlyList<SummarySection> Sections { get; init; }

    /// <summary>True at the final review (offer edit and submit); false for a mid-way <c>summary</c>.</summary>
    public required bool IsReview { get; init; }

    /// <summary>The rulebook's recommendation at review; null mid-way.</summary>
    public CriteriaOutcome? Criteria { get; init; }

    /// <summary>Every row, numbered as typed in <c>edit 3</c>.</summary>
    public IEnumerable<SummaryItem> Items => Sections.SelectMany(s => s.Items);
}

/// <summary>A section of the summary.</summary>
/// <param name="Title">e.g. "The child".</param>
/// <param name="Items">Its rows.</param>
public sealed record SummarySection(string Title, IReadOnlyList<SummaryItem> Items);

/// <summary>One answer.</summary>
/// <param name="Number">Row number for <c>edit n</c>.</param>
/// <param name="Label">What was asked, briefly.</param>
/// <param name="Value">The answer in words ("Not given" when skipped).</param>
/// <param name="StepId">The step that changes it (card data for <see cref="ReferralVerbs.Edit"/>).</param>
public sealed record SummaryItem(int Number, string Label, string Value, string StepId);
