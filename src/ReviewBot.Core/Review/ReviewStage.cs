using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Review;

/// <summary>
/// The stages of a review once it is agreed (domain.md steps 5–10; Enfield Appendix 4 steps 3–11, 5.1–5.4; the
/// CSPR section for the equivalents). Stored by name: append rather than renumber.
/// </summary>
public enum ReviewStage
{
    /// <summary>The review team and the case team are named.</summary>
    ReviewTeam,

    /// <summary>Terms of reference, scope and the panel (members per agency) are agreed.</summary>
    TermsOfReference,

    /// <summary>The lead reviewer is agreed, checked and confirms independence.</summary>
    LeadReviewer,

    /// <summary>Every agency's IMR with chronology is in.</summary>
    ImrsAndChronologies,

    /// <summary>Panel meetings discuss the IMRs.</summary>
    PanelMeetings,

    /// <summary>The lead reviewer drafts the overview report and executive summary.</summary>
    DraftOverviewReport,

    /// <summary>Each panel member signs the report off.</summary>
    PanelSignOff,

    /// <summary>The board (its chair) approves the final report.</summary>
    BoardApproval,

    /// <summary>The anonymised report is published after the national panel's notice period.</summary>
    Publication,

    /// <summary>The panel monitors the action plan.</summary>
    ActionPlanMonitoring,

    /// <summary>Learning is disseminated to the agencies.</summary>
    LearningDisseminated,

    /// <summary>Nothing more to do.</summary>
    Closed,
}

/// <summary>What one stage is: who moves it on, how long it has, whether it may be skipped.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Actors">The roles that move it on (any one suffices).</param>
/// <param name="MovesOn">What moves it on, in words for "who acts".</param>
/// <param name="Skippable">False for the steps the sources require (the board's approval, publication's own decision).</param>
public sealed record ReviewStageRule(ReviewStage Stage, IReadOnlyList<BoardRole> Actors, string MovesOn, bool Skippable = true);

/// <summary>The stage table: one place says who acts at each stage and in what order the stages come.</summary>
public static class ReviewStages
{
    private static readonly BoardRole[] Manager = [BoardRole.BusinessManager];

    /// <summary>Every stage in order, with its rule.</summary>
    public static IReadOnlyList<ReviewStageRule> All { get; } =
    [
        new(ReviewStage.ReviewTeam, Manager, "names the review team and case team"),
        new(ReviewStage.TermsOfReference, [BoardRole.BusinessManager, BoardRole.SubGroupChair], "records the terms of reference, scope and panel"),
        new(ReviewStage.LeadReviewer, Manager, "moves on once the chair and the director of children's services agree the lead reviewer, the checks are recorded and independence is confirmed"),
        new(ReviewStage.ImrsAndChronologies, Manager, "moves on once every agency's IMR and chronology is in"),
        new(ReviewStage.PanelMeetings, Manager, "calls the panel meetings and moves on once they have discussed the IMRs"),
        new(ReviewStage.DraftOverviewReport, [BoardRole.LeadReviewer, BoardRole.BusinessManager], "records the draft overview report and executive summary"),
        new(ReviewStage.PanelSignOff, Manager, "moves on once every panel member has signed off the latest report"),
        new(ReviewStage.BoardApproval, [BoardRole.BoardChair], "approves the final report", Skippable: false),
        new(ReviewStage.Publication, Manager, "publishes once the anonymisation checklist is complete and the notice period has passed (or the chair decides not to publish)", Skippable: false),
        new(ReviewStage.ActionPlanMonitoring, [BoardRole.BusinessManager, BoardRole.SubGroupChair], "moves on once the panel has monitored the action plan to its end"),
        new(ReviewStage.LearningDisseminated, Manager, "moves on once learning is disseminated and the learning event held"),
        new(ReviewStage.Closed, [], "nothing: the review is closed", Skippable: false),
    ];

    /// <summary>The rule of <paramref name="stage"/>.</summary>
    public static ReviewStageRule Rule(ReviewStage stage) => All[(int)stage];

    /// <summary>The stage after <paramref name="stage"/>.</summary>
    public static ReviewStage Next(ReviewStage stage) => stage == ReviewStage.Closed ? stage : stage + 1;

    /// <summary>Who may skip a stage (with a reason): its own actors and the board chair.</summary>
    public static IReadOnlyList<BoardRole> SkipActors(ReviewStage stage) => [.. Rule(stage).Actors.Append(BoardRole.BoardChair).Distinct()];

    /// <summary>The stage's name in the regime's words (SCR lead reviewer / CSPR reviewer; board / safeguarding partners).</summary>
    public static string Title(ReviewStage stage, RulebookKind rulebook)
    {
        var cspr = rulebook == RulebookKind.Cspr;
        return stage switch
        {
            ReviewStage.ReviewTeam => "Review team and case team",
            ReviewStage.TermsOfReference => "Terms of reference, scope and panel",
            ReviewStage.LeadReviewer => cspr ? "Reviewer appointed" : "Lead reviewer appointed",
            ReviewStage.ImrsAndChronologies => cspr ? "Agency reports and chronologies in" : "IMRs and chronologies in",
            ReviewStage.PanelMeetings => "Panel meetings",
            ReviewStage.DraftOverviewReport => cspr ? "Draft review report" : "Draft overview report",
            ReviewStage.PanelSignOff => "Panel sign-off",
            ReviewStage.BoardApproval => cspr ? "Safeguarding partners' approval" : "Board approval",
            ReviewStage.Publication => "Publication",
            ReviewStage.ActionPlanMonitoring => "Action plan monitoring",
            ReviewStage.LearningDisseminated => "Learning disseminated",
            _ => "Closed",
        };
    }

    /// <summary>The national body told before publication and of the appointment: for CSPR the Panel and the Secretary of State.</summary>
    public static IReadOnlyList<string> NationalRecipients(RulebookKind rulebook)
        => rulebook == RulebookKind.Cspr ? ["the Child Safeguarding Practice Review Panel", "the Secretary of State"] : ["the national panel"];
}
