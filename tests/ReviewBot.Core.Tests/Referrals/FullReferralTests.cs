using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

public class FullReferralTests
{
    [Fact]
    public void A_referral_typed_as_a_user_would_ends_with_every_answer_submitted()
    {
        var bot = new ReferralHarness();
        bot.Start();
        Assert.Contains("Riverside Safeguarding Children Board", bot.Notices[0]);

        // About you: prefilled from Teams and the board's directory, confirmed.
        Assert.Equal((ReferralSteps.ReferrerName, "Sam Patel", 1), (bot.Step, bot.Question.Prefill, bot.Question.StepNumber));
        Assert.False(bot.Question.CanGoBack);
        bot.Say("keep");
        Assert.Equal((ReferralSteps.ReferrerAgency, "hv", "Health Visiting"), (bot.Step, bot.Question.Prefill, bot.Question.PrefillLabel));
        bot.Say("Yes");
        Assert.Equal((ReferralSteps.ReferrerRole, "Health visitor"), (bot.Step, bot.Question.Prefill));
        bot.Say("ok");
        Assert.Equal(ReferralSteps.ReferrerPhone, bot.Step);
        bot.Say("12345");                                   // wrong answer 1
        Assert.Equal(ReferralSteps.ReferrerPhone, bot.Step);
        Assert.StartsWith("That doesn't look like a phone number.", bot.Question.Problem);
        bot.Say("020 7946 0000");
        bot.Say("keep");
        Assert.Equal(ReferralSteps.ReferrerDsl, bot.Step);
        bot.Say("yep");
        Assert.Equal(ReferralSteps.PanelMemberName, bot.Step);
        bot.Say("Pat Jones");
        Assert.Equal("What is Pat Jones's telephone number?", bot.Question.Text);
        bot.Say("020 7946 0001");
        bot.Say("pat.jones@riverside.nhs.uk");

        // The child.
        Assert.Equal((ReferralSteps.ChildName, "The child"), (bot.Step, bot.Question.Section));
        bot.Say("Alex Smith (AJ)");
        Assert.Equal("What is Alex Smith's date of birth?", bot.Question.Text);
        bot.Say("31/2/2016");                               // wrong answer 2
        Assert.Equal((ReferralSteps.ChildDateOfBirth, "There is no 31 February 2016."), (bot.Step, bot.Question.Problem));
        bot.Say("14/02/2016");
        Assert.Equal(ReferralSteps.ChildIncident, bot.Step);
        bot.Say("died");
        Assert.Equal("When did the child die?", bot.Question.Text);
        bot.Say("last Tuesday");
        Assert.Equal(ReferralSteps.ChildIncidentPlace, bot.Step);
        bot.Say("At home");
        bot.Say("1 High Street, Riverside RV1 2AB");
        bot.Say("White British");
        Assert.Equal("Which languages are spoken at the child's home?", bot.Question.Text);
        bot.Say("English and Polish");
        bot.Say("skip");                                    // religion
        Assert.Equal(ReferralSteps.ChildLegalStatus, bot.Step);
        bot.Say("CIN");
        Assert.Equal(ReferralSteps.ChildPlanStart, bot.Step);
        bot.Say("3/1/2025");
        bot.Say("1 June 2025");
        Assert.Equal(ReferralSteps.PlanAnother(0), bot.Step);
        bot.Say("yes");
        bot.Say("1/9/2023");
        bot.Say("1/3/2024");
        bot.Say("no");                                      // known to social care: a child in need is, so not asked

        // Family, with a back to correct a name.
        Assert.Equal(ReferralSteps.FamilyName(0), bot.Step);
        bot.Say("Jo Smith");
        bot.Say("mother");
        Assert.Equal(ReferralSteps.FamilyDateOfBirth(0), bot.Step);
        bot.Say("1/5/1990");
        bot.Say("same");
        bot.Say("yes");
        bot.Say("Chris Brown");
        Assert.Equal(ReferralSteps.FamilyRelationship(1), bot.Step);
        bot.Say("back");
        Assert.Equal((ReferralSteps.FamilyName(1), "Chris Brown"), (bot.Step, bot.Question.Prefill));
        bot.Say("Chris Browne");
        Assert.Equal("How is Chris Browne related to the child?", bot.Question.Text);
        bot.Say("mother's partner");
        bot.Say("skip");
        bot.Say("skip");
        bot.Say("no");

        // Agencies.
        Assert.Equal(ReferralSteps.AgenciesChosen, bot.Step);
        Assert.Equal(6, bot.Question.Choices.Count);
        bot.Say("1, 3 and camhs");
        bot.Say("Riverside Academy, Housing Trust");
        Assert.Equal(
            ["Riverside Police", "Health Visiting", "Child and Adolescent Mental Health Services", "Riverside Academy", "Housing Trust"],
            bot.Question.Choices.Select(c => c.Label));
        bot.Say("2 and 4");

        // What happened, key dates.
        Assert.Equal((ReferralSteps.Events, ReferralInputKind.LongText), (bot.Step, bot.Question.Kind));
        bot.Say("Alex was found unresponsive at home. Health visiting had raised concerns about neglect in January.");
        Assert.Equal(ReferralSteps.OtherReviews, bot.Step);
        Assert.Contains("A child death review", bot.Question.Choices.Select(c => c.Label));
        bot.Say("child death review and criminal proceedings");
        bot.Say("5/1/2026");
        bot.Say("A&E attendance with a head injury");
        bot.Say("yes");
        bot.Say("10 Feb");
        bot.Say("Strategy meeting");
        bot.Say("no");

        // Criteria from the rulebook.
        Assert.Equal((ReferralSteps.Criteria("abuse-or-neglect"), "The criteria"), (bot.Step, bot.Question.Section));
        bot.Say("not sure");                                // not a yes: re-asked with the hint
        Assert.Equal(ReferralSteps.Criteria("abuse-or-neglect"), bot.Step);
        Assert.Contains("Suspected is enough", bot.Question.Problem);
        bot.Say("yes");
        bot.Say("yes");                                     // died
        Assert.Equal(ReferralSteps.Criteria("custody"), bot.Step);
        bot.Say("no");
        Assert.Equal(ReferralSteps.Narrative, bot.Step);
        Assert.Equal(bot.Question.TotalSteps, bot.Question.StepNumber);
        Assert.False(bot.Question.CanSkip);
        bot.Say("Neglect is suspected and the child has died; several agencies were involved.");
        Assert.Equal(ReferralSteps.Request, bot.Step);
        bot.Say("1");

        // Review, then submit.
        Assert.True(bot.Draft!.AtReview);
        Assert.Equal(CriteriaLevel.Must, bot.Summary.Criteria!.Level);
        Assert.Equal(new DateOnly(2026, 3, 18), bot.Rulebook.Evaluations[^1].Today);
        var draftId = bot.Draft.DraftId;
        bot.Say("submit");

        Assert.Equal(ReferralOutcome.SubmitRequested, bot.Last.Outcome);
        Assert.Null(bot.Last.Draft);
        var submission = bot.Last.Submission!;
        Assert.Equal(draftId, submission.DraftId);
        Assert.Equal(ReferralHarness.Now, submission.StartedAt);
        Assert.Equal(CriteriaLevel.Must, submission.Criteria.Level);
        AssertCompleteReferral(submission.Referral);
    }

