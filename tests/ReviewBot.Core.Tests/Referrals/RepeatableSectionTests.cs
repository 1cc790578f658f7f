using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

public class RepeatableSectionTests
{
    private static ReferralHarness StartedAt(string stepId)
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(stepId);
        return bot;
    }

    [Fact]
    public void Family_is_optional()
    {
        var bot = StartedAt(ReferralSteps.FamilyName(0));
        Assert.True(bot.Question.CanSkip);

        bot.Say("nobody");

        Assert.Equal(ReferralSteps.AgenciesChosen, bot.Step);
        Assert.Empty(bot.Referral.Family);
    }

    [Fact]
    public void Family_members_are_added_one_at_a_time_until_no_one_else()
    {
        var bot = StartedAt(ReferralSteps.FamilyName(0));

        foreach (var (name, relationship) in new[] { ("Jo Smith", "mother"), ("Chris Browne", "mother's partner"), ("Ellie Smith", "sister") })
        {
            if (bot.Step != ReferralSteps.FamilyName(0))
            {
                bot.Say("yes");
            }

            bot.Say(name);
            Assert.Equal($"How is {name} related to the child?", bot.Question.Text);
            bot.Say(relationship);
            Assert.Equal($"What is {name}'s date of birth?", bot.Question.Text);
            Assert.True(bot.Question.CanSkip);
            bot.Say("skip");
            Assert.Equal($"What is {name}'s address?", bot.Question.Text);
            bot.Say("skip");
        }

        Assert.Equal(ReferralSteps.FamilyAnother(2), bot.Step);
        bot.Answer("no");

        Assert.Equal(ReferralSteps.AgenciesChosen, bot.Step);
        Assert.Equal(
            [new FamilyMember("Jo Smith", "mother"), new FamilyMember("Chris Browne", "mother's partner"), new FamilyMember("Ellie Smith", "sister")],
            bot.Referral.Family);
    }

    [Fact]
    public void An_adults_date_of_birth_and_address_are_kept_and_same_means_the_childs_address()
    {
        var bot = StartedAt(ReferralSteps.FamilyName(0));
        bot.Say("Jo Smith");
        bot.Say("mother");
        bot.Say("1/5/2099");
        Assert.Equal((ReferralSteps.FamilyDateOfBirth(0), "A date of birth can't be in the future. Please check it."), (bot.Step, bot.Question.Problem));
        bot.Say("1/5/1990");
        Assert.Contains("type same", bot.Question.Hint, StringComparison.Ordinal);
        bot.Say("same");
        bot.Say("yes");
        bot.Say("Chris Browne");
        bot.Say("mother's partner");
        bot.Say("skip");
        bot.Say("4 Mill Lane, Riverside RV2 4QT");
        bot.Say("no");

        Assert.Equal(
            [new FamilyMember("Jo Smith", "mother", new DateOnly(1990, 5, 1), "1 High Street, Riverside RV1 2AB"), new FamilyMember("Chris Browne", "mother's partner", null, "4 Mill Lane, Riverside RV2 4QT")],
            bot.Referral.Family);
        bot.AdvanceTo(ReferralSteps.Review);
        Assert.Contains(bot.Summary.Items, i => i.Value == "Jo Smith (mother), born 1 May 1990, 1 High Street, Riverside RV1 2AB");
    }

    [Fact]
    public void A_relationship_is_required()
    {
        var bot = StartedAt(ReferralSteps.FamilyName(0));
        bot.Say("Jo Smith");

        bot.Say("skip");

        Assert.Equal(ReferralSteps.FamilyRelationship(0), bot.Step);
        Assert.NotNull(bot.Question.Problem);
    }

    [Fact]
    public void Going_back_through_the_list_keeps_everyone_until_no_one_else_is_said()
    {
        var bot = StartedAt(ReferralSteps.FamilyName(0));
        bot.Say("Jo Smith");
        bot.Say("mother");
        bot.Say("skip");
        bot.Say("skip");
        bot.Say("yes");
        bot.Say("Chris Browne");
        bot.Say("mother's partner");
        bot.Say("back");
        bot.Say("back");
        bot.Say("back");
        Assert.Equal(ReferralSteps.FamilyAnother(0), bot.Step);
        Assert.Equal("yes", bot.Question.Prefill);
        Assert.Contains("1 more", bot.Question.Hint);

        bot.Say("no");

        Assert.Equal([new FamilyMember("Jo Smith", "mother")], bot.Referral.Family);
        Assert.Equal(ReferralSteps.AgenciesChosen, bot.Step);
    }

    [Fact]
    public void Key_dates_are_added_one_at_a_time()
    {
        var bot = StartedAt(ReferralSteps.KeyDate(0));
        Assert.Equal(ReferralInputKind.Date, bot.Question.Kind);

        bot.Say("5/1/2026");
        Assert.Equal("What happened on 5 January 2026?", bot.Question.Text);
        bot.Say("A&E attendance");
        bot.Say("yes");
        bot.Say("31/1/2026 ");
        bot.Say("Home visit: no answer");
        bot.Say("no");

        Assert.Equal(ReferralSteps.Criteria("abuse-or-neglect"), bot.Step);
        Assert.Equal([new KeyDate(new DateOnly(2026, 1, 5), "A&E attendance"), new KeyDate(new DateOnly(2026, 1, 31), "Home visit: no answer")], bot.Referral.KeyDates);
    }

    [Fact]
    public void A_key_date_must_be_a_date_and_say_what_happened()
    {
        var bot = StartedAt(ReferralSteps.KeyDate(0));

        bot.Say("the week before");
        Assert.Equal((ReferralSteps.KeyDate(0), "I couldn't read that as a date. Try something like 14/02/2026 or 'yesterday'."), (bot.Step, bot.Question.Problem));
        bot.Say("5/1/2026");
        bot.Click(ReferralVerbs.Skip);
        Assert.Equal((ReferralSteps.KeyDateWhat(0), "This question needs an answer, so it can't be skipped."), (bot.Step, bot.Question.Problem));
    }

    [Fact]
    public void Skipping_the_first_key_date_means_none()
    {
        var bot = StartedAt(ReferralSteps.KeyDate(0));

        bot.Say("none");

        Assert.Empty(bot.Referral.KeyDates);
        Assert.Equal(ReferralSteps.Criteria("abuse-or-neglect"), bot.Step);
    }

    [Fact]
    public void A_list_stops_at_its_limit_with_a_plain_note()
    {
        var bot = StartedAt(ReferralSteps.FamilyName(0));
        for (var i = 0; i < 30; i++)
        {
            if (i > 0)
            {
                bot.Say("yes");
            }

            bot.Say($"Person {i}");
            bot.Say("cousin");
            bot.Say("skip");
            bot.Say("skip");
        }

        bot.Say("yes");

        Assert.Equal(30, bot.Referral.Family.Count);
        Assert.Equal(ReferralSteps.AgenciesChosen, bot.Step);
        Assert.Contains("the most I can take here (30)", bot.Notices.Single());
    }
}
