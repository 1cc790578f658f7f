using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Dates;

namespace ReviewBot.Core.Referrals;

/// <summary>Lays out every answer, in form order, each row pointing at the step that changes it.</summary>
internal static class ReferralSummaryBuilder
{
    private const string NotGiven = "Not given";

    public static SummaryPrompt Build(Referral r, ReferralContext ctx, string draftId, bool isReview, CriteriaOutcome? criteria)
    {
        var number = 0;
        SummaryItem Row(string label, string? value, string stepId) => new(++number, label, string.IsNullOrWhiteSpace(value) ? NotGiven : value, stepId);

        var me = r.Referrer;
        var child = r.Child;
        var stored = ctx.Rulebook.WithRetiredAnswersMapped(r.CriteriaAnswers);
        var sections = new List<SummarySection>
        {
            new(StepCatalog.AboutYou,
            [
                Row("Your name", me.Name, ReferralSteps.ReferrerName),
                Row("Your agency", me.Agency, ReferralSteps.ReferrerAgency),
                Row("Your role", me.Role, ReferralSteps.ReferrerRole),
                Row("Phone", me.Phone, ReferralSteps.ReferrerPhone),
                Row("Email", me.Email, ReferralSteps.ReferrerEmail),
                StepCatalog.IsDesignatedSafeguardingLead(me)
                    ? Row("Designated safeguarding lead", "You are one", ReferralSteps.ReferrerRole)
                    : Row("Designated safeguarding lead consulted", YesNo(me.DesignatedSafeguardingLeadConsulted), ReferralSteps.ReferrerDsl),
                .. ctx.Rulebook.Kind == RulebookKind.Scr ? PanelMemberRows(r.PanelMember, Row) : [],
            ]),
            new(StepCatalog.TheChild,
            [
                .. ChildRows(child, Row),
                .. ctx.Rulebook.Kind == RulebookKind.Cspr
                    ? [Row("Local authority became aware", Date(r.LocalAuthorityBecameAware), ReferralSteps.LocalAuthorityAware)]
                    : Array.Empty<SummaryItem>(),
            ]),
            new(StepCatalog.FamilySection, LoopRows(
                r.Family.Select((m, i) => Row($"Person {i + 1}", Person(m), ReferralSteps.FamilyName(i))),
                r.Family.Count, () => Row("People named", "None given", ReferralSteps.FamilyName(0)),
                () => Row("Add another person", "—", ReferralSteps.FamilyName(r.Family.Count)))),
            new(StepCatalog.AgenciesSection, AgencyRows(r, ctx, Row)),
            new(StepCatalog.WhatHappened,
            [
                Row("Summary", r.Summary, ReferralSteps.Events),
                Row("Other review processes", r.OtherReviewProcesses is { } processes ? (processes.Count == 0 ? "None" : string.Join("; ", processes.Select(ProcessText))) : null, ReferralSteps.OtherReviews),
            ]),
            new(StepCatalog.KeyDatesSection, LoopRows(
                r.KeyDates.Select((d, i) => Row(UkDateParser.Format(d.Date), d.What, ReferralSteps.KeyDate(i))),
                r.KeyDates.Count, () => Row("Dates named", "None given", ReferralSteps.KeyDate(0)),
                () => Row("Add another key date", "—", ReferralSteps.KeyDate(r.KeyDates.Count)))),
            new(StepCatalog.CriteriaSection,
            [
                .. ctx.Rulebook.Questions.Where(q => stored.ContainsKey(q.Id) && ctx.Rulebook.AnswersFor(r).ContainsKey(q.Id))
                    .Select(q => Row(q.Text, YesNo(stored[q.Id]), ReferralSteps.Criteria(q.Id))),
                Row("How the criteria are met", r.CriteriaNarrative, ReferralSteps.Narrative),
                Row("Your request to the board", r.Request, ReferralSteps.Request),
            ]),
        };
        return new SummaryPrompt { DraftId = draftId, Sections = sections, IsReview = isReview, Criteria = criteria };
    }

    /// <summary>A family member in one line: name (relationship), date of birth, address.</summary>
    public static string Person(FamilyMember m)
    {
        var text = string.IsNullOrWhiteSpace(m.Relationship) ? m.Name : $"{m.Name} ({m.Relationship})";
        if (m.DateOfBirth is { } dob)
        {
            text += $", born {UkDateParser.Format(dob)}";
        }

        return string.IsNullOrWhiteSpace(m.Address) ? text : $"{text}, {m.Address}";
    }

    /// <summary>A child protection plan period in words.</summary>
    public static string Period(ProtectionPlanPeriod p)
        => p.End is { } end ? $"{UkDateParser.Format(p.Start)} to {UkDateParser.Format(end)}" : $"From {UkDateParser.Format(p.Start)}, still in place";

