using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;
using static ReviewBot.Core.Tests.Criteria.CriteriaTestData;

namespace ReviewBot.Core.Tests.Criteria;

public sealed class ScrRulebookTests
{
    private static readonly ScrRulebook Scr = ScrRulebook.Instance;

    public static TheoryData<string, CriteriaLevel, string> Branches => new()
    {
        // Must: reg 5(2)(a) + (b)(i), and (a) + (b)(ii) unless clearly no inter-agency concerns.
        { "abuse-or-neglect=yes child-died=yes", CriteriaLevel.Must, "must-child-died" },
        { "abuse-or-neglect=yes child-died=no seriously-harmed=yes clear-no-inter-agency-concerns=no", CriteriaLevel.Must, "must-seriously-harmed" },
        { "abuse-or-neglect=yes child-died=no seriously-harmed=yes clear-no-inter-agency-concerns=yes", CriteriaLevel.NotMet, "no-inter-agency-concerns" },
        // Should always: each setting, for a death without known or suspected abuse or neglect.
        { "abuse-or-neglect=no child-died=yes died-in-custody=yes", CriteriaLevel.ShouldAlways, "should-always-custody" },
        { "abuse-or-neglect=no child-died=yes died-in-custody=no died-in-secure-setting=yes", CriteriaLevel.ShouldAlways, "should-always-secure-setting" },
        { "abuse-or-neglect=no child-died=yes died-in-custody=no died-in-secure-setting=no died-detained-mental-health=yes", CriteriaLevel.ShouldAlways, "should-always-mental-health" },
        // Consider: each Enfield 2.1 situation with concerns about working together...
        { "abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=yes", CriteriaLevel.Consider, "consider-life-threatening-injury" },
        { "abuse-or-neglect=yes child-died=no seriously-harmed=no services-working-together-concerns=yes life-threatening-injury=yes", CriteriaLevel.Consider, "consider-life-threatening-injury" },
        { "abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=no sexual-abuse=yes", CriteriaLevel.Consider, "consider-sexual-abuse" },
        { "abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=no sexual-abuse=no parent-murdered=yes", CriteriaLevel.Consider, "consider-parent-murdered" },
        { "abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=no sexual-abuse=no parent-murdered=no violent-assault=yes", CriteriaLevel.Consider, "consider-violent-assault" },
    };

    public static TheoryData<string> NotMet => new()
    {
        // ... and without those concerns (the situation answers no longer apply, so they are not weighed).
        "abuse-or-neglect=no child-died=no services-working-together-concerns=no life-threatening-injury=yes",
        "abuse-or-neglect=no child-died=no services-working-together-concerns=no sexual-abuse=yes",
        "abuse-or-neglect=no child-died=no services-working-together-concerns=no parent-murdered=yes",
        "abuse-or-neglect=no child-died=no services-working-together-concerns=no violent-assault=yes",
        "abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=no sexual-abuse=no parent-murdered=no violent-assault=no",
        "abuse-or-neglect=no child-died=yes died-in-custody=no died-in-secure-setting=no died-detained-mental-health=no",
        "abuse-or-neglect=yes child-died=no seriously-harmed=no services-working-together-concerns=no",
        "abuse-or-neglect=yes child-died=no seriously-harmed=yes clear-no-inter-agency-concerns=yes",
        // Stale answers to questions that no longer apply are ignored.
        "abuse-or-neglect=yes child-died=no seriously-harmed=yes clear-no-inter-agency-concerns=yes services-working-together-concerns=yes life-threatening-injury=yes",
    };

    [Theory]
    [MemberData(nameof(Branches))]
    public void Each_branch_gives_its_level_and_cites_the_rule_that_applied(string answers, CriteriaLevel level, string ruleId)
    {
        var outcome = Scr.Evaluate(Referral(answers), Board(), Today);

        Assert.Equal(level, outcome.Level);
        Assert.Contains(outcome.Findings, f => f.Text == FindingOf(Scr, ruleId) && f.Source == Scr.Rules.Single(r => r.Id == ruleId).Source);
        Assert.Empty(outcome.Clocks);
    }

