using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;
using static ReviewBot.Core.Criteria.Condition;
using static ReviewBot.Core.Criteria.CriteriaQuestionIds;

namespace ReviewBot.Core.Criteria;

/// <summary>Serious Case Review criteria (LSCB Regulations 2006 reg 5; Working Together 2015; Enfield 2.1).</summary>
/// <remarks>
/// Asking order: the statutory test first (abuse or neglect, death, serious harm, inter-agency concerns);
/// then, for a death without known or suspected abuse or neglect, the settings where a review should always
/// be done; then, when no "must" route is met and the child is alive, the Enfield 2.1 situations. Within the
/// settings and the situations, asking stops at the first yes: one is enough.
/// </remarks>
public sealed class ScrRulebook : Rulebook
{
    private const string Reg5 = "LSCB Regulations 2006 reg 5(2)";
    private const string WorkingTogether2015 = "Working Together to Safeguard Children 2015, ch 4";
    private const string Enfield21 = "Enfield ESCB serious case review procedure 2.1";

    private static readonly CriteriaLevel[] StrongestFirst = [CriteriaLevel.Must, CriteriaLevel.ShouldAlways, CriteriaLevel.Consider];

    private static readonly AlternativeReview[] AlternativesWhenNotMet =
        [AlternativeReview.ManagementReview, AlternativeReview.LearningLessonsReview, AlternativeReview.PartnershipReview];

    /// <summary>The one instance.</summary>
    public static ScrRulebook Instance { get; } = new();

    /// <inheritdoc />
    public override RulebookKind Kind => RulebookKind.Scr;

    /// <inheritdoc />
    public override string Name => "Serious Case Review (LSCB Regulations 2006, reg 5)";

