namespace ReviewBot.Core.Cases;

/// <summary>
/// Where a case stands. Later stages (panel, IMRs, report, publication, action plan) extend this list;
/// values are stored by name, so append rather than renumber.
/// </summary>
public enum CaseStage
{
    /// <summary>Referral received; the business manager and sub-group consider it.</summary>
    AwaitingRecommendation,

    /// <summary>The sub-group has recommended; the board chair (SCR) or partners (CSPR) decide.</summary>
    AwaitingChairDecision,

    /// <summary>Someone asked the referrer for more information; the case waits for it.</summary>
    MoreInformationRequested,

    /// <summary>The review was agreed and initiated.</summary>
    ReviewInitiated,

    /// <summary>The review was declined and an alternative review recorded.</summary>
    AlternativeReviewAgreed,

    /// <summary>Nothing more to do; retention runs from here.</summary>
    Closed,
}

/// <summary>Stage facts used by queries and sweeps.</summary>
public static class CaseStages
{
    /// <summary>True while the case still has work or clocks running.</summary>
    public static bool IsOpen(this CaseStage stage) => stage != CaseStage.Closed;
}
