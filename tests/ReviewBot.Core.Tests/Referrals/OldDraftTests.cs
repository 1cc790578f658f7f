using System.Text.Json;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>
/// Drafts stored before child protection plan periods were a list: one plan as "ProtectionPlanStart" and
/// "ProtectionPlanEnd", asked at the steps "child.cp.start" and "child.cp.end". They keep their dates and
/// carry on at the same question.
/// </summary>
public sealed class OldDraftTests
{
    private static readonly DateOnly Started = new(2025, 1, 3);
    private static readonly DateOnly Ended = new(2025, 6, 1);

    private static readonly JsonSerializerOptions WebNames = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_draft_parked_on_the_old_plan_end_keeps_its_plan_start_and_asks_for_the_end()
    {
        var bot = new ReferralHarness();
        bot.Load(OldDraft("child.cp.end", start: "2025-01-03"));

        Assert.Equal([new ProtectionPlanPeriod(Started)], bot.Referral.Child.ProtectionPlans);
        Assert.Equal(ReferralSteps.PlanEnd(0), bot.Step);
        Assert.Equal(ReferralSteps.PlanStart(0), bot.Draft!.History[^1]);

        bot.Say("01/06/2025");

        Assert.Equal([new ProtectionPlanPeriod(Started, Ended)], bot.Referral.Child.ProtectionPlans);
        Assert.Equal(ReferralSteps.PlanAnother(0), bot.Step);
        Assert.DoesNotContain(bot.StoredDrafts, json => json.Contains("child.cp.", StringComparison.Ordinal) || json.Contains("ProtectionPlanStart", StringComparison.Ordinal));
    }

    [Fact]
    public void Back_from_the_old_plan_end_shows_the_plan_start_that_was_given()
    {
        var bot = new ReferralHarness();
        bot.Load(OldDraft("child.cp.end", start: "2025-01-03"));

        bot.Say("back");

        Assert.Equal(ReferralSteps.PlanStart(0), bot.Step);
        Assert.Equal("3 January 2025", bot.Question.PrefillLabel);
    }

    [Fact]
    public void A_card_posted_with_the_old_plan_end_id_still_answers()
    {
        var bot = new ReferralHarness();
        bot.Load(OldDraft("child.cp.end", start: "2025-01-03"));

        bot.Click(ReferralVerbs.Answer, (ReferralValues.QuestionId, RetiredSteps.PlanEnd), (ReferralValues.Answer, "01/06/2025"));

        Assert.Equal([new ProtectionPlanPeriod(Started, Ended)], bot.Referral.Child.ProtectionPlans);
        Assert.Equal(ReferralSteps.PlanAnother(0), bot.Step);
    }

    [Fact]
    public void A_draft_parked_on_the_old_plan_start_asks_that_question_not_a_later_one()
    {
        var bot = new ReferralHarness();
        bot.Load(OldDraft("child.cp.start"));

        bot.Say("03/01/2025");

        Assert.Equal([new ProtectionPlanPeriod(Started)], bot.Referral.Child.ProtectionPlans);
        Assert.Equal(ReferralSteps.PlanEnd(0), bot.Step);
        Assert.DoesNotContain("I lost my place in your referral, so let's carry on from here.", bot.Notices);
    }

    [Fact]
    public void A_draft_past_the_plan_keeps_both_old_dates_as_one_period()
    {
        var bot = new ReferralHarness();
        bot.Load(OldDraft(ReferralSteps.Events, start: "2025-01-03", end: "2025-06-01"));

        Assert.Equal([new ProtectionPlanPeriod(Started, Ended)], bot.Referral.Child.ProtectionPlans);
        Assert.Equal(ReferralSteps.Events, bot.Step);
        Assert.Contains(ReferralSteps.PlanEnd(0), bot.Draft!.History);
    }

    [Fact]
    public void An_edit_of_the_old_plan_carries_on_as_an_edit_of_the_first_period()
    {
        var bot = new ReferralHarness();
        bot.Load(OldDraft("child.cp.end", start: "2025-01-03", editing: "child.cp."));

        Assert.Equal("plans.0.", bot.Draft!.Editing?.Scope);

        bot.Say("01/06/2025");

        // The period's own questions are done, so the edit returns to the summary, as an edit made today does.
        Assert.Equal([new ProtectionPlanPeriod(Started, Ended)], bot.Referral.Child.ProtectionPlans);
        Assert.True(bot.Draft!.AtReview);
        Assert.Null(bot.Draft.Editing);
    }

