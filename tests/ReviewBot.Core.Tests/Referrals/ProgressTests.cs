using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>The progress line counts the form's sections: it never jumps, goes backwards on its own or changes its total.</summary>
public class ProgressTests
{
    [Fact]
    public void Over_a_full_referral_with_back_and_edit_the_counter_never_jumps_repeats_or_changes_total()
    {
        var bot = new ReferralHarness();
        bot.Start();
        var seen = new List<(string Step, int Number, int Total)>();
        void Record() => seen.Add((bot.Question.StepId, bot.Question.StepNumber, bot.Question.TotalSteps));

        var wentBack = false;
        while (!bot.Draft!.AtReview)
        {
            Record();
            if (bot.Step == ReferralSteps.AgenciesChosen && !wentBack)
            {
                wentBack = true;
                bot.Say("back");                                // back into the family section: one part back
                Assert.Equal(seen[^1].Number - 1, bot.Question.StepNumber);
                seen.RemoveAt(seen.Count - 1);
                continue;
            }

            bot.SayTypical();
        }

        bot.Say("edit 2");                                      // an answer about you, from the summary
        Record();
        Assert.Equal(1, bot.Question.StepNumber);

        Assert.All(seen, s => Assert.Equal(StepCatalogSections, s.Total));
        Assert.All(seen, s => Assert.InRange(s.Number, 1, s.Total));
        var forward = seen.Take(seen.Count - 1).ToList();
        for (var i = 1; i < forward.Count; i++)
        {
            Assert.InRange(forward[i].Number - forward[i - 1].Number, 0, 1);
        }

        Assert.Equal(StepCatalogSections, forward[^1].Number);
        Assert.Equal(Enumerable.Range(1, StepCatalogSections), forward.Select(s => s.Number).Distinct());
    }

    [Fact]
    public void Progress_reads_as_a_part_of_the_form()
    {
        var bot = new ReferralHarness();
        bot.Start();

        Assert.Equal("Part 1 of 7", bot.Question.Progress);
        bot.AdvanceTo(ReferralSteps.ChildName);
        Assert.Equal("Part 2 of 7", bot.Question.Progress);
    }

    private const int StepCatalogSections = 7;
}
