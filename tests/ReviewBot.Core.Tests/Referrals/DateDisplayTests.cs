using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>Dates come back day-month-year, as people in the UK write them, never ISO.</summary>
public class DateDisplayTests
{
    [Theory]
    [InlineData("14/03/2016")]
    [InlineData("2016-03-14")]                      // a date picker's value
    [InlineData("14 March 2016")]
    public void After_back_the_date_of_birth_is_shown_day_first(string typed)
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(ReferralSteps.ChildDateOfBirth);
        bot.Say(typed);
        bot.Say("back");

        Assert.Equal(ReferralSteps.ChildDateOfBirth, bot.Step);
        Assert.Equal(("14/03/2016", "14 March 2016"), (bot.Question.Prefill, bot.Question.PrefillLabel));
        Assert.DoesNotContain("2016-03-14", ReferralText.Render(bot.Last.Prompts), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_date_question_hints_day_month_year_like_the_card_placeholder()
    {
        var bot = new ReferralHarness();
        bot.Start();
        var hints = new List<string>();
        while (!bot.Draft!.AtReview)
        {
            if (bot.Question.Kind == ReferralInputKind.Date && bot.Question.Hint is { } hint)
            {
                hints.Add(hint);
            }

            bot.SayTypical();
        }

        Assert.NotEmpty(hints);
        Assert.All(hints, h => Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", h));
        Assert.Contains(hints, h => h.Contains("Day, month, year", StringComparison.Ordinal));
        Assert.Contains("\"placeholder\": \"dd/mm/yyyy\"", File.ReadAllText(Path.Combine(Root(), "cards", "referral-question.json")), StringComparison.Ordinal);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "ReviewBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