    /// <inheritdoc />
    public override IReadOnlyList<CriteriaQuestion> Questions { get; } =
    [
        new(AbuseOrNeglect,
            "Is abuse or neglect of the child known or suspected?",
            "Suspected is enough. Abuse means physical, emotional or sexual abuse, or neglect, by anyone: a parent or carer, another adult or another child.",
            $"{Reg5}(a)"),
        new(ChildDied,
            "Has the child died? (This includes a suspected suicide.)",
            "Answer yes if the child has died, whatever the cause, including a suspected suicide.",
            $"{Reg5}(b)(i); {WorkingTogether2015}"),
        new(SeriouslyHarmed,
            "Has the child been seriously harmed?",
            "Seriously harmed includes a potentially life-threatening injury, or serious and/or likely long-term impairment of physical or mental health or development. Recovery does not mean there was no serious harm.",
            $"{Reg5}(b)(ii); {WorkingTogether2015}",
            AskOnlyIfYes: [AbuseOrNeglect], AskOnlyIfNo: [ChildDied]),
        new(ClearNoInterAgencyConcerns,
            "Is it clear that there are no concerns about how the local authority, the board's partners or others worked together to safeguard the child?",
            "Answer yes only if it is clear there are no such concerns. If there is any doubt, answer no: unless it is clear there are no concerns, the board must commission a serious case review.",
            $"{Reg5}(b)(ii); {WorkingTogether2015}",
            AskOnlyIfYes: [AbuseOrNeglect, SeriouslyHarmed], AskOnlyIfNo: [ChildDied]),
        new(DiedInCustody,
            "Did the child die in custody: in police custody, on remand or following sentencing?",
            "A serious case review should always be done when a child dies in custody, even if abuse or neglect is not known or suspected.",
            WorkingTogether2015,
            AskOnlyIfYes: [ChildDied], AskOnlyIfNo: [AbuseOrNeglect]),
        new(DiedInSecureSetting,
            "Did the child die in a Young Offender Institution, a secure training centre or a secure children's home?",
            "A serious case review should always be done when a child dies in one of these settings.",
            WorkingTogether2015,
            AskOnlyIfYes: [ChildDied], AskOnlyIfNo: [AbuseOrNeglect, DiedInCustody]),
        new(DiedDetainedUnderMentalHealthAct,
            "Was the child detained under mental health legislation (the guidance says \"Mental Health Act 2005\") when they died?",
            "A serious case review should always be done when a child dies while detained under mental health legislation.",
            WorkingTogether2015,
            AskOnlyIfYes: [ChildDied], AskOnlyIfNo: [AbuseOrNeglect, DiedInCustody, DiedInSecureSetting]),
        new(ServicesWorkingTogetherConcerns,
            "Does the case raise concerns about how professionals and services worked together to safeguard the child?",
            "For example: information not shared, a referral not acted on, or agencies each assuming another was acting.",
            Enfield21,
            AskOnlyIfNo: [ChildDied],
            AskWhen: Not(All(Yes(AbuseOrNeglect), Yes(SeriouslyHarmed)))),
        new(LifeThreateningInjury,
            "Did the child suffer a potentially life-threatening injury, or serious and permanent impairment of health or development, through abuse or neglect?",
            "Answer yes even if the child has since recovered.",
            Enfield21,
            AskOnlyIfYes: [ServicesWorkingTogetherConcerns], AskOnlyIfNo: [ChildDied]),
        new(SexualAbuse,
            "Has the child been seriously harmed through sexual abuse?",
            "Sexual abuse by anyone, including another child or someone online.",
            Enfield21,
            AskOnlyIfYes: [ServicesWorkingTogetherConcerns], AskOnlyIfNo: [ChildDied, LifeThreateningInjury]),
        new(ParentMurdered,
            "Has a parent of the child been murdered, with a domestic homicide review started?",
            "Domestic homicide reviews are commissioned by the community safety partnership (Domestic Violence, Crime and Victims Act 2004 s9).",
            Enfield21,
            AskOnlyIfYes: [ServicesWorkingTogetherConcerns], AskOnlyIfNo: [ChildDied, LifeThreateningInjury, SexualAbuse]),
        new(ViolentAssault,
            "Has the child been seriously harmed by a violent assault by another child or an adult?",
            "Any violent assault, whoever carried it out.",
            Enfield21,
            AskOnlyIfYes: [ServicesWorkingTogetherConcerns], AskOnlyIfNo: [ChildDied, LifeThreateningInjury, SexualAbuse, ParentMurdered]),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<CriteriaRule> Rules { get; } =
    [
        new("must-child-died",
            All(Yes(AbuseOrNeglect), Yes(ChildDied)),
            CriteriaLevel.Must,
            "Abuse or neglect of the child is known or suspected and the child has died (this includes a suspected suicide): a serious case review must be done.",
            $"{Reg5}(a) and (b)(i); {WorkingTogether2015}"),
        new("must-seriously-harmed",
            All(Yes(AbuseOrNeglect), No(ChildDied), Yes(SeriouslyHarmed), No(ClearNoInterAgencyConcerns)),
            CriteriaLevel.Must,
            "Abuse or neglect is known or suspected, the child has been seriously harmed, and it is not clear that there are no concerns about how agencies worked together: the board must commission a serious case review.",
            $"{Reg5}(a) and (b)(ii); {WorkingTogether2015}"),
        new("no-inter-agency-concerns",
            All(Yes(AbuseOrNeglect), No(ChildDied), Yes(SeriouslyHarmed), Yes(ClearNoInterAgencyConcerns)),
            null,
            "Abuse or neglect is known or suspected and the child has been seriously harmed, but it is clear there are no concerns about how agencies worked together, so reg 5(2)(b)(ii) is not met.",
            $"{Reg5}(b)(ii); {WorkingTogether2015}"),
        new("should-always-custody",
            All(Yes(ChildDied), Yes(DiedInCustody)),
            CriteriaLevel.ShouldAlways,
            "The child died in custody (in police custody, on remand or following sentencing): a serious case review should always be done.",
            WorkingTogether2015),
        new("should-always-secure-setting",
            All(Yes(ChildDied), Yes(DiedInSecureSetting)),
            CriteriaLevel.ShouldAlways,
            "The child died in a Young Offender Institution, a secure training centre or a secure children's home: a serious case review should always be done.",
            WorkingTogether2015),
        new("should-always-mental-health",
            All(Yes(ChildDied), Yes(DiedDetainedUnderMentalHealthAct)),
            CriteriaLevel.ShouldAlways,
            "The child was detained under mental health legislation (\"Mental Health Act 2005\" in the guidance) when they died: a serious case review should always be done.",
            WorkingTogether2015),
        Consider("consider-life-threatening-injury", LifeThreateningInjury,
            "The child suffered a potentially life-threatening injury or serious and permanent impairment of health or development through abuse or neglect (this is serious harm: check reg 5(2)(b)(ii) too)"),
        Consider("consider-sexual-abuse", SexualAbuse, "The child has been seriously harmed through sexual abuse"),
        Consider("consider-parent-murdered", ParentMurdered, "A parent has been murdered and a domestic homicide review has started"),
        Consider("consider-violent-assault", ViolentAssault, "The child has been seriously harmed by a violent assault by another child or an adult"),
    ];

    /// <inheritdoc />
    public override CriteriaOutcome Evaluate(Referral referral, BoardConfiguration board, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var answers = AnswersFor(referral);
        var met = RulesMetBy(answers);
        var level = Strongest(met, StrongestFirst, CriteriaLevel.NotMet);
        var findings = FindingsOf(met);
        if (level == CriteriaLevel.NotMet)
        {
            findings = [.. findings, new CriteriaFinding(
                "The criteria for a serious case review are not met on the answers given. The board may still commission one, or another review: a management review (in-house), a learning lessons review or a partnership review.",
                $"{WorkingTogether2015}; Enfield ESCB procedure 3.2; Handsworth Grange policy")];
        }

        return new CriteriaOutcome
        {
            Level = level,
            Summary = Headline(level) + Closing(answers, "the LSCB Chair decides whether to initiate a review."),
            Findings = findings,
            Alternatives = level == CriteriaLevel.NotMet ? AlternativesWhenNotMet : [],
        };
    }

    private static CriteriaRule Consider(string id, string situation, string finding)
        => new(id,
            All(No(ChildDied), Yes(ServicesWorkingTogetherConcerns), Yes(situation)),
            CriteriaLevel.Consider,
            $"{finding}, and the case raises concerns about how professionals and services worked together: the board should consider a serious case review.",
            Enfield21);

    private static string Headline(CriteriaLevel level) => level switch
    {
        CriteriaLevel.Must => "The statutory criteria for a serious case review are met: a review must be done.",
        CriteriaLevel.ShouldAlways => "A serious case review should always be done in this situation, even though the statutory criteria are not met.",
        CriteriaLevel.Consider => "The board should consider a serious case review.",
        _ => "The criteria for a serious case review are not met on the answers given; the board may still commission one, or another kind of review.",
    };
}
