namespace ReviewBot.Core.Referrals;

/// <summary>
/// The order of the questions: which comes next, which do not apply (no plan end without a plan start),
/// how far along the person is, and the first answer still missing.
/// </summary>
internal static class ReferralFlow
{
    private const string FamilyLoop = "family";
    private const string KeyDatesLoop = "keydates";
    private const string PlansLoop = "plans";
    private const string CriteriaBlock = "criteria";

    /// <summary>The form's order; loops and the criteria block stand for their steps.</summary>
    private static readonly string[] Order =
    [
        ReferralSteps.ReferrerName, ReferralSteps.ReferrerAgency, ReferralSteps.ReferrerRole, ReferralSteps.ReferrerPhone,
        ReferralSteps.ReferrerEmail, ReferralSteps.ReferrerDsl,
        ReferralSteps.PanelMemberName, ReferralSteps.PanelMemberPhone, ReferralSteps.PanelMemberEmail,
        ReferralSteps.ChildName, ReferralSteps.ChildDateOfBirth, ReferralSteps.ChildIncident, ReferralSteps.ChildIncidentDate,
        ReferralSteps.ChildIncidentPlace, ReferralSteps.LocalAuthorityAware,
        ReferralSteps.ChildAddress, ReferralSteps.ChildEthnicity, ReferralSteps.ChildLanguage, ReferralSteps.ChildReligion,
        ReferralSteps.ChildLegalStatus, PlansLoop, ReferralSteps.ChildKnownToSocialCare,
        FamilyLoop,
        ReferralSteps.AgenciesChosen, ReferralSteps.AgenciesOther, ReferralSteps.AgenciesStillInvolved,
        ReferralSteps.Events, ReferralSteps.OtherReviews,
        KeyDatesLoop,
        CriteriaBlock,
        ReferralSteps.Narrative, ReferralSteps.Request,
    ];

    /// <summary>The first question.</summary>
    public static string First(Referral r, ReferralContext ctx) => FirstApplicable(0, r, ctx);

    /// <summary>The question after <paramref name="stepId"/>, given the answers (already including its own).</summary>
    public static string After(string stepId, Referral r, ReferralContext ctx)
    {
        if (ReferralSteps.ReadLoop(stepId) is { } loop)
        {
            return loop.Part switch
            {
                "name" => ReferralSteps.FamilyRelationship(loop.Index),
                "relationship" => ReferralSteps.FamilyDateOfBirth(loop.Index),
                "dob" => ReferralSteps.FamilyAddress(loop.Index),
                "address" => ReferralSteps.FamilyAnother(loop.Index),
                "date" => ReferralSteps.KeyDateWhat(loop.Index),
                "what" => ReferralSteps.KeyDateAnother(loop.Index),
                "start" => ReferralSteps.PlanEnd(loop.Index),
                "end" => ReferralSteps.PlanAnother(loop.Index),
                _ => AfterLoop(loop.Loop, r, ctx),
            };
        }

        return stepId.StartsWith(ReferralSteps.CriteriaPrefix, StringComparison.Ordinal)
            ? FirstApplicable(Array.IndexOf(Order, CriteriaBlock), r, ctx)
            : FirstApplicable(Array.IndexOf(Order, stepId) + 1, r, ctx);
    }

    /// <summary>Marker for "the step after this loop", resolved by <see cref="Resolve"/> once the answer is applied.</summary>
    public static string AfterLoop(string loop) => "after:" + loop;

    /// <summary>Turns an <see cref="AfterLoop(string)"/> marker into a step id.</summary>
    public static string Resolve(string next, Referral r, ReferralContext ctx)
        => next.StartsWith("after:", StringComparison.Ordinal) ? AfterLoop(next["after:".Length..], r, ctx) : next;

