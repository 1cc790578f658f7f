using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>One "today": the referral reads dates in its board's own time zone, whatever the zone.</summary>
public sealed class BoardTimeZoneTests
{
    // 12:00 UTC on 18 March 2026 is 12:00 on the 18th in London (GMT) and 01:00 on the 19th in Auckland (NZDT).
    private static readonly DateTimeOffset Noon = new(2026, 3, 18, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/London", 18)]
    [InlineData("Pacific/Auckland", 19)]
    public void Today_in_a_referral_is_the_date_in_the_boards_time_zone(string timeZoneId, int day)
    {
        var bot = new ReferralHarness(now: Noon, timeZoneId: timeZoneId);
        bot.Start();
        bot.AdvanceTo(ReferralSteps.ChildIncidentDate);

        bot.Say("today");

        Assert.Equal(new DateOnly(2026, 3, day), bot.Referral.Child.IncidentDate);
    }

    [Fact]
    public void A_date_that_is_today_in_the_boards_zone_is_not_refused_as_future()
    {
        // 19 March is still the future in London at this instant, but it is today for an Auckland board.
        var bot = new ReferralHarness(now: Noon, timeZoneId: "Pacific/Auckland");
        bot.Start();
        bot.AdvanceTo(ReferralSteps.ChildIncidentDate);

        bot.Say("19/03/2026");

        Assert.Equal(new DateOnly(2026, 3, 19), bot.Referral.Child.IncidentDate);
        Assert.NotEqual(ReferralSteps.ChildIncidentDate, bot.Step);
    }
}
