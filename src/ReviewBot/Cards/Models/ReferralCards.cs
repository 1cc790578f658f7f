namespace ReviewBot.Cards.Models;

/// <summary>How a referral question is answered on its card.</summary>
public enum QuestionInputKind
{
    /// <summary>Free text (input <c>answer</c>).</summary>
    Text,

    /// <summary>A date typed as text (input <c>answer</c>), so "yesterday" works too.</summary>
    Date,

    /// <summary>Yes and No buttons (<c>answer</c> "yes" or "no").</summary>
    YesNo,

    /// <summary>One button per choice (<c>answer</c> is the choice's value).</summary>
    Choice,

    /// <summary>Tick boxes (input <c>answer</c>: the chosen values, comma-separated).</summary>
    MultiSelect,

    /// <summary>A drop-down list (input <c>answer</c>) with a box for an answer that isn't listed (input <c>other</c>).</summary>
    ChoiceOrText,
}

/// <summary>Data for <c>cards/referral-question.json</c>: one question of the referral conversation.</summary>
public sealed record ReferralQuestionCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ReferralQuestion;

    /// <summary>The draft the question belongs to (a stale card is recognised by it).</summary>
    public required string DraftId { get; init; }

    /// <summary>The question's stable id.</summary>
    public required string QuestionId { get; init; }

    /// <summary>e.g. "About the child".</summary>
    public required string SectionTitle { get; init; }

    /// <summary>e.g. "Part 2 of 7" (sections of the form).</summary>
    public required string Progress { get; init; }

    /// <summary>The question as asked.</summary>
    public required string Question { get; init; }

    /// <summary>Plain-words help, if any.</summary>
    public string? Hint { get; init; }

    /// <summary>Why the last answer was not accepted (shown in the attention colour), if it was not.</summary>
    public string? Error { get; init; }

    /// <summary>How the question is answered.</summary>
    public required QuestionInputKind InputKind { get; init; }

    /// <summary>Text answers: a multi-line box.</summary>
    public bool Multiline { get; init; }

    /// <summary>The current answer, to prefill text, date and multi-select inputs.</summary>
    public string Value { get; init; } = string.Empty;

    /// <summary><see cref="QuestionInputKind.ChoiceOrText"/>: the current answer when it is not one of the choices.</summary>
    public string OtherValue { get; init; } = string.Empty;

    /// <summary>Options for <see cref="QuestionInputKind.Choice"/> and <see cref="QuestionInputKind.MultiSelect"/>.</summary>
    public IReadOnlyList<ChoiceView> Choices { get; init; } = [];

    /// <summary>Shows Back (false on the first question).</summary>
    public bool CanGoBack { get; init; } = true;

    /// <summary>Shows Skip (optional questions only).</summary>
    public bool Skippable { get; init; }
}

/// <summary>
/// Data for <c>cards/referral-summary.json</c>: every answer and the criteria outcome. Any answer can be
/// edited: "Change an answer" lists them all and Edit sends <c>{draftId, questionId}</c>. (An Edit button per
/// answer costs ~300 bytes each with its fallback; a full referral would not fit Teams' 28 KB.)
/// </summary>
/// <param name="DraftId">The draft.</param>
/// <param name="Sections">Answers grouped as the questions were.</param>
/// <param name="Outcome">The criteria check.</param>
public sealed record ReferralSummaryCard(string DraftId, IReadOnlyList<SummarySection> Sections, CriteriaOutcomeView Outcome) : ICardModel
{
    /// <summary>Every answer as an option of "Change an answer" (value: the question id).</summary>
    public IReadOnlyList<ChoiceView> EditChoices => [.. Sections.SelectMany(s => s.Answers).Select(a => new ChoiceView(CardText.Preview(a.Label, 64), a.QuestionId))];

    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ReferralSummary;
}

/// <summary>A group of answers.</summary>
/// <param name="Title">e.g. "About the child".</param>
/// <param name="Answers">The answers.</param>
public sealed record SummarySection(string Title, IReadOnlyList<SummaryAnswer> Answers)
{
    /// <summary>Short answers, shown as facts.</summary>
    public IReadOnlyList<SummaryAnswer> Facts => [.. Answers.Where(a => a.Paragraphs.Count == 0)];

    /// <summary>Long answers shown in full, as paragraphs under their label.</summary>
    public IReadOnlyList<SummaryAnswer> LongAnswers => [.. Answers.Where(a => a.Paragraphs.Count > 0)];
}

/// <summary>One answer on the summary card.</summary>
public sealed record SummaryAnswer
{
    /// <summary>Creates an answer.</summary>
    /// <param name="label">The question in short.</param>
    /// <param name="value">The answer as typed (cut to <see cref="CardLimits.AnswerPreview"/>).</param>
    /// <param name="questionId">The question, for Edit.</param>
    [System.Text.Json.Serialization.JsonConstructor]
    public SummaryAnswer(string label, string value, string questionId)
    {
        Label = label;
        Value = value;
        QuestionId = questionId;
    }

    /// <summary>The question in short.</summary>
    public string Label { get; init; }

    /// <summary>The answer as typed; long answers are cut with "(continues…)".</summary>
    public string Value { get; init => field = CardText.Preview(value, CardLimits.AnswerPreview); }

    /// <summary>A long answer shown whole (see <see cref="InFull"/>); empty for a short one.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>An answer shown whole, in paragraphs, however long (the summary's "What happened").</summary>
    public static SummaryAnswer InFull(string label, string text, string questionId)
        => new(label, string.Empty, questionId) { Paragraphs = CardText.Paragraphs(text, CardLimits.TextBlock) };

    /// <summary>The question, for Edit.</summary>
    public string QuestionId { get; init; }
}
