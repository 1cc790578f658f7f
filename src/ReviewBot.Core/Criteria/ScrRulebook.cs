using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;
using static ReviewBot.Core.Criteria.Condition;
using static ReviewBot.Core.Criteria.CriteriaQuestionIds;

namespace ReviewBot.Core.Criteria;

/// <summary>Serious Case Review criteria (LSCB Regulations 2006 reg 5; Working Together 2013/2015 ch 4; Enfield 2.1).</summary>
/// <remarks>
/// Asking order: abuse or neglect, death, serious harm; for a seriously harmed child, whether there are
/// concerns about how agencies worked together and then the Enfield 2.1 situations, whatever the first
/// answer (asking stops at the first yes); then, for a death without known or suspected abuse or neglect,
/// the settings where a review should always be done. Sexual abuse, and a life-threatening injury through
/// abuse or neglect, are abuse or neglect: they meet reg 5(2)(a) on their own. A referrer who said no to
/// abuse and yes to one of them is told so and asked which is right.
/// </remarks>
public sealed class ScrRulebook : Rulebook
{
    private const string Reg5 = "LSCB Regulations 2006 reg 5(2)";
    private const string WorkingTogether2015 = SourceCitations.WorkingTogether2015SeriousCaseReviews;
    private const string Enfield21 = "Enfield ESCB serious case review procedure 2.1";
    private const string EnfieldCustody = SourceCitations.EnfieldCustody;

    private static readonly CriteriaLevel[] StrongestFirst = [CriteriaLevel.Must, CriteriaLevel.ShouldAlways, CriteriaLevel.Consider];

    private static readonly AlternativeReview[] AlternativesWhenNotMet =
        [AlternativeReview.ManagementReview, AlternativeReview.LearningLessonsReview, AlternativeReview.PartnershipReview];

    /// <summary>A situation that is abuse or neglect in itself (sexual abuse; an injury through abuse or neglect), unless the referrer said that answer was wrong.</summary>
    private static readonly Condition AbuseBySituation = All(
        Any(Yes(LifeThreateningInjury), Yes(SexualAbuse)),
        Not(No(AbuseOrNeglectConfirmed)));

    /// <summary>Reg 5(2)(a): abuse or neglect known or suspected, as answered or as the situations say.</summary>
    private static readonly Condition AbuseKnownOrSuspected = Any(Yes(AbuseOrNeglect), AbuseBySituation);

    /// <summary>Reg 5(2)(b)(ii), first half: alive and seriously harmed.</summary>
    private static readonly Condition SeriousHarm = All(No(ChildDied), Yes(SeriouslyHarmed));

    /// <summary>The one instance.</summary>
    public static ScrRulebook Instance { get; } = new();

    /// <inheritdoc />
    public override RulebookKind Kind => RulebookKind.Scr;

    /// <inheritdoc />
    public override string Name => "Serious Case Review (LSCB Regulations 2006, reg 5)";

