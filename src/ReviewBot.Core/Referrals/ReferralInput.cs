namespace ReviewBot.Core.Referrals;

/// <summary>
/// One thing the person did: typed a message, or pressed a card button (Action.Submit or Action.Execute,
/// with the card's inputs in <see cref="Values"/>).
/// </summary>
public sealed record ReferralInput
{
    private static readonly IReadOnlyDictionary<string, string?> NoValues = new Dictionary<string, string?>();

    /// <summary>Typed text, for a message.</summary>
    public string? Text { get; init; }

    /// <summary>The card verb (see <see cref="ReferralVerbs"/>), for a card action.</summary>
    public string? Verb { get; init; }

    /// <summary>The card's data and inputs (see <see cref="ReferralValues"/>).</summary>
    public IReadOnlyDictionary<string, string?> Values { get; init; } = NoValues;

    /// <summary>True for a card action.</summary>
    public bool IsCard => Verb is not null;

    /// <summary>A typed message.</summary>
    public static ReferralInput Typed(string? text) => new() { Text = text ?? string.Empty };

    /// <summary>A card action.</summary>
    public static ReferralInput Card(string verb, IReadOnlyDictionary<string, string?>? values = null)
        => new() { Verb = verb, Values = values ?? NoValues };

    /// <summary>A value from the card, or null.</summary>
    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;
}

/// <summary>Card verbs the referral conversation understands.</summary>
public static class ReferralVerbs
{
    /// <summary>Answers the question (value <see cref="ReferralValues.Answer"/>).</summary>
    public const string Answer = "referral.answer";

    /// <summary>Goes back one question.</summary>
    public const string Back = "referral.back";

    /// <summary>Skips an optional question.</summary>
    public const string Skip = "referral.skip";

    /// <summary>Asks to cancel (confirmed with a yes/no question).</summary>
    public const string Cancel = "referral.cancel";

    /// <summary>Changes an answer from the summary (value <see cref="ReferralValues.StepId"/>).</summary>
    public const string Edit = "referral.edit";

    /// <summary>Submits the referral from the summary.</summary>
    public const string Submit = "referral.submit";

    /// <summary>Shows help for the current question.</summary>
    public const string Help = "referral.help";
}

/// <summary>Keys of card data and inputs.</summary>
public static class ReferralValues
{
    /// <summary>The answer input (date inputs send yyyy-MM-dd, multi-select inputs comma-joined values).</summary>
    public const string Answer = "answer";

    /// <summary>A choice's own words typed on the card when it isn't listed; read when <see cref="Answer"/> is empty.</summary>
    public const string Other = "other";

    /// <summary>The step the card asked, so a press on an old card is recognised.</summary>
    public const string QuestionId = "questionId";

    /// <summary>The draft the card belongs to.</summary>
    public const string DraftId = "draftId";

    /// <summary>The step to change, for <see cref="ReferralVerbs.Edit"/>.</summary>
    public const string StepId = "stepId";
}