    [Theory]
    [MemberData(nameof(NotMet))]
    public void Criteria_not_met_lists_the_alternative_reviews(string answers)
    {
        var outcome = Scr.Evaluate(Referral(answers), Board(), Today);

        Assert.Equal(CriteriaLevel.NotMet, outcome.Level);
        Assert.Equal([AlternativeReview.ManagementReview, AlternativeReview.LearningLessonsReview, AlternativeReview.PartnershipReview], outcome.Alternatives);
        Assert.Contains(outcome.Findings, f => f.Source.Contains("Enfield", StringComparison.Ordinal) && f.Source.Contains("Handsworth Grange", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Findings, f => Scr.Rules.Any(r => r.Level is not null && r.Finding == f.Text));
    }

    [Theory]
    [MemberData(nameof(Branches))]
    public void Alternatives_are_listed_only_when_criteria_are_not_met(string answers, CriteriaLevel level, string ruleId)
    {
        _ = ruleId;
        var outcome = Scr.Evaluate(Referral(answers), Board(), Today);
        Assert.Equal(level == CriteriaLevel.NotMet, outcome.Alternatives.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Branches))]
    [InlineData("", default(CriteriaLevel), "")]
    public void Every_summary_says_it_is_a_recommendation_not_a_decision_and_every_finding_has_a_source(string answers, CriteriaLevel level, string ruleId)
    {
        _ = (level, ruleId);
        var outcome = Scr.Evaluate(Referral(answers), Board(), Today);

        Assert.Contains(NotADecision, outcome.Summary, StringComparison.Ordinal);
        Assert.Contains("LSCB Chair decides", outcome.Summary, StringComparison.Ordinal);
        Assert.NotEmpty(outcome.Findings);
        Assert.All(outcome.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
        Assert.All(outcome.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Text)));
    }

    [Theory]
    [MemberData(nameof(NotMet))]
    public void Not_met_summaries_also_say_it_is_a_recommendation_not_a_decision(string answers)
        => Assert.Contains(NotADecision, Scr.Evaluate(Referral(answers), Board(), Today).Summary, StringComparison.Ordinal);

    [Fact]
    public void Suspected_suicide_counts_as_the_child_having_died()
    {
        var question = Scr.Questions.Single(q => q.Id == CriteriaQuestionIds.ChildDied);
        Assert.Contains("suicide", question.Text, StringComparison.Ordinal);

        var outcome = Scr.Evaluate(Referral("abuse-or-neglect=yes child-died=yes"), Board(), Today);
        Assert.Contains(outcome.Findings, f => f.Text.Contains("suspected suicide", StringComparison.Ordinal) && f.Source.Contains("(b)(i)", StringComparison.Ordinal));
    }

    [Fact]
    public void Mental_health_legislation_is_shown_as_the_guidance_words_it()
        => Assert.Contains("Mental Health Act 2005", Scr.Questions.Single(q => q.Id == CriteriaQuestionIds.DiedDetainedUnderMentalHealthAct).Text, StringComparison.Ordinal);

    [Fact]
    public void A_stale_custody_answer_after_abuse_was_confirmed_adds_no_should_always_finding()
    {
        var outcome = Scr.Evaluate(Referral("abuse-or-neglect=yes child-died=yes died-in-custody=yes"), Board(), Today);

        Assert.Equal(CriteriaLevel.Must, outcome.Level);
        Assert.DoesNotContain(outcome.Findings, f => f.Text == FindingOf(Scr, "should-always-custody"));
    }

    [Fact]
    public void The_form_saying_the_child_died_answers_the_death_question()
    {
        var referral = Referral("abuse-or-neglect=yes", IncidentKind.Died);

        Assert.Equal(CriteriaLevel.Must, Scr.Evaluate(referral, Board(), Today).Level);
        Assert.Null(Scr.NextQuestion(referral));
    }

    [Fact]
    public void The_form_saying_the_child_was_seriously_harmed_skips_to_the_inter_agency_question()
    {
        var referral = Referral("abuse-or-neglect=yes", IncidentKind.SeriouslyHarmed);

        Assert.Equal(CriteriaQuestionIds.ClearNoInterAgencyConcerns, Scr.NextQuestion(referral)?.Id);
        Assert.Equal(CriteriaLevel.Must, Scr.Evaluate(referral with { CriteriaAnswers = Answers("abuse-or-neglect=yes clear-no-inter-agency-concerns=no") }, Board(), Today).Level);
    }

    [Fact]
    public void An_explicit_answer_wins_over_the_form()
    {
        var referral = Referral("abuse-or-neglect=yes child-died=no seriously-harmed=no services-working-together-concerns=no", IncidentKind.Died);
        Assert.Equal(CriteriaLevel.NotMet, Scr.Evaluate(referral, Board(), Today).Level);
    }

    [Fact]
    public void Unanswered_questions_are_flagged_in_the_summary_and_complete_answers_are_not()
    {
        Assert.Contains("not answered yet", Scr.Evaluate(Referral("abuse-or-neglect=yes"), Board(), Today).Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("not answered yet", Scr.Evaluate(Referral("abuse-or-neglect=yes child-died=yes"), Board(), Today).Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "abuse-or-neglect")]
    [InlineData("abuse-or-neglect=yes", "child-died")]
    [InlineData("abuse-or-neglect=yes child-died=yes", null)] // (b)(ii) inter-agency question not asked when the child died
    [InlineData("abuse-or-neglect=yes child-died=no", "seriously-harmed")]
    [InlineData("abuse-or-neglect=yes child-died=no seriously-harmed=yes", "clear-no-inter-agency-concerns")]
    [InlineData("abuse-or-neglect=yes child-died=no seriously-harmed=yes clear-no-inter-agency-concerns=no", null)]
    [InlineData("abuse-or-neglect=yes child-died=no seriously-harmed=yes clear-no-inter-agency-concerns=yes", null)]
    [InlineData("abuse-or-neglect=yes child-died=no seriously-harmed=no", "services-working-together-concerns")]
    [InlineData("abuse-or-neglect=no", "child-died")]
    [InlineData("abuse-or-neglect=no child-died=yes", "died-in-custody")]
    [InlineData("abuse-or-neglect=no child-died=yes died-in-custody=yes", null)]
    [InlineData("abuse-or-neglect=no child-died=yes died-in-custody=no", "died-in-secure-setting")]
    [InlineData("abuse-or-neglect=no child-died=yes died-in-custody=no died-in-secure-setting=no", "died-detained-mental-health")]
    [InlineData("abuse-or-neglect=no child-died=no", "services-working-together-concerns")]
    [InlineData("abuse-or-neglect=no child-died=no services-working-together-concerns=no", null)]
    [InlineData("abuse-or-neglect=no child-died=no services-working-together-concerns=yes", "life-threatening-injury")]
    [InlineData("abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=yes", null)]
    [InlineData("abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=no", "sexual-abuse")]
    [InlineData("abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=no sexual-abuse=no", "parent-murdered")]
    [InlineData("abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=no sexual-abuse=no parent-murdered=no", "violent-assault")]
    [InlineData("abuse-or-neglect=no child-died=no services-working-together-concerns=yes life-threatening-injury=no sexual-abuse=no parent-murdered=no violent-assault=no", null)]
    [InlineData("abuse-or-neglect=yes child-died=no seriously-harmed=yes services-working-together-concerns=yes", "clear-no-inter-agency-concerns")] // a stale later answer does not skip a question
    public void NextQuestion_asks_only_what_matters_in_order(string answers, string? expected)
        => Assert.Equal(expected, Scr.NextQuestion(Answers(answers))?.Id);

    [Theory]
    [InlineData("abuse-or-neglect=yes child-died=yes", "abuse-or-neglect child-died")]
    [InlineData("abuse-or-neglect=yes seriously-harmed=yes", "abuse-or-neglect child-died seriously-harmed clear-no-inter-agency-concerns")]
    [InlineData("child-died=yes died-detained-mental-health=yes", "abuse-or-neglect child-died died-in-custody died-in-secure-setting died-detained-mental-health")]
    [InlineData("services-working-together-concerns=yes violent-assault=yes", "abuse-or-neglect child-died services-working-together-concerns life-threatening-injury sexual-abuse parent-murdered violent-assault")]
    [InlineData("", "abuse-or-neglect child-died services-working-together-concerns")]
    public void A_whole_conversation_asks_these_questions_in_this_order(string truth, string expected)
        => Assert.Equal(expected.Split(' '), Walk(Scr, truth));
}