    /// <summary>Another review process in words.</summary>
    public static string ProcessText(ReviewProcess process) => process switch
    {
        ReviewProcess.DomesticHomicideReview => "Domestic homicide review",
        ReviewProcess.ChildDeathReview => "Child death review",
        _ => "Criminal proceedings",
    };

    private static List<SummaryItem> PanelMemberRows(PanelMember? member, Func<string, string?, string, SummaryItem> row)
    {
        if (member is null or { IsReferrer: true })
        {
            return [row("Your agency's SCR panel member", member is null ? null : "You", ReferralSteps.PanelMemberName)];
        }

        return
        [
            row("Your agency's SCR panel member", member.Name, ReferralSteps.PanelMemberName),
            row("Panel member's telephone", member.Phone, ReferralSteps.PanelMemberPhone),
            row("Panel member's email", member.Email, ReferralSteps.PanelMemberEmail),
        ];
    }

    private static List<SummaryItem> ChildRows(Child child, Func<string, string?, string, SummaryItem> row)
    {
        List<SummaryItem> rows =
        [
            row("Name", child.Name, ReferralSteps.ChildName),
            row("Date of birth", Date(child.DateOfBirth), ReferralSteps.ChildDateOfBirth),
            row("Died or seriously harmed", child.Incident switch { IncidentKind.Died => "Died", IncidentKind.SeriouslyHarmed => "Seriously harmed", IncidentKind.Harmed => "Harmed, but not seriously", _ => null }, ReferralSteps.ChildIncident),
            row(child.Incident == IncidentKind.Died ? "Date of death" : "Date of the incident", Date(child.IncidentDate), ReferralSteps.ChildIncidentDate),
            row(child.Incident == IncidentKind.Died ? "Where the child died" : "Where it happened", child.IncidentPlace, ReferralSteps.ChildIncidentPlace),
            row("Address", child.Address, ReferralSteps.ChildAddress),
            row("Ethnicity", child.Ethnicity, ReferralSteps.ChildEthnicity),
            row("Languages spoken at home", child.LanguagesSpokenAtHome, ReferralSteps.ChildLanguage),
            row("Religion", child.Religion, ReferralSteps.ChildReligion),
            row("Legal status", child.LegalStatus, ReferralSteps.ChildLegalStatus),
        ];
        rows.AddRange(child.ProtectionPlans.Count == 0
            ? [row("Child protection plan", "None", ReferralSteps.ChildPlanStart)]
            : child.ProtectionPlans.Select((p, i) => row(child.ProtectionPlans.Count == 1 ? "Child protection plan" : $"Child protection plan {i + 1}", Period(p), ReferralSteps.PlanStart(i))));
        rows.Add(StepCatalog.KnownToSocialCareFromForm(child)
            ? row("Known to children's social care", "Yes (from the legal status or plan)", ReferralSteps.ChildLegalStatus)
            : row("Known to children's social care", YesNo(child.KnownToChildrensSocialCare), ReferralSteps.ChildKnownToSocialCare));
        return rows;
    }

    private static List<SummaryItem> AgencyRows(Referral r, ReferralContext ctx, Func<string, string?, string, SummaryItem> row)
    {
        var listed = r.Agencies.Where(a => a.AgencyId is not null).Select(a => a.Name).ToList();
        var others = r.Agencies.Where(a => a.AgencyId is null).Select(a => a.Name).ToList();
        var rows = new List<SummaryItem>();
        if (ctx.Agencies.Count > 0)
        {
            rows.Add(row("From the board's list", listed.Count == 0 ? "None" : string.Join("; ", listed), ReferralSteps.AgenciesChosen));
        }

        rows.Add(row(ctx.Agencies.Count > 0 ? "Other agencies" : "Agencies", others.Count == 0 ? "None" : string.Join("; ", others), ReferralSteps.AgenciesOther));
        if (r.Agencies.Count > 0)
        {
            var still = r.Agencies.Where(a => a.StillInvolved == true).Select(a => a.Name).ToList();
            rows.Add(row("Still involved", r.Agencies.All(a => a.StillInvolved is null) ? null : still.Count == 0 ? "None" : string.Join("; ", still), ReferralSteps.AgenciesStillInvolved));
        }

        return rows;
    }

    /// <summary>Rows for a loop in the order given (rows are numbered as they are made), or the "none" row; then the "add" row.</summary>
    private static List<SummaryItem> LoopRows(IEnumerable<SummaryItem> entries, int count, Func<SummaryItem> none, Func<SummaryItem> add)
    {
        if (count == 0)
        {
            return [none()];
        }

        var rows = entries.ToList();
        if (count < StepCatalog.MaxLoopEntries)
        {
            rows.Add(add());
        }

        return rows;
    }

    private static string? YesNo(bool? value) => value switch { true => "Yes", false => "No", null => null };

    private static string? Date(DateOnly? date) => date is { } d ? UkDateParser.Format(d) : null;
}