    /// <inheritdoc />
    public override IReadOnlyList<RetiredQuestion> RetiredQuestions { get; } =
        [new(ClearNoInterAgencyConcerns, ServicesWorkingTogetherConcerns, Inverted: true)];

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
            "Seriously harmed includes a potentially life-threatening injury, or serious and/or likely long-term impairment of physical or mental health or development. Recovery does not mean there was no serious harm. Answer no if the child was harmed, but not seriously.",
            $"{Reg5}(b)(ii); {WorkingTogether2015}",
            AskOnlyIfNo: [ChildDied]),
        new(ServicesWorkingTogetherConcerns,
            "Are there concerns about how the agencies (the local authority, the board's partners, other professionals and services) worked together to safeguard the child?",
            "For example: information not shared, a referral not acted on, or agencies each assuming another was acting. If you are not sure, answer yes: unless it is clear there are no such concerns, the board must commission a serious case review.",
            $"{Reg5}(b)(ii); {Enfield21}",
            AskOnlyIfYes: [SeriouslyHarmed], AskOnlyIfNo: [ChildDied]),
        new(LifeThreateningInjury,
            "Did the child suffer a potentially life-threatening injury, or serious and permanent impairment of health or development, through abuse or neglect?",
            "Answer yes even if the child has since recovered.",
            $"{Reg5}(a); {Enfield21}",
            AskOnlyIfYes: [SeriouslyHarmed], AskOnlyIfNo: [ChildDied]),
        new(SexualAbuse,
            "Has the child been seriously harmed through sexual abuse?",
            "Sexual abuse by anyone, including another child or someone online.",
            $"{Reg5}(a); {Enfield21}",
            AskOnlyIfYes: [SeriouslyHarmed], AskOnlyIfNo: [ChildDied, LifeThreateningInjury]),
        new(AbuseOrNeglectConfirmed,
            "You said abuse or neglect is not known or suspected, but also that the child was sexually abused or injured through abuse or neglect, and those are abuse or neglect. Which is right: is abuse or neglect of the child known or suspected?",
            "Answer yes if the child was sexually abused or injured through abuse or neglect (even if only suspected). Answer no if that earlier answer was a mistake: it will then not be counted.",
            $"{Reg5}(a); {Enfield21}",
            AskOnlyIfNo: [AbuseOrNeglect],
            AskWhen: Any(Yes(LifeThreateningInjury), Yes(SexualAbuse))),
        new(ParentMurdered,
            "Has a parent of the child been murdered, with a domestic homicide review started?",
            "Domestic homicide reviews are commissioned by the community safety partnership (Domestic Violence, Crime and Victims Act 2004 s9).",
            Enfield21,
            AskOnlyIfYes: [SeriouslyHarmed], AskOnlyIfNo: [ChildDied],
            AskWhen: Not(AbuseBySituation)),
        new(ViolentAssault,
            "Has the child been seriously harmed by a violent assault by another child or an adult?",
            "Any violent assault, whoever carried it out.",
            Enfield21,
            AskOnlyIfYes: [SeriouslyHarmed], AskOnlyIfNo: [ChildDied, ParentMurdered],
            AskWhen: Not(AbuseBySituation)),
        new(DiedInCustody,
            "Did the child die in custody: in police custody, on remand or following sentencing?",
            "A serious case review should always be done when a child dies in custody, even if abuse or neglect is not known or suspected.",
            EnfieldCustody,
            AskOnlyIfYes: [ChildDied], AskOnlyIfNo: [AbuseOrNeglect]),
        new(DiedInSecureSetting,
            "Did the child die in a Young Offender Institution, a secure training centre or a secure children's home?",
            "A serious case review should always be done when a child dies in one of these settings.",
            EnfieldCustody,
            AskOnlyIfYes: [ChildDied], AskOnlyIfNo: [AbuseOrNeglect, DiedInCustody]),
        new(DiedDetainedUnderMentalHealthAct,
            "Was the child detained under the Mental Capacity Act 2005 when they died?",
            "A serious case review should always be done when a child dies while detained under the Mental Capacity Act 2005 (so the Enfield procedure words it; Working Together 2013 says \"Mental Health Act 2005\").",
            EnfieldCustody,
            AskOnlyIfYes: [ChildDied], AskOnlyIfNo: [AbuseOrNeglect, DiedInCustody, DiedInSecureSetting]),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<CriteriaRule> Rules { get; } =
    [
        new("must-child-died",
            All(Yes(AbuseOrNeglect), Yes(ChildDied)),
            CriteriaLevel.Must,
            "Abuse or neglect of the child is known or suspected and the child has died (this includes a suspected suicide): a serious case review must be done.",
            $"{Reg5}(a) and (b)(i); {WorkingTogether2015}"),
        new("abuse-by-situation",
            All(No(AbuseOrNeglect), SeriousHarm, AbuseBySituation),
            null,
            "Sexual abuse, and a life-threatening injury or serious impairment through abuse or neglect, are abuse or neglect: reg 5(2)(a) is met whatever the answer to the general abuse question.",
            $"{Reg5}(a); {Enfield21}"),
        new("situation-withdrawn",
            All(No(AbuseOrNeglect), SeriousHarm, No(AbuseOrNeglectConfirmed)),
            null,
            "The referrer confirmed that abuse or neglect is not known or suspected, so the earlier answer about sexual abuse or an injury through abuse or neglect is not counted.",
            $"{Reg5}(a)"),
        new("must-seriously-harmed",
            All(AbuseKnownOrSuspected, SeriousHarm, Not(No(ServicesWorkingTogetherConcerns))),
            CriteriaLevel.Must,
            "Abuse or neglect is known or suspected, the child has been seriously harmed, and there are concerns (or it is not clear there are none) about how agencies worked together: the board must commission a serious case review.",
            $"{Reg5}(a) and (b)(ii); {WorkingTogether2015}"),
        new("no-inter-agency-concerns",
            All(AbuseKnownOrSuspected, SeriousHarm, No(ServicesWorkingTogetherConcerns)),
            null,
            "Abuse or neglect is known or suspected and the child has been seriously harmed, but there are no concerns about how agencies worked together, so reg 5(2)(b)(ii) is not met.",
            $"{Reg5}(b)(ii); {WorkingTogether2015}"),
        new("not-seriously-harmed",
            All(No(ChildDied), No(SeriouslyHarmed)),
            null,
            "The child has not died and was not seriously harmed, so reg 5(2)(b) is not met.",
            $"{Reg5}(b)"),
        new("should-always-custody",
            All(Yes(ChildDied), Yes(DiedInCustody)),
            CriteriaLevel.ShouldAlways,
            "The child died in custody (in police custody, on remand or following sentencing): a serious case review should always be done.",
            EnfieldCustody),
        new("should-always-secure-setting",
            All(Yes(ChildDied), Yes(DiedInSecureSetting)),
            CriteriaLevel.ShouldAlways,
            "The child died in a Young Offender Institution, a secure training centre or a secure children's home: a serious case review should always be done.",
            EnfieldCustody),
        new("should-always-mental-health",
            All(Yes(ChildDied), Yes(DiedDetainedUnderMentalHealthAct)),
            CriteriaLevel.ShouldAlways,
            "The child was detained under the Mental Capacity Act 2005 when they died: a serious case review should always be done.",
            EnfieldCustody),
        // Enfield 2.1 also lists a life-threatening injury through abuse or neglect, and sexual abuse, as reasons to
        // consider a review; both are abuse or neglect, so with concerns they meet reg 5(2) and a review must be done.
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
                $"{WorkingTogether2015}; Enfield ESCB procedure 3.2; Handsworth Grange school policy (learning lessons review)")];
        }

        return new CriteriaOutcome
        {
            Level = level,
            Summary = Headline(level) + Closing(answers, "the LSCB Chair decides whether to initiate a review."),
            Findings = findings,
            Alternatives = level == CriteriaLevel.NotMet ? AlternativesWhenNotMet : [],
        };
    }

    // "Consider" applies only where the statutory test is not met: with abuse or neglect it would be a "must".
    private static CriteriaRule Consider(string id, string situation, string finding)
        => new(id,
            All(SeriousHarm, Yes(ServicesWorkingTogetherConcerns), Yes(situation), Not(AbuseKnownOrSuspected)),
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
