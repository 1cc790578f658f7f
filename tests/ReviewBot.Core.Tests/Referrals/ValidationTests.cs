using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

public class ValidationTests
{
    private static ReferralHarness StartedAt(string stepId)
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(stepId);
        return bot;
    }

    private static void AssertRefused(ReferralHarness bot, string stepId, string answer, string problem)
    {
        bot.Say(answer);
        Assert.Equal(stepId, bot.Step);
        Assert.Equal(problem, bot.Question.Problem);
        Assert.Equal(stepId, bot.Question.StepId);
    }

    [Fact]
    public void A_date_of_death_cannot_be_in_the_future()
    {
        var bot = StartedAt(ReferralSteps.ChildIncident);
        bot.Say("died");

        AssertRefused(bot, ReferralSteps.ChildIncidentDate, "tomorrow", "The date of death can't be in the future. Please check it.");
        bot.Say("today");
        Assert.Equal(new DateOnly(2026, 3, 18), bot.Referral.Child.IncidentDate);
    }

    [Fact]
    public void An_incident_date_cannot_be_in_the_future()
        => AssertRefused(StartedAt(ReferralSteps.ChildIncidentDate), ReferralSteps.ChildIncidentDate, "19/3/2026", "The date of the incident can't be in the future. Please check it.");

    [Fact]
    public void A_date_of_birth_cannot_be_in_the_future()
        => AssertRefused(StartedAt(ReferralSteps.ChildDateOfBirth), ReferralSteps.ChildDateOfBirth, "19 March 2026", "The date of birth can't be in the future. Please check it.");

    [Fact]
    public void The_incident_cannot_be_before_the_date_of_birth()
        => AssertRefused(StartedAt(ReferralSteps.ChildIncidentDate), ReferralSteps.ChildIncidentDate, "1/1/2015",
            "That puts the incident (1 January 2015) before Alex Smith's date of birth (14 February 2016). Please check the dates.");

    [Fact]
    public void A_date_of_birth_changed_at_review_cannot_come_after_the_incident()
    {
        var bot = StartedAt(ReferralSteps.Review);
        bot.Click(ReferralVerbs.Edit, (ReferralValues.StepId, ReferralSteps.ChildDateOfBirth));

        AssertRefused(bot, ReferralSteps.ChildDateOfBirth, "2/3/2026",
            "That puts the incident (1 March 2026) before Alex Smith's date of birth (2 March 2026). Please check the dates.");
    }

    [Fact]
    public void Reviews_are_about_children_so_an_adult_at_the_incident_is_queried()
    {
        var bot = StartedAt(ReferralSteps.ChildDateOfBirth);
        bot.Say("3/2/89");
        bot.Say("2");

        AssertRefused(bot, ReferralSteps.ChildIncidentDate, "1/3/2026",
            "That would make Alex Smith 37 on 1 March 2026, and reviews are about children under 18. Please check the date of birth (3 February 1989) and the date of the incident (1 March 2026).");
    }

    [Fact]
    public void A_child_protection_plan_cannot_end_before_it_started_nor_in_the_future()
    {
        var bot = StartedAt(ReferralSteps.ChildPlanStart);
        AssertRefused(bot, ReferralSteps.ChildPlanStart, "1/4/2026", "A plan can't start in the future. Please check the date.");
        bot.Say("3/1/2025");

        AssertRefused(bot, ReferralSteps.ChildPlanEnd, "2/1/2025", "The plan can't end before it started (3 January 2025).");
        AssertRefused(bot, ReferralSteps.ChildPlanEnd, "1/4/2026", "That date is in the future. If the plan is still in place, type skip.");
        bot.Say("3/1/2025");
        Assert.Equal([new ProtectionPlanPeriod(new DateOnly(2025, 1, 3), new DateOnly(2025, 1, 3))], bot.Referral.Child.ProtectionPlans);
    }

    [Fact]
    public void A_plan_still_in_place_has_no_end_and_no_plan_clears_both_dates()
    {
        var bot = StartedAt(ReferralSteps.ChildPlanStart);
        bot.Say("3/1/2025");
        bot.Say("1/6/2025");
        bot.Say("back");
        bot.Say("skip");                                    // still in place
        Assert.Equal(ReferralSteps.PlanAnother(0), bot.Step);
        Assert.Null(Assert.Single(bot.Referral.Child.ProtectionPlans).End);

        bot.Say("back");
        bot.Say("back");
        Assert.Equal(ReferralSteps.ChildPlanStart, bot.Step);
        bot.Say("skip");
        Assert.Equal(ReferralSteps.FamilyName(0), bot.Step);    // a child in need is known to social care: not asked
        Assert.Empty(bot.Referral.Child.ProtectionPlans);
    }

    [Theory]
    [InlineData("y", true)]
    [InlineData("Yes", true)]
    [InlineData("yeah", true)]
    [InlineData("YEP!", true)]
    [InlineData("yes, last week", true)]
    [InlineData("n", false)]
    [InlineData("No.", false)]
    [InlineData("nope", false)]
    [InlineData("no, not yet", false)]
    public void Yes_and_no_are_read_as_people_type_them(string answer, bool expected)
    {
        var bot = StartedAt(ReferralSteps.ReferrerDsl);

        bot.Say(answer);

        Assert.Equal(ReferralSteps.PanelMemberName, bot.Step);
        Assert.Equal(expected, bot.Referral.Referrer.DesignatedSafeguardingLeadConsulted);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("I think so")]
    [InlineData("1")]
    public void Anything_but_yes_or_no_is_asked_again(string answer)
        => AssertRefused(StartedAt(ReferralSteps.ReferrerDsl), ReferralSteps.ReferrerDsl, answer, "Please answer yes or no.");

    [Fact]
    public void Saying_no_to_the_designated_safeguarding_lead_question_prompts_the_referrer_to_tell_them()
    {
        var bot = StartedAt(ReferralSteps.ReferrerDsl);

        bot.Say("no");

        Assert.Equal("Please tell your designated safeguarding lead about this referral as soon as you can.", bot.Notices.Single());
        Assert.Equal(ReferralSteps.PanelMemberName, bot.Step);
    }

    [Fact]
    public void An_optional_yes_no_question_takes_dont_know_as_a_skip()
    {
        var bot = StartedAt(ReferralSteps.ChildLegalStatus);
        bot.Say("none of these");
        bot.Say("skip");                                    // no plan
        Assert.Equal(ReferralSteps.ChildKnownToSocialCare, bot.Step);

        bot.Say("don't know");

        Assert.Equal(ReferralSteps.FamilyName(0), bot.Step);
        Assert.Null(bot.Referral.Child.KnownToChildrensSocialCare);
    }

    [Theory]
    [InlineData("1", IncidentKind.Died)]
    [InlineData("died", IncidentKind.Died)]
    [InlineData("She passed away", null)]
    [InlineData("death", IncidentKind.Died)]
    [InlineData("2", IncidentKind.SeriouslyHarmed)]
    [InlineData("Seriously harmed", IncidentKind.SeriouslyHarmed)]
    [InlineData("serious harm", IncidentKind.SeriouslyHarmed)]
    [InlineData("THE CHILD WAS SERIOUSLY HARMED", IncidentKind.SeriouslyHarmed)]
    [InlineData("injured", null)] // serious harm is asked, not assumed
    [InlineData("3", IncidentKind.Harmed)]
    [InlineData("harmed, but not seriously", IncidentKind.Harmed)]
    public void Choices_are_read_by_number_or_words(string answer, IncidentKind? expected)
    {
        var bot = StartedAt(ReferralSteps.ChildIncident);

        bot.Say(answer);

        Assert.Equal(expected, bot.Referral.Child.Incident);
        Assert.Equal(expected is null ? ReferralSteps.ChildIncident : ReferralSteps.ChildIncidentDate, bot.Step);
    }

    [Theory]
    [InlineData("4", "There is no number 4 on the list: choose from 1 to 3.")]
    [InlineData("banana", "Please choose from the list: type a number from 1 to 3.")]
    public void A_choice_not_on_the_list_is_asked_again(string answer, string problem)
        => AssertRefused(StartedAt(ReferralSteps.ChildIncident), ReferralSteps.ChildIncident, answer, problem);

    [Theory]
    [InlineData("1", "Looked after by the local authority")]
    [InlineData("looked after", "Looked after by the local authority")]
    [InlineData("LAC", "Looked after by the local authority")]
    [InlineData("on a CP plan", "Subject to a child protection plan")]
    [InlineData("none", "None of these")]
    [InlineData("Special guardianship order", "Special guardianship order")]
    public void Legal_status_takes_a_choice_or_words_of_ones_own(string answer, string expected)
    {
        var bot = StartedAt(ReferralSteps.ChildLegalStatus);

        bot.Say(answer);

        Assert.Equal(expected, bot.Referral.Child.LegalStatus);
    }

    [Theory]
    [InlineData("polise", "Riverside Police")]
    [InlineData("Children's social care", "Children's Social Care")]
    [InlineData("4", "GP Practice")]
    [InlineData("Riverside Academy", "Riverside Academy")]
    public void The_referrers_agency_is_chosen_or_typed(string answer, string expected)
    {
        var bot = StartedAt(ReferralSteps.ReferrerAgency);

        bot.Say(answer);

        Assert.Equal(ReferralSteps.ReferrerRole, bot.Step);
        Assert.Equal(expected, bot.Referral.Referrer.Agency);
    }

    [Fact]
    public void An_agency_name_that_fits_two_agencies_is_asked_again()
        => AssertRefused(StartedAt(ReferralSteps.ReferrerAgency), ReferralSteps.ReferrerAgency, "health",
            "“health” could mean more than one agency: 3 (Health Visiting) or 5 (Child and Adolescent Mental Health Services). Type the number. If yours isn't listed, type its full name.");

    [Theory]
    [InlineData("sam at riverside")]
    [InlineData("sam@riverside")]
    [InlineData("sam@@riverside.nhs.uk")]
    public void An_email_must_look_like_one(string answer)
        => AssertRefused(StartedAt(ReferralSteps.ReferrerEmail), ReferralSteps.ReferrerEmail, answer,
            "That doesn't look like an email address. Please type it in full, e.g. name@agency.gov.uk.");

    [Theory]
    [InlineData("07700 900123", true)]
    [InlineData("+44 20 7946 0000", true)]
    [InlineData("(020) 7946-0000 ext 123", true)]
    [InlineData("12345", false)]
    [InlineData("call me", false)]
    public void A_phone_number_must_look_like_one(string answer, bool accepted)
    {
        var bot = StartedAt(ReferralSteps.ReferrerPhone);

        bot.Say(answer);

        Assert.Equal(accepted ? ReferralSteps.ReferrerEmail : ReferralSteps.ReferrerPhone, bot.Step);
        Assert.Equal(accepted ? answer : null, bot.Referral.Referrer.Phone);
    }

    [Fact]
    public void An_answer_that_is_too_long_is_refused_with_its_length()
    {
        var name = new string('a', 201);

        AssertRefused(StartedAt(ReferralSteps.ChildName), ReferralSteps.ChildName, name,
            "That's too long for this answer (201 characters; the most is 200). Please shorten it.");
    }

    [Fact]
    public void No_to_a_prefilled_answer_asks_for_the_right_one()
    {
        var bot = new ReferralHarness();
        bot.Start();

        bot.Say("no");

        Assert.Equal((ReferralSteps.ReferrerName, "Please type the right answer."), (bot.Step, bot.Question.Problem));
        Assert.Equal("Sam Patel", bot.Referral.Referrer.Name);
        bot.Say("Samira Patel");
        Assert.Equal("Samira Patel", bot.Referral.Referrer.Name);
    }

    [Fact]
    public void Keep_with_nothing_to_keep_is_not_taken_as_an_answer()
        => AssertRefused(StartedAt(ReferralSteps.ChildName), ReferralSteps.ChildName, "keep", "There's no answer to keep yet: please type one.");

    [Fact]
    public void A_profile_without_details_prefills_nothing_and_every_detail_is_asked()
    {
        var bot = new ReferralHarness(new ReferrerProfile("oid-new", null, " ", null));
        bot.Start();

        Assert.Null(bot.Question.Prefill);
        bot.Say("Jo Bloggs");
        Assert.Null(bot.Question.Prefill);                  // not on the board's people list: no agency prefill
    }
}
