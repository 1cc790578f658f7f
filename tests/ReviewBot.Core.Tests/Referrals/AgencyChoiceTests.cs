using ReviewBot.Core.Boards;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

public class AgencyChoiceTests
{
    private static ReferralHarness StartedAt(string stepId, IReadOnlyList<Agency>? agencies = null)
    {
        var bot = new ReferralHarness(agencies: agencies);
        bot.Start();
        bot.AdvanceTo(stepId);
        return bot;
    }

    [Theory]
    [InlineData("1, 3 and police", "police,hv")]
    [InlineData("1, 3 and camhs", "police,hv,camhs")]
    [InlineData("police and csc", "police,csc")]
    [InlineData("Police & CSC", "police,csc")]
    [InlineData("2-4", "csc,hv,gp")]
    [InlineData("1 to 2", "police,csc")]
    [InlineData("1 2 5", "police,csc,camhs")]
    [InlineData("#6", "ews")]
    [InlineData("Riverside Police; GP", "police,gp")]
    [InlineData("polise, health visiting", "police,hv")]
    [InlineData("child and adolescent mental health services", "camhs")]
    [InlineData("mental health and police", "camhs,police")]
    [InlineData("3, 3, three? no: 3", null)]
    [InlineData("all", "police,csc,hv,gp,camhs,ews")]
    public void Agencies_are_chosen_by_numbers_and_names(string answer, string? expectedIds)
    {
        var bot = StartedAt(ReferralSteps.AgenciesChosen);

        bot.Say(answer);

        if (expectedIds is null)
        {
            Assert.Equal(ReferralSteps.AgenciesChosen, bot.Step);
            Assert.NotNull(bot.Question.Problem);
            return;
        }

        Assert.Equal(ReferralSteps.AgenciesOther, bot.Step);
        Assert.Equal(expectedIds.Split(','), bot.Referral.Agencies.Select(a => a.AgencyId));
        Assert.All(bot.Referral.Agencies, a => Assert.Equal(ReferralHarness.BoardAgencies.Single(b => b.Id == a.AgencyId).Name, a.Name));
    }

    [Theory]
    [InlineData("9", "There is no number 9 on the list: choose from 1 to 6.")]
    [InlineData("1, 7-9", "There is no number 9 on the list: choose from 1 to 6.")]
    [InlineData("health", "“health” could mean more than one agency: 3 (Health Visiting) or 5 (Child and Adolescent Mental Health Services). Type the number.")]
    [InlineData("1 and the school nurse", "I couldn't find “the school nurse” on the list. Type the numbers from the list.")]
    public void A_list_with_something_not_on_it_is_asked_again_naming_it(string answer, string problem)
    {
        var bot = StartedAt(ReferralSteps.AgenciesChosen);

        bot.Say(answer);

        Assert.Equal((ReferralSteps.AgenciesChosen, problem), (bot.Step, bot.Question.Problem));
        Assert.Empty(bot.Referral.Agencies);
    }

    [Fact]
    public void A_card_sends_the_chosen_ids_comma_joined()
    {
        var bot = StartedAt(ReferralSteps.AgenciesChosen);
        Assert.Equal(ReferralInputKind.MultiChoice, bot.Question.Kind);
        Assert.Equal(["police", "csc", "hv", "gp", "camhs", "ews"], bot.Question.Choices.Select(c => c.Value));

        bot.Answer("gp,police");

        Assert.Equal(["gp", "police"], bot.Referral.Agencies.Select(a => a.AgencyId));
    }

    [Fact]
    public void Others_are_typed_and_still_involved_is_asked_of_every_agency_named()
    {
        var bot = StartedAt(ReferralSteps.AgenciesChosen);
        bot.Say("1");
        bot.Say("Riverside Academy; Housing Trust, riverside police");
        Assert.Equal(["Riverside Police", "Riverside Academy", "Housing Trust"], bot.Referral.Agencies.Select(a => a.Name));

        Assert.Equal(ReferralSteps.AgenciesStillInvolved, bot.Step);
        bot.Say("none");

        Assert.All(bot.Referral.Agencies, a => Assert.False(a.StillInvolved));
        Assert.Equal(ReferralSteps.Events, bot.Step);
    }

    [Fact]
    public void Not_knowing_who_is_still_involved_leaves_it_unknown()
    {
        var bot = StartedAt(ReferralSteps.AgenciesChosen);
        bot.Say("1, 2");
        bot.Say("skip");

        bot.Say("skip");

        Assert.All(bot.Referral.Agencies, a => Assert.Null(a.StillInvolved));
    }

    [Fact]
    public void With_no_agencies_named_the_still_involved_question_is_not_asked()
    {
        var bot = StartedAt(ReferralSteps.AgenciesChosen);

        bot.Say("skip");
        bot.Say("no");

        Assert.Empty(bot.Referral.Agencies);
        Assert.Equal(ReferralSteps.Events, bot.Step);
    }

    [Fact]
    public void Going_back_to_the_list_keeps_typed_agencies_and_what_is_known_about_them()
    {
        var bot = StartedAt(ReferralSteps.AgenciesChosen);
        bot.Say("1, 2");
        bot.Say("Riverside Academy");
        bot.Say("1, 3");
        bot.Say("back");
        bot.Say("back");
        bot.Say("back");
        Assert.Equal((ReferralSteps.AgenciesChosen, "police,csc"), (bot.Step, bot.Question.Prefill));

        bot.Say("1, 4");

        Assert.Equal(
            [new InvolvedAgency("Riverside Police", "police", StillInvolved: true), new InvolvedAgency("GP Practice", "gp"), new InvolvedAgency("Riverside Academy", StillInvolved: true)],
            bot.Referral.Agencies);
        Assert.Equal(("Riverside Academy", "Riverside Academy"), (bot.Question.Prefill, bot.Question.PrefillLabel));
    }

    [Fact]
    public void A_board_without_an_agency_list_asks_for_agencies_in_words()
    {
        var bot = StartedAt(ReferralSteps.ReferrerAgency, agencies: []);
        Assert.Equal(ReferralInputKind.Text, bot.Question.Kind);
        bot.Say("Riverside Academy");
        Assert.Equal("Riverside Academy", bot.Referral.Referrer.Agency);

        bot.AdvanceTo(ReferralSteps.FamilyName(0));
        bot.Say("skip");

        Assert.Equal(ReferralSteps.AgenciesOther, bot.Step);
        Assert.Equal("Which agencies have been involved with the child or family?", bot.Question.Text);
    }
}
