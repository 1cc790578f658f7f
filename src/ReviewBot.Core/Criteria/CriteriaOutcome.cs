using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Criteria;

/// <summary>
/// What the criteria engine recommends for a referral. A recommendation for the sub-group, never a
/// decision: <see cref="Summary"/> says so in words people read.
/// </summary>
public sealed record CriteriaOutcome
{
    /// <summary>The strength of the recommendation.</summary>
    public required CriteriaLevel Level { get; init; }

    /// <summary>One or two plain sentences for the referrer and the sub-group.</summary>
    public required string Summary { get; init; }

    /// <summary>Each rule that applied, with its source.</summary>
    public IReadOnlyList<CriteriaFinding> Findings { get; init; } = [];

    /// <summary>Reviews to consider instead, when the criteria are not met.</summary>
    public IReadOnlyList<AlternativeReview> Alternatives { get; init; } = [];

    /// <summary>Clocks the outcome starts (e.g. CSPR notification in 5 working days).</summary>
    public IReadOnlyList<CaseClock> Clocks { get; init; } = [];
}

/// <summary>How strongly the rulebook points to a review.</summary>
public enum CriteriaLevel
{
    /// <summary>SCR: the statutory criteria are met; a review must be done (reg 5(2)).</summary>
    Must,

    /// <summary>SCR: a review should always be done (death in custody, secure settings, detention).</summary>
    ShouldAlways,

    /// <summary>SCR: the board should consider a review (Enfield 2.1).</summary>
    Consider,

    /// <summary>SCR: criteria not met; alternative reviews listed.</summary>
    NotMet,

    /// <summary>CSPR: notifiable incident and the reg 11 local review criteria may be met.</summary>
    LocalReviewIndicated,

    /// <summary>CSPR: notifiable incident; reg 11 criteria not indicated (rapid review still due).</summary>
    NotifiableIncident,

    /// <summary>CSPR: not a notifiable incident on the answers given.</summary>
    NotNotifiable,

    /// <summary>CSPR: a looked-after child died without known or suspected abuse or neglect: Secretary of State and Ofsted told, no rapid review (s16C(2)).</summary>
    LookedAfterDeath,
}

/// <summary>One rule that applied.</summary>
/// <param name="Text">Plain words, e.g. "Abuse or neglect is suspected and the child has died."</param>
/// <param name="Source">Citation, e.g. "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)".</param>
public sealed record CriteriaFinding(string Text, string Source);
