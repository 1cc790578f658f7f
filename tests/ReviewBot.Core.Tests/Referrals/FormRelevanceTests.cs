using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>The form asks only what the answers so far make relevant, and never what an earlier answer already says.</summary>
public class FormRelevanceTests
{
    private static ReferralHarness StartedAt(string stepId, ReferrerProfile? profile = null)
    {
        var bot = new ReferralHarness(profile);
        bot.Start();
        bot.AdvanceTo(stepId);
        return bot;
    }

    [Fact]
    public void A_child_on_a_protection_plan_is_not_asked_about_social_care_and_the_plan_is_asked_for_directly()
    {
        var bot = StartedAt(ReferralSteps.ChildLegalStatus);
        bot.Say("Subject to a child protection plan");

        Assert.Equal(("When did the child protection plan start?", false), (bot.Question.Text, bot.Question.Hint!.Contains("no plan", StringComparison.Ordinal)));
        bot.Say("3/1/2025");
        bot.Say("skip");                                    // still in place
        bot.Say("yes");                                     // an earlier plan too
        bot.Say("1/6/2022");
        bot.Say("1/1/2023");
        bot.Say("no");

        Assert.Equal(ReferralSteps.FamilyName(0), bot.Step);
        Assert.Equal([new ProtectionPlanPeriod(new DateOnly(2025, 1, 3)), new ProtectionPlanPeriod(new DateOnly(2022, 6, 1), new DateOnly(2023, 1, 1))], bot.Referral.Child.ProtectionPlans);
        Assert.DoesNotContain(ReferralSteps.ChildKnownToSocialCare, bot.Draft!.History);
        bot.AdvanceTo(ReferralSteps.Review);
        Assert.Contains(bot.Summary.Items, i => i is { Label: "Known to children's social care", Value: "Yes (from the legal status or plan)" });
        Assert.Contains(bot.Summary.Items, i => i is { Label: "Child protection plan 2", Value: "1 June 2022 to 1 January 2023" });
    }

    [Fact]
    public void A_past_plan_alone_also_says_the_child_is_known_to_social_care()
    {
        var bot = StartedAt(ReferralSteps.ChildLegalStatus);
        bot.Say("4");                                       // none of these now
        Assert.StartsWith("Has the child been subject to a child protection plan?", bot.Question.Text, StringComparison.Ordinal);
        bot.Say("1/6/2022");
        bot.Say("1/1/2023");
        bot.Say("no");

        Assert.Equal(ReferralSteps.FamilyName(0), bot.Step);
    }

    [Theory]
    [InlineData("Designated safeguarding lead")]
    [InlineData("Deputy DSL and head of year")]
    [InlineData("Named nurse, designated safeguarding officer")]
    public void A_designated_safeguarding_lead_is_not_asked_whether_they_talked_to_one(string role)
    {
        var bot = StartedAt(ReferralSteps.ReferrerRole);
        bot.Say(role);
        bot.SayTypical();                                   // phone
        bot.SayTypical();                                   // email

        Assert.Equal(ReferralSteps.PanelMemberName, bot.Step);
        bot.AdvanceTo(ReferralSteps.Review);
        Assert.Contains(bot.Summary.Items, i => i is { Label: "Designated safeguarding lead", Value: "You are one" });
        bot.Say("submit");
        Assert.Equal(ReferralOutcome.SubmitRequested, bot.Last.Outcome);
    }

    [Fact]
    public void A_health_visitor_is_still_asked_about_their_designated_safeguarding_lead()
    {
        var bot = StartedAt(ReferralSteps.ReferrerDsl);

        Assert.Equal("Have you talked to your agency's designated safeguarding lead about this referral?", bot.Question.Text);
    }

    [Fact]
    public void The_panel_member_can_be_the_referrer_and_then_nothing_more_is_asked_about_them()
    {
        var bot = StartedAt(ReferralSteps.PanelMemberName);
        Assert.True(bot.Question.CanSkip);
        bot.Say("me");

        Assert.Equal(ReferralSteps.ChildName, bot.Step);
        Assert.Equal(new PanelMember("Sam Patel", IsReferrer: true), bot.Referral.PanelMember);
    }

