using ReviewBot.Core.Referrals;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>People's own words through the Agents Playground: a polite request starts a referral, small talk gets a short answer.</summary>
public sealed class FreeTextTests(BotEnvironment environment) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task A_polite_request_in_plain_words_starts_a_referral()
    {
        await using var playground = await environment.NewPlaygroundAsync();
        var chat = new Conversation(playground, playground.PersonalChatId);

        var first = await chat.SayAsync("Hi, I need to refer a case please", Conversation.IsReferralPrompt);

        Assert.StartsWith("referrer.", Conversation.StepOf(first), StringComparison.Ordinal);
        await chat.SayAsync("cancel", m => true);
        await chat.SayAsync("yes", m => m.AllText.Contains("Referral cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_greeting_and_thanks_get_a_short_answer_and_nothing_starts()
    {
        await using var playground = await environment.NewPlaygroundAsync();
        var chat = new Conversation(playground, playground.PersonalChatId);

        var hello = await chat.SayAsync("Good morning!", m => m.AllText.Contains("Hello!", StringComparison.Ordinal));
        Assert.Null(hello.Card);
        var thanks = await chat.SayAsync("thanks", m => m.AllText.Contains("welcome", StringComparison.Ordinal));
        Assert.Null(thanks.Card);
        var tea = await chat.SayAsync("I prefer tea", m => m.AllText.Contains("didn't understand", StringComparison.Ordinal));
        Assert.DoesNotContain(ReferralVerbs.Answer, tea.AllText, StringComparison.Ordinal);
    }
}
