using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

public class ReviewAndEditTests
{
    private static ReferralHarness AtReview()
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(ReferralSteps.Review);
        return bot;
    }

    private static SummaryItem Row(ReferralHarness bot, string stepId) => bot.Summary.Items.Single(i => i.StepId == stepId);

    [Fact]
    public void The_review_shows_every_answer_numbered_with_the_rulebooks_recommendation()
    {
        var bot = AtReview();

        var summary = bot.Summary;
        Assert.True(summary.IsReview);
        Assert.Equal(Enumerable.Range(1, summary.Items.Count()), summary.Items.Select(i => i.Number));
        Assert.Equal(
            ["About you", "The child", "Family and significant others", "Agencies involved", "What happened", "Key dates", "The criteria"],
            summary.Sections.Select(s => s.Title));
        Assert.Equal("Alex Smith", Row(bot, ReferralSteps.ChildName).Value);
        Assert.Equal("14 February 2016", Row(bot, ReferralSteps.ChildDateOfBirth).Value);
        Assert.Equal("Riverside Police; Children's Social Care", Row(bot, ReferralSteps.AgenciesChosen).Value);
        Assert.Equal("Yes", Row(bot, ReferralSteps.Criteria("concerns")).Value);
        Assert.Equal("Not given", Row(bot, ReferralSteps.ChildReligion).Value);
        Assert.DoesNotContain(summary.Items, i => i.StepId == ReferralSteps.Criteria("custody"));
        Assert.Equal(CriteriaLevel.Must, summary.Criteria!.Level);
        Assert.Equal("Alex Smith", bot.Rulebook.Evaluations[^1].Referral.Child.Name);
    }

    [Fact]
    public void Every_row_of_the_review_can_be_edited()
    {
        var bot = AtReview();
        var rows = bot.Summary.Items.ToList();

        foreach (var row in rows)
        {
            bot.Click(ReferralVerbs.Edit, (ReferralValues.StepId, row.StepId));
            Assert.Equal(row.StepId, bot.Question.StepId);
            Assert.True(bot.Draft!.EditingFromSummary);
            Assert.True(bot.Question.CanGoBack);
            bot.Say("back");
            Assert.True(bot.Draft!.AtReview);
        }
    }

    [Fact]
    public void A_typed_edit_asks_that_question_again_and_returns_straight_to_the_review()
    {
        var bot = AtReview();
        var history = bot.Draft!.History;
        var number = Row(bot, ReferralSteps.ChildName).Number;

        bot.Say($"edit {number}");
        Assert.Equal((ReferralSteps.ChildName, "Alex Smith"), (bot.Question.StepId, bot.Question.Prefill));
        bot.Say("Alex Smyth");

        Assert.True(bot.Draft!.AtReview);
        Assert.False(bot.Draft.EditingFromSummary);
        Assert.Equal(history, bot.Draft.History);
        Assert.Equal("Alex Smyth", Row(bot, ReferralSteps.ChildName).Value);
    }

    [Fact]
    public void A_wrong_answer_while_editing_is_asked_again_and_still_returns_to_the_review()
    {
        var bot = AtReview();
        bot.Click(ReferralVerbs.Edit, (ReferralValues.StepId, ReferralSteps.ChildIncidentDate));

        bot.Answer("2026-04-01");
        Assert.Equal(ReferralSteps.ChildIncidentDate, bot.Question.StepId);
        Assert.NotNull(bot.Question.Problem);
        bot.Answer("2026-03-02");

        Assert.True(bot.Draft!.AtReview);
        Assert.Equal("2 March 2026", Row(bot, ReferralSteps.ChildIncidentDate).Value);
    }

    [Fact]
    public void Editing_the_plan_start_walks_on_to_its_end_then_back_to_the_review()
    {
        var bot = AtReview();
        var history = bot.Draft!.History;
        bot.Click(ReferralVerbs.Edit, (ReferralValues.StepId, ReferralSteps.ChildPlanStart));

        bot.Say("3/1/2025");
        Assert.Equal(ReferralSteps.ChildPlanEnd, bot.Question.StepId);
        bot.Say("skip");
        Assert.Equal(ReferralSteps.PlanAnother(0), bot.Question.StepId);
        bot.Say("no");

        Assert.True(bot.Draft!.AtReview);
        Assert.Equal("From 3 January 2025, still in place", Row(bot, ReferralSteps.ChildPlanStart).Value);
        Assert.Equal(history, bot.Draft.History);           // back from the review still goes to the last question
    }

    [Fact]
    public void No_row_repeats_its_sections_title_even_when_a_list_is_empty()
    {
        var bot = AtReview();

        Assert.Equal("None given", Row(bot, ReferralSteps.FamilyName(0)).Value);
        Assert.All(bot.Summary.Sections, section => Assert.DoesNotContain(section.Items, item => item.Label == section.Title));
    }

    [Fact]
    public void People_can_be_added_and_removed_from_the_review()
    {
        var bot = AtReview();
        Assert.Equal("None given", Row(bot, ReferralSteps.FamilyName(0)).Value);

        bot.Click(ReferralVerbs.Edit, (ReferralValues.StepId, ReferralSteps.FamilyName(0)));
        bot.Say("Jo Smith");
        bot.Say("mother");
        bot.Say("skip");
        bot.Say("skip");
        bot.Say("yes");
        bot.Say("Chris Browne");
        bot.Say("mother's partner");
        bot.Say("skip");
        bot.Say("skip");
        bot.Say("no");
        Assert.True(bot.Draft!.AtReview);
        Assert.Equal(["Jo Smith (mother)", "Chris Browne (mother's partner)", "—"], bot.Summary.Sections[2].Items.Select(i => i.Value));

        bot.Say($"edit {Row(bot, ReferralSteps.FamilyName(0)).Number}");
        bot.Say("skip");

        Assert.True(bot.Draft!.AtReview);
        Assert.Equal([new FamilyMember("Chris Browne", "mother's partner")], bot.Referral.Family);
    }

    [Fact]
    public void Editing_a_person_walks_their_own_questions_only()
    {
        var bot = AtReview();
        bot.Click(ReferralVerbs.Edit, (ReferralValues.StepId, ReferralSteps.FamilyName(0)));
        bot.Say("Jo Smith");
        bot.Say("mother");
        bot.Say("1/5/1990");
        bot.Say("skip");
        bot.Say("no");

        bot.Click(ReferralVerbs.Edit, (ReferralValues.StepId, ReferralSteps.FamilyName(0)));
        Assert.Equal("What is the name of person 1?", bot.Question.Text);
        bot.Say("keep");
        bot.Say("stepmother");
        Assert.Equal("01/05/1990", bot.Question.Prefill);
        bot.Say("keep");
        bot.Say("same");

        Assert.True(bot.Draft!.AtReview);
        Assert.Equal([new FamilyMember("Jo Smith", "stepmother", new DateOnly(1990, 5, 1), "1 High Street, Riverside RV1 2AB")], bot.Referral.Family);
    }

    [Fact]
    public void Changing_a_criteria_answer_asks_what_now_applies_and_drops_what_no_longer_does()
    {
        var bot = AtReview();
        Assert.True(bot.Referral.CriteriaAnswers.ContainsKey("concerns"));

        bot.Click(ReferralVerbs.Edit, (ReferralValues.StepId, ReferralSteps.Criteria("died")));
        bot.Say("yes");
        Assert.Equal(ReferralSteps.Criteria("custody"), bot.Question.StepId);
        bot.Say("no");

        Assert.True(bot.Draft!.AtReview);
        Assert.Equal(
            new Dictionary<string, bool> { ["abuse-or-neglect"] = true, ["custody"] = false, ["died"] = true },
            bot.Referral.CriteriaAnswers.OrderBy(a => a.Key).ToDictionary());
    }

    [Fact]
    public void Back_while_editing_returns_to_the_review_unchanged()
    {
        var bot = AtReview();
        var before = bot.Referral;

        bot.Say($"edit {Row(bot, ReferralSteps.ChildAddress).Number}");
        bot.Click(ReferralVerbs.Back);

        Assert.True(bot.Draft!.AtReview);
        Assert.Equal("No change made.", bot.Notices.Single());
        Assert.Equal(before.Child, bot.Referral.Child);
    }

    [Fact]
    public void Another_edit_can_be_chosen_while_editing()
    {
        var bot = AtReview();
        var history = bot.Draft!.History;
        var name = Row(bot, ReferralSteps.ChildName).Number;
        bot.Say($"edit {Row(bot, ReferralSteps.ChildAddress).Number}");

        bot.Say($"edit {name}");
        Assert.Equal(ReferralSteps.ChildName, bot.Question.StepId);
        bot.Say("Alex Smyth");

        Assert.True(bot.Draft!.AtReview);
        Assert.Equal(history, bot.Draft.History);
    }

    [Fact]
    public void Back_from_the_review_goes_to_the_last_question_and_forward_again()
    {
        var bot = AtReview();

        bot.Say("back");
        Assert.Equal(ReferralSteps.Request, bot.Question.StepId);
        bot.Say("2");

        Assert.True(bot.Draft!.AtReview);
        Assert.Equal("Consider another kind of review, e.g. a learning lessons review", Row(bot, ReferralSteps.Request).Value);
    }

    [Theory]
    [InlineData("edit 99", "There's no answer 99 in the summary. Pick a number from 1 to")]
    [InlineData("edit", "Which answer? Type edit and its number from the summary, for example edit 3.")]
    [InlineData("looks good", "You're at the end. Type submit to send the referral")]
    [InlineData("skip", "There's nothing to skip here.")]
    public void At_the_review_anything_else_is_explained_and_the_summary_shown_again(string typed, string notice)
    {
        var bot = AtReview();

        bot.Say(typed);

        Assert.StartsWith(notice, bot.Notices.Single());
        Assert.True(bot.Draft!.AtReview);
        Assert.True(bot.Summary.IsReview);
    }

    [Fact]
    public void Submitting_twice_from_the_same_draft_carries_the_same_submission_id()
    {
        var bot = AtReview();
        var stored = bot.Draft!;

        var first = new ReferralConversation(bot.Time).Continue(stored, ReferralInput.Card(ReferralVerbs.Submit), bot.Context);
        var second = new ReferralConversation(bot.Time).Continue(stored, ReferralInput.Typed("Submit."), bot.Context);

        Assert.Equal(ReferralOutcome.SubmitRequested, first.Outcome);
        Assert.Null(first.Draft);
        Assert.Equal(stored.DraftId, first.Submission!.DraftId);
        Assert.Equal(first.Submission.DraftId, second.Submission!.DraftId);
    }

    [Fact]
    public void Submit_with_an_answer_missing_asks_it_then_returns_to_the_review()
    {
        var bot = AtReview();
        var broken = bot.Draft! with { Referral = bot.Referral with { Summary = null } };

        var turn = new ReferralConversation(bot.Time).Continue(broken, ReferralInput.Typed("submit"), bot.Context);

        Assert.Equal(ReferralOutcome.Continue, turn.Outcome);
        Assert.Null(turn.Submission);
        Assert.Equal("Before you submit, this question needs an answer.", Assert.IsType<NoticePrompt>(turn.Prompts[0]).Text);
        Assert.Equal(ReferralSteps.Events, Assert.IsType<QuestionPrompt>(turn.Prompts[^1]).StepId);
        var answered = new ReferralConversation(bot.Time).Continue(turn.Draft!, ReferralInput.Typed("What happened."), bot.Context);
        Assert.True(answered.Draft!.AtReview);
    }

    [Fact]
    public void The_review_reads_well_as_text()
    {
        var bot = AtReview();

        var text = ReferralText.Render(bot.Last.Prompts);

        Assert.StartsWith("Please check your referral before you submit it.", text);
        Assert.Contains($"\n{Row(bot, ReferralSteps.ChildName).Number}. Name: Alex Smith\n", text);
        Assert.Contains("The criteria appear to be met.", text);
        Assert.Contains("(Test reg 1)", text);
        Assert.EndsWith("Type submit to send the referral, or edit and a number to change an answer (for example, edit 3).", text);
    }

    [Fact]
    public void A_question_reads_well_as_text()
    {
        var bot = new ReferralHarness();
        bot.Start();
        bot.AdvanceTo(ReferralSteps.ChildIncident);
        bot.Say("4");

        var text = ReferralText.Render(bot.Last.Prompts);

        Assert.Equal(
            "There is no number 4 on the list: choose from 1 to 3.\n\n" +
            $"The child · Part {bot.Question.StepNumber} of {bot.Question.TotalSteps}\n" +
            "Did the child die, or were they harmed, and if so was it serious?\n" +
            "1. The child died (including suspected suicide)\n" +
            "2. The child was seriously harmed\n" +
            "3. The child was harmed, but not seriously\n" +
            bot.Question.Hint,
            text);
    }
}
