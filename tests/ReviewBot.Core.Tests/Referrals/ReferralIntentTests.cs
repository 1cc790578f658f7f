using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

public class ReferralIntentTests
{
    [Theory]
    [InlineData("refer")]
    [InlineData("Refer")]
    [InlineData("referral")]
    [InlineData("new referral")]
    [InlineData("New Referral")]
    [InlineData("make a referral")]
    [InlineData("Make a referral.")]
    [InlineData("start a referral")]
    [InlineData("START REFERRAL!")]
    [InlineData("refferal")]
    [InlineData("referal")]
    [InlineData("new refferal")]
    [InlineData("make a referal")]
    [InlineData("mkae a referral")]
    [InlineData("strat a referral")]
    [InlineData("make a new referral")]
    [InlineData("I want to make a referral")]
    [InlineData("I'd like to make a referral please")]
    [InlineData("please refer")]
    [InlineData("refer a child")]
    [InlineData("  new   referral  ")]
    [InlineData("<at>ReviewBot</at> new referral")]
    public void Recognises_a_request_to_start_a_referral(string text) => Assert.True(ReferralIntent.IsStartCommand(text));

    [Theory]
    [InlineData("I prefer tea")]
    [InlineData("prefer")]
    [InlineData("defer")]
    [InlineData("refer to the policy document")]
    [InlineData("Can you refer me to the chair?")]
    [InlineData("how do referrals work")]
    [InlineData("referral status for case 12")]
    [InlineData("new")]
    [InlineData("make a")]
    [InlineData("help")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Ignores_sentences_that_merely_mention_referring(string? text) => Assert.False(ReferralIntent.IsStartCommand(text));
}
