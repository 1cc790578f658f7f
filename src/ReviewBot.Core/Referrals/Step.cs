namespace ReviewBot.Core.Referrals;

/// <summary>One question of the referral, bound to the answers so far.</summary>
internal sealed record Step
{
    public required string Id { get; init; }

    public required string Section { get; init; }

    public required ReferralInputKind Kind { get; init; }

    public required string Text { get; init; }

    public string? Hint { get; init; }

    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    public bool AllowsOtherText { get; init; }

    public int MaxLength { get; init; } = 200;

    /// <summary>The current answer (input value, words), offered as prefill.</summary>
    public (string Value, string Label)? Current { get; init; }

    /// <summary>Reads an answer (text, whether it came from a card input) and applies it.</summary>
    public required Func<string, bool, StepResult> Answer { get; init; }

    /// <summary>Applies "skip"; null when the question needs an answer.</summary>
    public Func<StepResult>? Skip { get; init; }

    /// <summary>True when "none", "no" or "nobody" typed here means skip.</summary>
    public bool NothingSkips { get; init; }

    /// <summary>True when "same" is an answer here (an address like the child's), not "keep the current answer".</summary>
    public bool ReadsSame { get; init; }

    public bool CanSkip => Skip is not null;
}

/// <summary>An answer applied (the referral after it, where to go next, what to say) or a problem to re-ask with.</summary>
internal sealed record StepResult(Referral? Updated, string? Problem, string? Next, IReadOnlyList<string> Notices)
{
    public static StepResult Ok(Referral updated, string? next = null, params string[] notices) => new(updated, null, next, notices);

    public static StepResult Fail(string problem) => new(null, problem, null, []);
}