    /// <summary>The first required answer still missing (a step id), or null when the referral is complete.</summary>
    public static string? FirstMissing(Referral r, ReferralContext ctx)
    {
        var me = r.Referrer;
        var child = r.Child;
        (bool Missing, string Step)[] required =
        [
            (string.IsNullOrWhiteSpace(me.Name), ReferralSteps.ReferrerName),
            (string.IsNullOrWhiteSpace(me.Agency), ReferralSteps.ReferrerAgency),
            (string.IsNullOrWhiteSpace(me.Role), ReferralSteps.ReferrerRole),
            (string.IsNullOrWhiteSpace(me.Email), ReferralSteps.ReferrerEmail),
            (me.DesignatedSafeguardingLeadConsulted is null && !StepCatalog.IsDesignatedSafeguardingLead(me), ReferralSteps.ReferrerDsl),
            (string.IsNullOrWhiteSpace(child.Name), ReferralSteps.ChildName),
            (child.DateOfBirth is null, ReferralSteps.ChildDateOfBirth),
            (child.Incident is null, ReferralSteps.ChildIncident),
            (child.IncidentDate is null, ReferralSteps.ChildIncidentDate),
            (string.IsNullOrWhiteSpace(child.Address), ReferralSteps.ChildAddress),
            (string.IsNullOrWhiteSpace(child.LegalStatus), ReferralSteps.ChildLegalStatus),
        ];
        if (required.FirstOrDefault(x => x.Missing) is { Missing: true } first)
        {
            return first.Step;
        }

        var unnamed = r.Family.Select((m, i) => (m, i)).FirstOrDefault(x => string.IsNullOrWhiteSpace(x.m.Relationship));
        if (unnamed.m is not null)
        {
            return ReferralSteps.FamilyRelationship(unnamed.i);
        }

        if (string.IsNullOrWhiteSpace(r.Summary))
        {
            return ReferralSteps.Events;
        }

        var undescribed = r.KeyDates.Select((d, i) => (d, i)).FirstOrDefault(x => string.IsNullOrWhiteSpace(x.d.What));
        if (undescribed.d is not null)
        {
            return ReferralSteps.KeyDateWhat(undescribed.i);
        }

        if (ctx.Rulebook.NextQuestion(r) is { } question)
        {
            return ReferralSteps.Criteria(question.Id);
        }

        return string.IsNullOrWhiteSpace(r.CriteriaNarrative) ? ReferralSteps.Narrative
            : string.IsNullOrWhiteSpace(r.Request) ? ReferralSteps.Request
            : null;
    }

    private static string AfterLoop(string loop, Referral r, ReferralContext ctx) => FirstApplicable(Array.IndexOf(Order, loop) + 1, r, ctx);

    private static string FirstApplicable(int from, Referral r, ReferralContext ctx)
    {
        for (var i = Math.Max(0, from); i < Order.Length; i++)
        {
            var step = Order[i] switch
            {
                FamilyLoop => ReferralSteps.FamilyName(0),
                KeyDatesLoop => ReferralSteps.KeyDate(0),
                PlansLoop => ReferralSteps.PlanStart(0),
                CriteriaBlock => ctx.Rulebook.NextQuestion(r) is { } q ? ReferralSteps.Criteria(q.Id) : null,
                ReferralSteps.ReferrerDsl when StepCatalog.IsDesignatedSafeguardingLead(r.Referrer) => null,
                ReferralSteps.PanelMemberName when ctx.Rulebook.Kind != Cases.RulebookKind.Scr => null,
                ReferralSteps.PanelMemberPhone or ReferralSteps.PanelMemberEmail when r.PanelMember is null or { IsReferrer: true } => null,
                ReferralSteps.ChildKnownToSocialCare when StepCatalog.KnownToSocialCareFromForm(r.Child) => null,
                ReferralSteps.LocalAuthorityAware when ctx.Rulebook.Kind != Cases.RulebookKind.Cspr => null,
                ReferralSteps.AgenciesChosen when ctx.Agencies.Count == 0 => null,
                ReferralSteps.AgenciesStillInvolved when r.Agencies.Count == 0 => null,
                var fixedStep => fixedStep,
            };
            if (step is not null)
            {
                return step;
            }
        }

        return ReferralSteps.Review;
    }
}
