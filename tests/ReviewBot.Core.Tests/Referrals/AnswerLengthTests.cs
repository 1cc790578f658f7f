using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>
/// A typed or card answer longer than its question's own limit (the card input's maxLength) is refused in plain
/// words before it is read, and the question is asked again: nothing is stored from it and no parser sees it.
/// </summary>
public class AnswerLengthTests
{
    [Theory]
    [InlineData(ReferralSteps.ChildDateOfBirth)]
    [InlineData(ReferralSteps.ReferrerDsl)]
    [InlineData(ReferralSteps.ReferrerAgency)]
    [InlineData(ReferralSteps.AgenciesChosen)]
    [InlineData(ReferralSteps.ChildName)]
    [InlineData(ReferralSteps.Events)]
    public void An_answer_over_its_questions_limit_is_refused_with_the_limit_and_asked_again(string stepId)
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(stepId);
        var limit = bot.Question.MaxLength;

        bot.Say("1 " + new string('x', limit));

        Assert.Equal(stepId, bot.Step);
        Assert.Equal($"That's too long for this answer ({limit + 2} characters; the most is {limit}). Please shorten it.", bot.Question.Problem);
    }

    [Fact]
    public void A_card_answer_over_the_limit_is_refused_the_same_way()
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(ReferralSteps.ChildIncidentDate);
        var limit = bot.Question.MaxLength;

        bot.Answer("01/03/2026" + new string(' ', 5) + new string('9', limit));

        Assert.Equal(ReferralSteps.ChildIncidentDate, bot.Step);
        Assert.StartsWith("That's too long for this answer", bot.Question.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_at_the_limit_is_read()
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(ReferralSteps.Events);
        var text = new string('a', bot.Question.MaxLength);

        bot.Say(text);

        Assert.Equal(text, bot.Referral.Summary);
    }
}
