using System.Globalization;
using System.Text.RegularExpressions;

namespace ReviewBot.Core.Referrals;

/// <summary>
/// Step ids of the referral conversation (stored in <see cref="ReferralDraft.StepId"/>, sent on cards as
/// <see cref="ReferralValues.QuestionId"/>). Loop steps carry their index: "family.0.name", "keydates.another.2", "plans.1.end".
/// </summary>
public static partial class ReferralSteps
{
    /// <summary>Referrer's name.</summary>
    public const string ReferrerName = "referrer.name";

    /// <summary>Referrer's agency.</summary>
    public const string ReferrerAgency = "referrer.agency";

    /// <summary>Referrer's role.</summary>
    public const string ReferrerRole = "referrer.role";

    /// <summary>Referrer's phone.</summary>
    public const string ReferrerPhone = "referrer.phone";

    /// <summary>Referrer's email.</summary>
    public const string ReferrerEmail = "referrer.email";

    /// <summary>Designated safeguarding lead consulted.</summary>
    public const string ReferrerDsl = "referrer.dsl";

    /// <summary>The referring agency's SCR panel member: name, or "me".</summary>
    public const string PanelMemberName = "referrer.panel.name";

    /// <summary>The panel member's telephone.</summary>
    public const string PanelMemberPhone = "referrer.panel.phone";

    /// <summary>The panel member's email.</summary>
    public const string PanelMemberEmail = "referrer.panel.email";

    /// <summary>Child's name.</summary>
    public const string ChildName = "child.name";

    /// <summary>Child's date of birth.</summary>
    public const string ChildDateOfBirth = "child.dob";

    /// <summary>Died or seriously harmed.</summary>
    public const string ChildIncident = "child.incident";

    /// <summary>Date of death or of the incident.</summary>
    public const string ChildIncidentDate = "child.incident-date";

    /// <summary>Where the death or incident happened.</summary>
    public const string ChildIncidentPlace = "child.incident-place";

    /// <summary>CSPR only: when the local authority became aware (starts the notification clock).</summary>
    public const string LocalAuthorityAware = "child.la-aware";

    /// <summary>Child's address.</summary>
    public const string ChildAddress = "child.address";

    /// <summary>Child's ethnicity.</summary>
    public const string ChildEthnicity = "child.ethnicity";

    /// <summary>Languages spoken at home (the id is older than the question).</summary>
    public const string ChildLanguage = "child.language";

    /// <summary>Child's religion.</summary>
    public const string ChildReligion = "child.religion";

    /// <summary>Child's legal status.</summary>
    public const string ChildLegalStatus = "child.legal-status";

    /// <summary>Known to children's social care.</summary>
    public const string ChildKnownToSocialCare = "child.known-to-csc";

    /// <summary>Start of the first child protection plan period (the plans loop's first step).</summary>
    public const string ChildPlanStart = "plans.0.start";

    /// <summary>End of the first child protection plan period.</summary>
    public const string ChildPlanEnd = "plans.0.end";

    /// <summary>Agencies chosen from the board's list.</summary>
    public const string AgenciesChosen = "agencies.choose";

    /// <summary>Other agencies, typed.</summary>
    public const string AgenciesOther = "agencies.others";

    /// <summary>Which agencies are still involved.</summary>
    public const string AgenciesStillInvolved = "agencies.still";

    /// <summary>Summary of what happened.</summary>
    public const string Events = "events";

    /// <summary>Other review processes considered or under way.</summary>
    public const string OtherReviews = "events.other-reviews";

    /// <summary>How the criteria are met, in the referrer's words.</summary>
    public const string Narrative = "narrative";

    /// <summary>The referrer's request or recommendation to the board.</summary>
    public const string Request = "request";

    /// <summary>The final review: summary, edit, submit.</summary>
    public const string Review = "review";

    /// <summary>The yes/no question confirming a cancel.</summary>
    public const string ConfirmCancel = "confirm.cancel";

    /// <summary>The yes/no question confirming a restart.</summary>
    public const string ConfirmRestart = "confirm.restart";

    /// <summary>Prefix of the criteria questions' steps.</summary>
    public const string CriteriaPrefix = "criteria.";

    /// <summary>Name of family member <paramref name="index"/> (0-based).</summary>
    public static string FamilyName(int index) => Loop("family", index, "name");

    /// <summary>Relationship of family member <paramref name="index"/>.</summary>
    public static string FamilyRelationship(int index) => Loop("family", index, "relationship");

    /// <summary>Date of birth of family member <paramref name="index"/>.</summary>
    public static string FamilyDateOfBirth(int index) => Loop("family", index, "dob");

    /// <summary>Address of family member <paramref name="index"/>.</summary>
    public static string FamilyAddress(int index) => Loop("family", index, "address");

    /// <summary>"Anyone else?" after family member <paramref name="index"/>.</summary>
    public static string FamilyAnother(int index) => Another("family", index);

    /// <summary>Date of key date <paramref name="index"/> (0-based).</summary>
    public static string KeyDate(int index) => Loop("keydates", index, "date");

    /// <summary>What happened on key date <paramref name="index"/>.</summary>
    public static string KeyDateWhat(int index) => Loop("keydates", index, "what");

    /// <summary>"Another key date?" after key date <paramref name="index"/>.</summary>
    public static string KeyDateAnother(int index) => Another("keydates", index);

    /// <summary>Start of child protection plan period <paramref name="index"/> (0-based).</summary>
    public static string PlanStart(int index) => Loop("plans", index, "start");

    /// <summary>End of child protection plan period <paramref name="index"/>.</summary>
    public static string PlanEnd(int index) => Loop("plans", index, "end");

    /// <summary>"Another plan period?" after period <paramref name="index"/>.</summary>
    public static string PlanAnother(int index) => Another("plans", index);

    /// <summary>The step asking criteria question <paramref name="questionId"/>.</summary>
    public static string Criteria(string questionId) => CriteriaPrefix + questionId;

    /// <summary>Reads a loop step id: which loop, which entry, which part ("name", "relationship", "dob", "address", "date", "what", "start", "end", "another").</summary>
    internal static (string Loop, int Index, string Part)? ReadLoop(string stepId)
    {
        var m = LoopStep().Match(stepId);
        if (!m.Success)
        {
            return null;
        }

        var part = m.Groups["part"].Success ? m.Groups["part"].Value : "another";
        var index = int.Parse(m.Groups["i"].Success ? m.Groups["i"].Value : m.Groups["j"].Value, CultureInfo.InvariantCulture);
        return (m.Groups["loop"].Value, index, part);
    }

    private static string Loop(string loop, int index, string part) => string.Create(CultureInfo.InvariantCulture, $"{loop}.{index}.{part}");

    private static string Another(string loop, int index) => string.Create(CultureInfo.InvariantCulture, $"{loop}.another.{index}");

    [GeneratedRegex(@"^(?<loop>family|keydates|plans)\.(?:(?<i>\d{1,3})\.(?<part>name|relationship|dob|address|date|what|start|end)|another\.(?<j>\d{1,3}))$")]
    private static partial Regex LoopStep();
}