    [Fact]
    public void The_same_referral_made_with_card_buttons_gives_the_same_form()
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.Answer("Sam Patel");
        bot.Answer("hv");
        bot.Answer("Health visitor");
        bot.Answer("1234");                                 // wrong answer
        Assert.Equal(ReferralSteps.ReferrerPhone, bot.Step);
        Assert.NotNull(bot.Question.Problem);
        bot.Answer("020 7946 0000");
        bot.Answer("sam.patel@riverside.nhs.uk");
        bot.Answer("yes");
        bot.Answer("Pat Jones");
        bot.Answer("020 7946 0001");
        bot.Answer("pat.jones@riverside.nhs.uk");
        bot.Answer("Alex Smith (AJ)");
        bot.Answer("2016-02-14");
        bot.Answer(nameof(IncidentKind.Died));
        bot.Answer("2026-03-17");
        bot.Answer("At home");
        bot.Answer("1 High Street, Riverside RV1 2AB");
        bot.Answer("White British");
        bot.Answer("English and Polish");
        bot.Click(ReferralVerbs.Skip);
        bot.Answer("child-in-need");
        bot.Answer("2025-01-03");
        bot.Answer("2025-06-01");
        bot.Answer("yes");
        bot.Answer("2023-09-01");
        bot.Answer("2024-03-01");
        bot.Answer("no");
        bot.Answer("Jo Smith");
        bot.Answer("mother");
        bot.Answer("1990-05-01");
        bot.Answer("1 High Street, Riverside RV1 2AB");
        bot.Answer("yes");
        bot.Answer("Chris Brown");
        bot.Click(ReferralVerbs.Back);
        Assert.Equal((ReferralSteps.FamilyName(1), "Chris Brown"), (bot.Step, bot.Question.Prefill));
        bot.Answer("Chris Browne");
        bot.Answer("mother's partner");
        bot.Click(ReferralVerbs.Skip);
        bot.Click(ReferralVerbs.Skip);
        bot.Answer("no");
        bot.Answer("police,hv,camhs");
        bot.Answer("Riverside Academy, Housing Trust");
        bot.Answer("2,4");
        bot.Answer("Alex was found unresponsive at home. Health visiting had raised concerns about neglect in January.");
        bot.Answer("ChildDeathReview,CriminalProceedings");
        bot.Answer("2026-01-05");
        bot.Answer("A&E attendance with a head injury");
        bot.Answer("yes");
        bot.Answer("2026-02-10");
        bot.Answer("Strategy meeting");
        bot.Answer("no");
        bot.Answer("maybe");                                // wrong answer
        Assert.Equal(ReferralSteps.Criteria("abuse-or-neglect"), bot.Step);
        bot.Answer("yes");
        bot.Answer("yes");
        bot.Answer("no");
        bot.Answer("Neglect is suspected and the child has died; several agencies were involved.");
        bot.Answer("review");
        Assert.True(bot.Draft!.AtReview);
        bot.Click(ReferralVerbs.Submit);