    [Theory]
    [InlineData("""{"protectionPlanStart":"2025-01-03","protectionPlanEnd":"2025-06-01"}""")]
    [InlineData("""{"protectionPlanEnd":"2025-06-01","protectionPlanStart":"2025-01-03"}""")]
    public void A_stored_case_in_the_old_shape_reads_its_plan_in_either_order(string json)
    {
        // Cases are stored with web (camelCase) names: the same bridge reads them.
        var child = JsonSerializer.Deserialize<Child>(json, WebNames)!;

        Assert.Equal([new ProtectionPlanPeriod(Started, Ended)], child.ProtectionPlans);
    }

    [Fact]
    public void An_old_end_without_a_start_is_no_period_and_the_old_names_are_never_written()
    {
        var child = JsonSerializer.Deserialize<Child>("""{"ProtectionPlanEnd":"2025-06-01"}""", ReferralDraft.JsonOptions)!;
        var written = JsonSerializer.Serialize(new Child { ProtectionPlans = [new(Started, Ended)] }, ReferralDraft.JsonOptions);

        Assert.Empty(child.ProtectionPlans);
        Assert.DoesNotContain("ProtectionPlanStart", written, StringComparison.Ordinal);
        Assert.DoesNotContain("ProtectionPlanEnd", written, StringComparison.Ordinal);
        Assert.Equal([new ProtectionPlanPeriod(Started, Ended)], JsonSerializer.Deserialize<Child>(written, ReferralDraft.JsonOptions)!.ProtectionPlans);
    }

    [Theory]
    [InlineData("child.cp.start", "plans.0.start")]
    [InlineData("child.cp.end", "plans.0.end")]
    [InlineData("child.cp.", "plans.0.")]
    [InlineData("plans.1.end", "plans.1.end")]
    [InlineData("child.dob", "child.dob")]
    public void Retired_step_ids_read_as_todays(string stored, string current)
        => Assert.Equal(current, RetiredSteps.Read(stored));

    /// <summary>A draft as the version before plan periods stored it, parked at <paramref name="step"/>.</summary>
    private static string OldDraft(string step, string? start = null, string? end = null, string? editing = null)
    {
        string[] history =
        [
            "referrer.name", "referrer.agency", "referrer.role", "referrer.phone", "referrer.email", "referrer.dsl",
            "child.name", "child.dob", "child.incident", "child.incident-date", "child.address", "child.ethnicity",
            "child.language", "child.religion", "child.legal-status", "child.known-to-csc", "child.cp.start", "child.cp.end",
            "family.0.name", "agencies.choose", "agencies.other",
        ];
        var asked = history.TakeWhile(s => s != step).ToArray();
        var draft = new Dictionary<string, object?>
        {
            ["DraftId"] = "draft-before-plan-periods",
            ["StartedAt"] = "2026-03-17T09:00:00+00:00",
            ["UpdatedAt"] = "2026-03-17T09:30:00+00:00",
            ["Referral"] = new Dictionary<string, object?>
            {
                ["Referrer"] = new Dictionary<string, object?>
                {
                    ["ObjectId"] = "oid-sam", ["Name"] = "Sam Patel", ["Agency"] = "Health Visiting", ["Role"] = "Health visitor",
                    ["Phone"] = "020 7946 0000", ["Email"] = "sam.patel@riverside.nhs.uk", ["DesignatedSafeguardingLeadConsulted"] = true,
                },
                ["Child"] = new Dictionary<string, object?>
                {
                    ["Name"] = "Alex Smith", ["DateOfBirth"] = "2016-02-14", ["Incident"] = "SeriouslyHarmed", ["IncidentDate"] = "2026-03-01",
                    ["Address"] = "1 High Street, Riverside RV1 2AB", ["Ethnicity"] = "White British", ["Language"] = "English",
                    ["Religion"] = null, ["LegalStatus"] = "Child in need", ["KnownToChildrensSocialCare"] = true,
                    ["ProtectionPlanStart"] = start, ["ProtectionPlanEnd"] = end,
                },
                ["Family"] = Array.Empty<object>(),
                ["Agencies"] = Array.Empty<object>(),
                ["Summary"] = null,
                ["KeyDates"] = Array.Empty<object>(),
                ["CriteriaAnswers"] = new Dictionary<string, bool>(),
                ["LocalAuthorityBecameAware"] = null,
                ["CriteriaNarrative"] = null,
            },
            ["StepId"] = step,
            ["History"] = asked,
            ["Pending"] = null,
            ["Editing"] = editing is null ? null : new Dictionary<string, object?> { ["Scope"] = editing, ["HistoryDepth"] = asked.Length },
        };
        return JsonSerializer.Serialize(draft);
    }
}