    [Fact]
    public void Another_panel_member_gives_their_telephone_and_email_which_are_checked()
    {
        var bot = StartedAt(ReferralSteps.PanelMemberName);
        bot.Say("Pat Jones");
        bot.Say("123");
        Assert.StartsWith("That doesn't look like a phone number.", bot.Question.Problem, StringComparison.Ordinal);
        bot.Say("020 7946 0001");
        bot.Say("pat.jones");
        Assert.StartsWith("That doesn't look like an email address.", bot.Question.Problem, StringComparison.Ordinal);
        bot.Say("pat.jones@riverside.nhs.uk");

        Assert.Equal(ReferralSteps.ChildName, bot.Step);
        Assert.Equal(new PanelMember("Pat Jones", "020 7946 0001", "pat.jones@riverside.nhs.uk"), bot.Referral.PanelMember);
    }

    [Fact]
    public void A_child_death_review_is_offered_only_when_the_child_died()
    {
        var harmed = StartedAt(ReferralSteps.OtherReviews);
        Assert.Equal(["A domestic homicide review", "Criminal proceedings"], harmed.Question.Choices.Select(c => c.Label));
        harmed.Say("criminal proceedings");
        Assert.Equal([ReviewProcess.CriminalProceedings], harmed.Referral.OtherReviewProcesses);

        var died = StartedAt(ReferralSteps.ChildIncident);
        died.Say("died");
        died.AdvanceTo(ReferralSteps.OtherReviews);
        Assert.Contains("A child death review", died.Question.Choices.Select(c => c.Label));
        died.Say("none");
        Assert.Equal([], died.Referral.OtherReviewProcesses!);
    }

    [Fact]
    public void How_the_case_meets_the_criteria_needs_an_answer_and_the_request_is_kept_in_the_referrers_words()
    {
        var bot = StartedAt(ReferralSteps.Narrative);
        Assert.False(bot.Question.CanSkip);
        bot.Say("skip");
        Assert.Equal((ReferralSteps.Narrative, "This question needs an answer, so it can't be skipped."), (bot.Step, bot.Question.Problem));
        bot.Say("Neglect is suspected and agencies did not share what they knew.");

        Assert.Equal(ReferralSteps.Request, bot.Step);
        bot.Say("Please call an extraordinary panel meeting");
        Assert.True(bot.Draft!.AtReview);
        Assert.Equal("Please call an extraordinary panel meeting", bot.Referral.Request);
    }

    [Fact]
    public void Where_it_happened_is_asked_after_when_and_shown_on_the_summary()
    {
        var bot = StartedAt(ReferralSteps.ChildIncidentDate);
        bot.Say("1/3/2026");

        Assert.Equal(("Where did it happen?", true), (bot.Question.Text, bot.Question.CanSkip));
        bot.Say("At a friend's house in Leeds");
        bot.AdvanceTo(ReferralSteps.Review);
        Assert.Contains(bot.Summary.Items, i => i is { Label: "Where it happened", Value: "At a friend's house in Leeds" });
    }

    [Fact]
    public void The_childs_name_and_alias_are_not_pasted_into_every_question()
    {
        var bot = StartedAt(ReferralSteps.ChildName);
        bot.Say("Alex Smith (AJ)");
        Assert.Equal("What is Alex Smith's date of birth?", bot.Question.Text);

        var asked = new List<string>();
        while (!bot.Draft!.AtReview)
        {
            asked.Add(bot.Question.Text);
            bot.SayTypical();
        }

        Assert.DoesNotContain(asked, q => q.Contains("(AJ)", StringComparison.Ordinal));
        Assert.Single(asked, q => q.Contains("Alex", StringComparison.Ordinal));
    }

    [Fact]
    public void Languages_spoken_at_home_are_asked_not_a_first_language()
    {
        var bot = StartedAt(ReferralSteps.ChildLanguage);
        Assert.Equal("Which languages are spoken at the child's home?", bot.Question.Text);
        bot.Say("English and Polish");
        Assert.Equal("English and Polish", bot.Referral.Child.LanguagesSpokenAtHome);
        Assert.Contains("\"Language\":\"English and Polish\"", bot.Draft!.ToJson(), StringComparison.Ordinal);
    }
}