        Assert.Equal(ReferralOutcome.SubmitRequested, bot.Last.Outcome);
        AssertCompleteReferral(bot.Last.Submission!.Referral);
    }

    [Fact]
    public void A_draft_resumes_at_the_same_question_after_a_restart()
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(ReferralSteps.ChildIncidentDate);

        var stored = bot.Draft!.ToJson();
        var turn = new ReferralConversation(bot.Time).Continue(ReferralDraft.FromJson(stored)!, ReferralInput.Typed("help"), bot.Context);

        var question = Assert.IsType<QuestionPrompt>(turn.Prompts[^1]);
        Assert.Equal(ReferralSteps.ChildIncidentDate, question.StepId);
        Assert.Contains("\"Incident\":\"SeriouslyHarmed\"", stored, StringComparison.Ordinal);
        Assert.Contains("\"StepId\":\"child.incident-date\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_draft_that_is_not_json_is_refused_quietly()
    {
        Assert.Null(ReferralDraft.FromJson("{not json"));
    }

    [Fact]
    public void Today_is_the_date_in_london_not_utc()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
        var bot = new ReferralHarness(now: new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));
        bot.Start();
        bot.AdvanceTo(ReferralSteps.ChildIncidentDate);

        bot.Say("today");

        Assert.Equal(new DateOnly(2026, 7, 1), bot.Referral.Child.IncidentDate);
    }

    private static void AssertCompleteReferral(Referral r)
    {
        Assert.Equal(new Referrer
        {
            ObjectId = "oid-sam",
            Name = "Sam Patel",
            Agency = "Health Visiting",
            Role = "Health visitor",
            Phone = "020 7946 0000",
            Email = "sam.patel@riverside.nhs.uk",
            DesignatedSafeguardingLeadConsulted = true,
        }, r.Referrer);
        Assert.Equal(new PanelMember("Pat Jones", "020 7946 0001", "pat.jones@riverside.nhs.uk"), r.PanelMember);
        Assert.Equal([new ProtectionPlanPeriod(new DateOnly(2025, 1, 3), new DateOnly(2025, 6, 1)), new ProtectionPlanPeriod(new DateOnly(2023, 9, 1), new DateOnly(2024, 3, 1))], r.Child.ProtectionPlans);
        Assert.Equal(new Child
        {
            Name = "Alex Smith (AJ)",
            DateOfBirth = new DateOnly(2016, 2, 14),
            Incident = IncidentKind.Died,
            IncidentDate = new DateOnly(2026, 3, 17),
            IncidentPlace = "At home",
            Address = "1 High Street, Riverside RV1 2AB",
            Ethnicity = "White British",
            LanguagesSpokenAtHome = "English and Polish",
            Religion = null,
            LegalStatus = "Child in need",
            KnownToChildrensSocialCare = true,             // a child in need: not asked, written down at submit
            ProtectionPlans = r.Child.ProtectionPlans,
        }, r.Child);
        Assert.Equal([new FamilyMember("Jo Smith", "mother", new DateOnly(1990, 5, 1), "1 High Street, Riverside RV1 2AB"), new FamilyMember("Chris Browne", "mother's partner")], r.Family);
        Assert.Equal([ReviewProcess.ChildDeathReview, ReviewProcess.CriminalProceedings], r.OtherReviewProcesses);
        Assert.Equal("Consider a serious case review", r.Request);
        Assert.Equal(
        [
            new InvolvedAgency("Riverside Police", "police", StillInvolved: false),
            new InvolvedAgency("Health Visiting", "hv", StillInvolved: true),
            new InvolvedAgency("Child and Adolescent Mental Health Services", "camhs", StillInvolved: false),
            new InvolvedAgency("Riverside Academy", StillInvolved: true),
            new InvolvedAgency("Housing Trust", StillInvolved: false),
        ], r.Agencies);
        Assert.Equal("Alex was found unresponsive at home. Health visiting had raised concerns about neglect in January.", r.Summary);
        Assert.Equal([new KeyDate(new DateOnly(2026, 1, 5), "A&E attendance with a head injury"), new KeyDate(new DateOnly(2026, 2, 10), "Strategy meeting")], r.KeyDates);
        Assert.Equal(
            new Dictionary<string, bool> { ["abuse-or-neglect"] = true, ["died"] = true, ["custody"] = false },
            r.CriteriaAnswers.OrderBy(a => a.Key).ToDictionary());
        Assert.Equal("Neglect is suspected and the child has died; several agencies were involved.", r.CriteriaNarrative);
    }
}
