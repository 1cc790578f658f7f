using ReviewBot.Core.Referrals;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>What the referrer types at each step of the demo board's SCR referral.</summary>
internal static class ReferralAnswers
{
    public const string ChildName = "Jordan Ellis-Nowak";

    /// <summary>Quotes, braces and a template-looking string: user text is data, never template.</summary>
    public const string Summary = "Jordan (3) was found unresponsive at home; injuries were unexplained. Police and CSC had \"concerns\" since {2025} — see ${notes}.";

    private static readonly Dictionary<string, string> ByStep = new()
    {
        [ReferralSteps.ReferrerName] = "Alex Wilber",
        [ReferralSteps.ReferrerAgency] = "1",
        [ReferralSteps.ReferrerRole] = "Designated safeguarding lead",
        [ReferralSteps.ReferrerPhone] = "020 7946 0000",
        [ReferralSteps.ReferrerEmail] = "alexw@example.com",
        [ReferralSteps.ReferrerDsl] = "yes",
        [ReferralSteps.PanelMemberName] = "me",
        [ReferralSteps.ChildName] = ChildName,
        [ReferralSteps.ChildDateOfBirth] = "14/2/2023",
        [ReferralSteps.ChildIncident] = "died",
        [ReferralSteps.ChildIncidentDate] = "2/11/2026",
        [ReferralSteps.ChildIncidentPlace] = "At home",
        [ReferralSteps.ChildAddress] = "12 Mill Lane, Riverside RV2 4QT",
        [ReferralSteps.ChildEthnicity] = "White and Black Caribbean",
        [ReferralSteps.ChildLanguage] = "English",
        [ReferralSteps.ChildReligion] = "skip",
        [ReferralSteps.ChildLegalStatus] = "Child in need",
        [ReferralSteps.ChildKnownToSocialCare] = "yes",
        [ReferralSteps.ChildPlanStart] = "skip",
        [ReferralSteps.FamilyName(0)] = "Sam Ellis",
        [ReferralSteps.FamilyRelationship(0)] = "Mother",
        [ReferralSteps.FamilyDateOfBirth(0)] = "3/4/1995",
        [ReferralSteps.FamilyAddress(0)] = "same",
        [ReferralSteps.FamilyAnother(0)] = "no",
        [ReferralSteps.AgenciesChosen] = "1, 2",
        [ReferralSteps.AgenciesOther] = "skip",
        [ReferralSteps.AgenciesStillInvolved] = "all",
        [ReferralSteps.Events] = Summary,
        [ReferralSteps.OtherReviews] = "child death review",
        [ReferralSteps.KeyDate(0)] = "skip",
        [ReferralSteps.Narrative] = "Abuse is suspected and Jordan died.",
        [ReferralSteps.Request] = "1",
    };

    public static string For(string step)
        => step.StartsWith(ReferralSteps.CriteriaPrefix, StringComparison.Ordinal) ? "yes"
            : ByStep.TryGetValue(step, out var answer) ? answer
            : throw new InvalidOperationException($"No scripted answer for step '{step}'.");
}
