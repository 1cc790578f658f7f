using ReviewBot.Core.Cases;

namespace ReviewBot.Core.ActionPlans;

/// <summary>
/// The stages in which the action plan and learning can be worked on: once a review (or an alternative review) is
/// agreed, so learning is acted on early (domain.md step 8), and every review stage appended after them, never once
/// the case is closed.
/// </summary>
public static class ActionPlanStages
{
    /// <summary>The stages.</summary>
    public static IReadOnlyList<CaseStage> AfterAgreement { get; } =
        [.. Enum.GetValues<CaseStage>().Where(s => s is CaseStage.ReviewInitiated or CaseStage.AlternativeReviewAgreed || s > CaseStage.Closed)];

    /// <summary>True when the case is at one of <see cref="AfterAgreement"/>.</summary>
    public static bool IsUnderWay(CaseStage stage) => AfterAgreement.Contains(stage);
}
