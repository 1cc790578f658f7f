namespace ReviewBot.Core.Criteria;

/// <summary>
/// Ids of the criteria questions, stored with each answer: never rename one (stored answers would no
/// longer match). The first three are shared by both rulebooks.
/// </summary>
public static class CriteriaQuestionIds
{
    /// <summary>Abuse or neglect of the child is known or suspected.</summary>
    public const string AbuseOrNeglect = "abuse-or-neglect";

    /// <summary>The child has died (includes suspected suicide).</summary>
    public const string ChildDied = "child-died";

    /// <summary>The child has been seriously harmed.</summary>
    public const string SeriouslyHarmed = "seriously-harmed";

    /// <summary>
    /// SCR, no longer asked: "it is clear there are no concerns about how agencies worked together" (a double
    /// negative). Stored answers are read as the opposite answer to <see cref="ServicesWorkingTogetherConcerns"/>.
    /// </summary>
    public const string ClearNoInterAgencyConcerns = "clear-no-inter-agency-concerns";

    /// <summary>SCR: the referrer confirms abuse or neglect after answering no to it and yes to sexual abuse or an injury through abuse or neglect.</summary>
    public const string AbuseOrNeglectConfirmed = "abuse-or-neglect-confirmed";

    /// <summary>SCR: the child died in custody, police custody, on remand or following sentencing.</summary>
    public const string DiedInCustody = "died-in-custody";

    /// <summary>SCR: the child died in a Young Offender Institution, secure training centre or secure children's home.</summary>
    public const string DiedInSecureSetting = "died-in-secure-setting";

    /// <summary>SCR: the child was detained under the Mental Capacity Act 2005 when they died (the id predates the wording).</summary>
    public const string DiedDetainedUnderMentalHealthAct = "died-detained-mental-health";

    /// <summary>SCR: there are concerns about how the agencies (professionals and services) worked together to safeguard the child.</summary>
    public const string ServicesWorkingTogetherConcerns = "services-working-together-concerns";

    /// <summary>SCR: potentially life-threatening injury or serious and permanent impairment through abuse or neglect.</summary>
    public const string LifeThreateningInjury = "life-threatening-injury";

    /// <summary>SCR: the child was seriously harmed through sexual abuse.</summary>
    public const string SexualAbuse = "sexual-abuse";

    /// <summary>SCR: a parent was murdered and a domestic homicide review has started.</summary>
    public const string ParentMurdered = "parent-murdered";

    /// <summary>SCR: the child was seriously harmed by a violent assault by another child or an adult.</summary>
    public const string ViolentAssault = "violent-assault";

    /// <summary>CSPR: the child who died was looked after by a local authority.</summary>
    public const string LookedAfter = "looked-after";

    /// <summary>CSPR reg 11(a): improvements needed to safeguard and promote welfare.</summary>
    public const string ImprovementsNeeded = "improvements-needed";

    /// <summary>CSPR reg 11(b): recurrent themes.</summary>
    public const string RecurrentThemes = "recurrent-themes";

    /// <summary>CSPR reg 11(c): concerns about two or more agencies working together.</summary>
    public const string AgenciesWorkingTogether = "agencies-working-together";

    /// <summary>CSPR reg 11(d): the national Panel concluded a local review may be more appropriate.</summary>
    public const string PanelSuggestsLocalReview = "panel-suggests-local-review";

    /// <summary>CSPR s16C(1): the incident happened in the local authority's area, or outside England while the child was normally resident in it.</summary>
    public const string InLocalAuthorityArea = "in-local-authority-area";

    /// <summary>CSPR (Working Together): concerns about the actions of a single agency.</summary>
    public const string SingleAgencyConcerns = "single-agency-concerns";

    /// <summary>CSPR (Working Together): no agency was involved, and that gives cause for concern.</summary>
    public const string NoAgencyInvolvement = "no-agency-involvement";

    /// <summary>CSPR (Working Together): more than one local authority, police area or health area is involved.</summary>
    public const string MoreThanOneArea = "more-than-one-area";

    /// <summary>CSPR (Working Together): the case may raise issues about safeguarding children in institutional settings.</summary>
    public const string InstitutionalSetting = "institutional-setting";
}
