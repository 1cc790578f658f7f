using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

public class CommandTests
{
    private static ReferralHarness StartedAt(string stepId)
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(stepId);
        return bot;
    }

    [Fact]
    public void Back_at_the_first_question_says_so_and_asks_it_again()
    {
        var bot = StartedAt(ReferralSteps.ReferrerName);

        bot.Say("back");

        Assert.Equal(ReferralOutcome.AlreadyAtStart, bot.Last.Outcome);
        Assert.Equal("This is the first question, so there's nothing to go back to.", bot.Notices.Single());
        Assert.Equal(ReferralSteps.ReferrerName, bot.Question.StepId);
    }

    [Fact]
    public void Back_returns_to_the_previous_question_with_its_answer_as_prefill()
    {
        var bot = StartedAt(ReferralSteps.ChildIncident);

        bot.Say("back");

        Assert.Equal(ReferralSteps.ChildDateOfBirth, bot.Step);
        Assert.Equal(("14/02/2016", "14 February 2016"), (bot.Question.Prefill, bot.Question.PrefillLabel));
        bot.Say("keep");
        Assert.Equal(ReferralSteps.ChildIncident, bot.Step);
        Assert.Equal(new DateOnly(2016, 2, 14), bot.Referral.Child.DateOfBirth);
    }

    [Fact]
    public void Back_from_a_card_button_works_too()
    {
        var bot = StartedAt(ReferralSteps.ChildName);

        bot.Click(ReferralVerbs.Back);

        Assert.Equal(ReferralSteps.PanelMemberName, bot.Step);
        Assert.Equal("me", bot.Question.Prefill);
    }

    [Fact]
    public void Back_skips_questions_that_were_never_asked()
    {
        var bot = StartedAt(ReferralSteps.FamilyName(0));    // the plan start was skipped, so no plan end was asked

        bot.Say("back");

        Assert.Equal(ReferralSteps.ChildPlanStart, bot.Step);
    }

    [Fact]
    public void Skip_on_a_required_question_says_it_needs_an_answer()
    {
        var bot = StartedAt(ReferralSteps.ChildName);

        bot.Say("skip");

        Assert.Equal(ReferralSteps.ChildName, bot.Step);
        Assert.Equal("This question needs an answer, so it can't be skipped.", bot.Question.Problem);
        Assert.False(bot.Question.CanSkip);
    }

    [Fact]
    public void Skip_on_an_optional_question_leaves_it_out_and_moves_on()
    {
        var bot = StartedAt(ReferralSteps.ChildEthnicity);
        Assert.True(bot.Question.CanSkip);

        bot.Click(ReferralVerbs.Skip);

        Assert.Equal(ReferralSteps.ChildLanguage, bot.Step);
        Assert.Null(bot.Referral.Child.Ethnicity);
    }

    [Fact]
    public void An_empty_card_answer_skips_an_optional_question_but_not_a_required_one()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);

        bot.Answer("  ");
        Assert.Equal((ReferralSteps.ChildAddress, "This question needs an answer."), (bot.Step, bot.Question.Problem));

        bot.Answer("1 High Street");
        bot.Answer(string.Empty);
        Assert.Equal(ReferralSteps.ChildLanguage, bot.Step);
        Assert.Null(bot.Referral.Child.Ethnicity);
    }

    [Fact]
    public void Cancel_asks_first_and_no_carries_on_at_the_same_question()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);

        bot.Say("cancel");
        Assert.Equal(ReferralSteps.ConfirmCancel, bot.Question.StepId);
        Assert.Equal(ReferralInputKind.YesNo, bot.Question.Kind);
        Assert.Equal(PendingConfirmation.Cancel, bot.Draft!.Pending);

        bot.Say("no");

        Assert.Equal("OK, let's carry on.", bot.Notices.Single());
        Assert.Equal(ReferralSteps.ChildAddress, bot.Question.StepId);
        Assert.Null(bot.Draft!.Pending);
        Assert.Equal("Alex Smith", bot.Referral.Child.Name);
    }

    [Fact]
    public void Cancel_confirmed_discards_the_draft()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);

        bot.Click(ReferralVerbs.Cancel);
        bot.Say("maybe");
        Assert.Equal((ReferralSteps.ConfirmCancel, "Please answer yes or no."), (bot.Question.StepId, bot.Question.Problem));
        bot.Click(ReferralVerbs.Cancel);                     // a second press does not confirm by itself
        Assert.Equal(ReferralSteps.ConfirmCancel, bot.Question.StepId);
        bot.Answer("yes");

        Assert.Equal(ReferralOutcome.Cancelled, bot.Last.Outcome);
        Assert.Null(bot.Draft);
        Assert.Null(bot.Last.Submission);
        Assert.Contains("Nothing was sent", Assert.IsType<NoticePrompt>(Assert.Single(bot.Last.Prompts)).Text);
    }

    [Fact]
    public void Help_explains_the_question_and_the_commands_then_asks_again()
    {
        var bot = StartedAt(ReferralSteps.ChildDateOfBirth);

        bot.Say("Help");

        var help = bot.Notices.Single();
        Assert.Contains("day first", help);
        Assert.Contains("needs an answer", help);
        Assert.Contains("back", help);
        Assert.Contains("cancel", help);
        Assert.Equal(ReferralSteps.ChildDateOfBirth, bot.Question.StepId);
        Assert.Null(bot.Question.Problem);
    }

    [Fact]
    public void Help_on_an_optional_question_mentions_skip()
    {
        var bot = StartedAt(ReferralSteps.ChildReligion);

        bot.Click(ReferralVerbs.Help);

        Assert.Contains("type skip to leave it out", bot.Notices.Single());
    }

    [Fact]
    public void Summary_shows_the_answers_so_far_then_asks_the_current_question_again()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);

        bot.Say("summary");

        var summary = Assert.IsType<SummaryPrompt>(bot.Last.Prompts[0]);
        Assert.False(summary.IsReview);
        Assert.Null(summary.Criteria);
        Assert.Contains(summary.Items, i => i is { Label: "Name", Value: "Alex Smith", StepId: ReferralSteps.ChildName });
        Assert.Contains(summary.Items, i => i is { Label: "Address", Value: "Not given" });
        Assert.Equal(ReferralSteps.ChildAddress, bot.Question.StepId);
        Assert.Empty(bot.Rulebook.Evaluations);
    }

    [Fact]
    public void Restart_asks_first_then_starts_over_keeping_the_referrers_details()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);
        var firstDraft = bot.Draft!.DraftId;

        bot.Say("restart");
        Assert.Equal(ReferralSteps.ConfirmRestart, bot.Question.StepId);
        bot.Say("yes");

        Assert.Equal(ReferralOutcome.Restarted, bot.Last.Outcome);
        Assert.Equal(ReferralSteps.ReferrerName, bot.Step);
        Assert.NotEqual(firstDraft, bot.Draft!.DraftId);
        Assert.Empty(bot.Draft.History);
        Assert.Equal(("Sam Patel", "Health Visiting", "020 7946 0000"), (bot.Referral.Referrer.Name, bot.Referral.Referrer.Agency, bot.Referral.Referrer.Phone));
        Assert.Equal(new Child(), bot.Referral.Child);
        Assert.Equal("Sam Patel", bot.Question.Prefill);
    }

    [Fact]
    public void Restart_declined_carries_on()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);

        bot.Say("start again");
        bot.Say("nope");

        Assert.Equal(ReferralSteps.ChildAddress, bot.Question.StepId);
        Assert.Equal("Alex Smith", bot.Referral.Child.Name);
    }

    [Fact]
    public void Edit_and_submit_before_the_review_are_explained_not_obeyed()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);

        bot.Say("edit 3");
        Assert.Contains("at the end", bot.Notices.Single());
        bot.Say("submit");
        Assert.Contains("once every question is answered", bot.Notices.Single());

        Assert.Equal(ReferralOutcome.Continue, bot.Last.Outcome);
        Assert.Equal(ReferralSteps.ChildAddress, bot.Question.StepId);
        Assert.Null(bot.Last.Submission);
    }

    [Fact]
    public void A_press_on_an_old_card_changes_nothing()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);
        var before = bot.Draft!.ToJson();

        bot.Click(ReferralVerbs.Answer, (ReferralValues.QuestionId, ReferralSteps.ChildName), (ReferralValues.Answer, "Someone Else"));

        Assert.Equal("That card was for an earlier question. Here's where we are now.", bot.Notices.Single());
        Assert.Equal(ReferralSteps.ChildAddress, bot.Question.StepId);
        Assert.Equal("Alex Smith", bot.Referral.Child.Name);
        Assert.Equal(before, (bot.Draft! with { UpdatedAt = ReferralHarness.Now }).ToJson());
    }

    [Fact]
    public void A_card_from_another_referral_changes_nothing()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);

        bot.Click(ReferralVerbs.Answer, (ReferralValues.DraftId, "some-older-draft"), (ReferralValues.Answer, "Somewhere"));

        Assert.Contains("earlier referral", bot.Notices.Single());
        Assert.Null(bot.Referral.Child.Address);
    }

    [Fact]
    public void An_unknown_button_is_answered_with_the_current_question()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);

        bot.Click("referral.frobnicate");

        Assert.Equal(ReferralSteps.ChildAddress, bot.Question.StepId);
        Assert.Single(bot.Notices);
    }

    [Fact]
    public void A_draft_pointing_at_a_question_that_no_longer_exists_carries_on_at_the_first_gap()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);
        var lost = bot.Draft! with { StepId = ReferralSteps.Criteria("a-question-the-rulebook-dropped") };

        var turn = new ReferralConversation(bot.Time).Continue(lost, ReferralInput.Typed("yes"), bot.Context);

        Assert.Equal(ReferralSteps.ChildAddress, turn.Draft!.StepId);
        Assert.Equal(ReferralSteps.ChildAddress, Assert.IsType<QuestionPrompt>(turn.Prompts[^1]).StepId);
    }

    [Fact]
    public void Updated_at_moves_with_each_turn_and_started_at_does_not()
    {
        var bot = StartedAt(ReferralSteps.ChildAddress);
        bot.Time.Advance(TimeSpan.FromMinutes(5));

        bot.Say("1 High Street");

        Assert.Equal(ReferralHarness.Now, bot.Draft!.StartedAt);
        Assert.Equal(bot.Time.GetUtcNow(), bot.Draft.UpdatedAt);
    }
}
