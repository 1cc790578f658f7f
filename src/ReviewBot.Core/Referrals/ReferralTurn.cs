using ReviewBot.Core.Criteria;

namespace ReviewBot.Core.Referrals;

/// <summary>The result of one turn: the draft to store, what to show, and what happened.</summary>
/// <param name="Draft">The draft to store; null when the referral ended (cancelled or submitted): delete it.</param>
/// <param name="Prompts">What to show, in order. A continuing turn always ends with the current question or the summary.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Submission">The referral to create a case from, when <paramref name="Outcome"/> is <see cref="ReferralOutcome.SubmitRequested"/>.</param>
public sealed record ReferralTurn(
    ReferralDraft? Draft,
    IReadOnlyList<ReferralPrompt> Prompts,
    ReferralOutcome Outcome,
    ReferralSubmission? Submission = null);

/// <summary>What a turn did.</summary>
public enum ReferralOutcome
{
    /// <summary>The conversation goes on (an answer was taken, or a question re-asked).</summary>
    Continue,

    /// <summary><c>back</c> at the first question: nothing to go back to.</summary>
    AlreadyAtStart,

    /// <summary>The person confirmed starting over; a fresh draft is returned.</summary>
    Restarted,

    /// <summary>The person confirmed cancelling; nothing is kept.</summary>
    Cancelled,

    /// <summary>The person submitted: create the case from <see cref="ReferralTurn.Submission"/>.</summary>
    SubmitRequested,
}

/// <summary>A submitted referral.</summary>
/// <param name="Referral">The completed form.</param>
/// <param name="DraftId">Submission id: creating the case twice with it must create one case.</param>
/// <param name="StartedAt">When the referrer started.</param>
/// <param name="Criteria">The rulebook's recommendation, as shown at review.</param>
public sealed record ReferralSubmission(Referral Referral, string DraftId, DateTimeOffset StartedAt, CriteriaOutcome Criteria);
