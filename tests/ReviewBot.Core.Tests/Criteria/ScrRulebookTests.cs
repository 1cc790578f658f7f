using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;
using static ReviewBot.Core.Tests.Criteria.CriteriaTestData;

namespace ReviewBot.Core.Tests.Criteria;

public sealed class ScrRulebookTests
{
    private const string Reg5 = "LSCB Regulations 2006 reg 5(2)";
    private const string Confirm = "abuse-or-neglect-confirmed";

    private static readonly ScrRulebook Scr = ScrRulebook.Instance;

    private static readonly Dictionary<string, string> SituationAnswers = new()
    {
        ["none"] = "life-threatening-injury=no sexual-abuse=no parent-murdered=no violent-assault=no",
        ["injury"] = "life-threatening-injury=yes",
        ["sexual-abuse"] = "life-threatening-injury=no sexual-abuse=yes",
        ["parent-murdered"] = "life-threatening-injury=no sexual-abuse=no parent-murdered=yes",
        ["violent-assault"] = "life-threatening-injury=no sexual-abuse=no parent-murdered=no violent-assault=yes",
    };

    /// <summary>
    /// Harm level x the general abuse answer x concerns about working together x the Enfield 2.1 situation, with
    /// the outcome the sources give and the rule (and citation) that gives it. Null rule = the "not met" finding.
    /// </summary>
    public static TheoryData<string, string, string, string, CriteriaLevel, string?, string> Table => new()
    {
        { "died", "yes", "yes", "none", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "yes", "yes", "injury", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "yes", "yes", "sexual-abuse", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "yes", "yes", "parent-murdered", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "yes", "yes", "violent-assault", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "yes", "no", "none", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "yes", "no", "injury", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "yes", "no", "sexual-abuse", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "yes", "no", "parent-murdered", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "yes", "no", "violent-assault", CriteriaLevel.Must, "must-child-died", "LSCB Regulations 2006 reg 5(2)(a) and (b)(i)" },
        { "died", "no", "yes", "none", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "died", "no", "yes", "injury", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "died", "no", "yes", "sexual-abuse", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "died", "no", "yes", "parent-murdered", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "died", "no", "yes", "violent-assault", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "died", "no", "no", "none", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "died", "no", "no", "injury", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "died", "no", "no", "sexual-abuse", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "died", "no", "no", "parent-murdered", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "died", "no", "no", "violent-assault", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "serious", "yes", "yes", "none", CriteriaLevel.Must, "must-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(a) and (b)(ii)" },
        { "serious", "yes", "yes", "injury", CriteriaLevel.Must, "must-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(a) and (b)(ii)" },
        { "serious", "yes", "yes", "sexual-abuse", CriteriaLevel.Must, "must-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(a) and (b)(ii)" },
        { "serious", "yes", "yes", "parent-murdered", CriteriaLevel.Must, "must-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(a) and (b)(ii)" },
        { "serious", "yes", "yes", "violent-assault", CriteriaLevel.Must, "must-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(a) and (b)(ii)" },
        { "serious", "yes", "no", "none", CriteriaLevel.NotMet, "no-inter-agency-concerns", "LSCB Regulations 2006 reg 5(2)(b)(ii)" },
        { "serious", "yes", "no", "injury", CriteriaLevel.NotMet, "no-inter-agency-concerns", "LSCB Regulations 2006 reg 5(2)(b)(ii)" },
        { "serious", "yes", "no", "sexual-abuse", CriteriaLevel.NotMet, "no-inter-agency-concerns", "LSCB Regulations 2006 reg 5(2)(b)(ii)" },
        { "serious", "yes", "no", "parent-murdered", CriteriaLevel.NotMet, "no-inter-agency-concerns", "LSCB Regulations 2006 reg 5(2)(b)(ii)" },
        { "serious", "yes", "no", "violent-assault", CriteriaLevel.NotMet, "no-inter-agency-concerns", "LSCB Regulations 2006 reg 5(2)(b)(ii)" },
        { "serious", "no", "yes", "none", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "serious", "no", "yes", "injury", CriteriaLevel.Must, "must-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(a) and (b)(ii)" },
        { "serious", "no", "yes", "sexual-abuse", CriteriaLevel.Must, "must-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(a) and (b)(ii)" },
        { "serious", "no", "yes", "parent-murdered", CriteriaLevel.Consider, "consider-parent-murdered", "Enfield ESCB serious case review procedure 2.1" },
        { "serious", "no", "yes", "violent-assault", CriteriaLevel.Consider, "consider-violent-assault", "Enfield ESCB serious case review procedure 2.1" },
        { "serious", "no", "no", "none", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "serious", "no", "no", "injury", CriteriaLevel.NotMet, "no-inter-agency-concerns", "LSCB Regulations 2006 reg 5(2)(b)(ii)" },
        { "serious", "no", "no", "sexual-abuse", CriteriaLevel.NotMet, "no-inter-agency-concerns", "LSCB Regulations 2006 reg 5(2)(b)(ii)" },
        { "serious", "no", "no", "parent-murdered", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "serious", "no", "no", "violent-assault", CriteriaLevel.NotMet, null, "Enfield ESCB procedure 3.2" },
        { "not-serious", "yes", "yes", "none", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "yes", "yes", "injury", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "yes", "yes", "sexual-abuse", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "yes", "yes", "parent-murdered", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "yes", "yes", "violent-assault", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "yes", "no", "none", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "yes", "no", "injury", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "yes", "no", "sexual-abuse", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "yes", "no", "parent-murdered", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "yes", "no", "violent-assault", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "yes", "none", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "yes", "injury", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "yes", "sexual-abuse", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "yes", "parent-murdered", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "yes", "violent-assault", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "no", "none", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "no", "injury", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "no", "sexual-abuse", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "no", "parent-murdered", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
        { "not-serious", "no", "no", "violent-assault", CriteriaLevel.NotMet, "not-seriously-harmed", "LSCB Regulations 2006 reg 5(2)(b)" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Situations_abuse_harm_and_concerns_give_the_outcome_and_citation_of_the_sources(
        string harm, string abuse, string concerns, string situation, CriteriaLevel level, string? ruleId, string citation)
    {
        var referral = Referral(AnswersFor(harm, abuse, concerns, situation));

        var outcome = Scr.Evaluate(referral, Board(), Today);

        Assert.Null(Scr.NextQuestion(referral)); // the row answers every question the conversation asks
        Assert.Equal(level, outcome.Level);
        var finding = ruleId is null
            ? Assert.Single(outcome.Findings, f => f.Source.Contains(citation, StringComparison.Ordinal))
            : Assert.Single(outcome.Findings, f => f.Text == FindingOf(Scr, ruleId));
        Assert.Contains(citation, finding.Source, StringComparison.Ordinal);
        Assert.Equal(level == CriteriaLevel.NotMet, outcome.Alternatives.Count > 0);
        Assert.Contains(NotADecision, outcome.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("not answered yet", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void No_to_abuse_but_yes_to_sexual_abuse_with_concerns_is_a_must_not_a_consider()
    {
        var answers = "abuse-or-neglect=no child-died=no seriously-harmed=yes services-working-together-concerns=yes life-threatening-injury=no sexual-abuse=yes";

        var outcome = Scr.Evaluate(Referral(answers), Board(), Today);

        Assert.Equal(CriteriaLevel.Must, outcome.Level);
        Assert.Contains(outcome.Findings, f => f.Text == FindingOf(Scr, "abuse-by-situation") && f.Source.StartsWith($"{Reg5}(a)", StringComparison.Ordinal));
        Assert.Contains("not answered yet", outcome.Summary, StringComparison.Ordinal); // the contradiction is still to be settled
    }

    [Theory]
    [InlineData("life-threatening-injury=yes")]
    [InlineData("life-threatening-injury=no sexual-abuse=yes")]
    public void A_contradiction_is_said_and_the_referrer_is_asked_which_is_right(string situation)
    {
        var question = Scr.NextQuestion(Answers($"abuse-or-neglect=no child-died=no seriously-harmed=yes services-working-together-concerns=yes {situation}"));

        Assert.Equal(Confirm, question?.Id);
        Assert.Contains("You said abuse or neglect is not known or suspected", question!.Text, StringComparison.Ordinal);
        Assert.Contains("Which is right", question.Text, StringComparison.Ordinal);
        Assert.StartsWith($"{Reg5}(a)", question.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void No_contradiction_no_prompt()
    {
        Assert.NotEqual(Confirm, Scr.NextQuestion(Answers("abuse-or-neglect=yes child-died=no seriously-harmed=yes services-working-together-concerns=yes life-threatening-injury=yes"))?.Id);
        Assert.DoesNotContain(Confirm, Walk(Scr, "seriously-harmed=yes services-working-together-concerns=yes parent-murdered=yes"));
    }

    [Fact]
    public void Saying_the_no_was_right_withdraws_the_situation_and_asks_the_other_situations()
    {
        var answers = "abuse-or-neglect=no child-died=no seriously-harmed=yes services-working-together-concerns=yes life-threatening-injury=no sexual-abuse=yes abuse-or-neglect-confirmed=no";

        Assert.Equal(CriteriaQuestionIds.ParentMurdered, Scr.NextQuestion(Answers(answers))?.Id);
        var outcome = Scr.Evaluate(Referral(answers + " parent-murdered=no violent-assault=no"), Board(), Today);
        Assert.Equal(CriteriaLevel.NotMet, outcome.Level);
        Assert.Contains(outcome.Findings, f => f.Text == FindingOf(Scr, "situation-withdrawn"));
        Assert.Equal(CriteriaLevel.Consider, Scr.Evaluate(Referral(answers + " parent-murdered=yes"), Board(), Today).Level);
    }

    [Fact]
    public void Situations_are_asked_whatever_the_first_answer()
    {
        var afterYes = Walk(Scr, "abuse-or-neglect=yes seriously-harmed=yes services-working-together-concerns=yes");
        var afterNo = Walk(Scr, "abuse-or-neglect=no seriously-harmed=yes services-working-together-concerns=yes");

        string[] situations = [CriteriaQuestionIds.LifeThreateningInjury, CriteriaQuestionIds.SexualAbuse, CriteriaQuestionIds.ParentMurdered, CriteriaQuestionIds.ViolentAssault];
        Assert.All(situations, id => Assert.Contains(id, afterYes));
        Assert.All(situations, id => Assert.Contains(id, afterNo));
    }

    [Fact]
    public void Questions_are_asked_in_positive_words()
        => Assert.All(Scr.Questions, q =>
        {
            Assert.DoesNotContain("no concerns", q.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("clear that there are no", q.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" not ", q.Text.Replace("is not known", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal); // the contradiction prompt quotes the earlier answer
        });

    [Theory]
    [InlineData("clear-no-inter-agency-concerns=yes", CriteriaLevel.NotMet, false)]
    [InlineData("clear-no-inter-agency-concerns=no", CriteriaLevel.Must, true)]
    public void A_stored_answer_to_the_retired_double_negative_still_reads(string retired, CriteriaLevel level, bool concerns)
    {
        var stored = Referral($"abuse-or-neglect=yes child-died=no seriously-harmed=yes {retired} life-threatening-injury=no sexual-abuse=no parent-murdered=no violent-assault=no");

        Assert.Equal(level, Scr.Evaluate(stored, Board(), Today).Level);
        Assert.Equal(concerns, Scr.AnswersFor(stored)[CriteriaQuestionIds.ServicesWorkingTogetherConcerns]);
        Assert.False(Scr.WithRetiredAnswersMapped(stored.CriteriaAnswers).ContainsKey(CriteriaQuestionIds.ClearNoInterAgencyConcerns));
        Assert.Null(Scr.NextQuestion(stored));
    }

    [Fact]
    public void An_answer_to_the_new_question_wins_over_a_retired_one()
        => Assert.True(Scr.WithRetiredAnswersMapped(Answers("clear-no-inter-agency-concerns=yes services-working-together-concerns=yes"))[CriteriaQuestionIds.ServicesWorkingTogetherConcerns]);

    [Fact]
    public void Harmed_but_not_seriously_on_the_form_is_not_serious_harm()
    {
        var referral = Referral("abuse-or-neglect=yes", IncidentKind.Harmed);

        Assert.Null(Scr.NextQuestion(referral));
        var outcome = Scr.Evaluate(referral, Board(), Today);
        Assert.Equal(CriteriaLevel.NotMet, outcome.Level);
        Assert.Contains(outcome.Findings, f => f.Text == FindingOf(Scr, "not-seriously-harmed"));
    }

    [Fact]
    public void The_form_saying_the_child_was_seriously_harmed_answers_the_harm_question_and_the_concerns_come_next()
    {
        var referral = Referral("abuse-or-neglect=yes", IncidentKind.SeriouslyHarmed);

        Assert.Equal(CriteriaQuestionIds.ServicesWorkingTogetherConcerns, Scr.NextQuestion(referral)?.Id);
        Assert.Equal(CriteriaLevel.Must, Scr.Evaluate(referral with { CriteriaAnswers = Answers("abuse-or-neglect=yes services-working-together-concerns=yes") }, Board(), Today).Level);
    }

    [Fact]
    public void Without_the_form_serious_harm_is_asked_not_assumed()
        => Assert.Equal(CriteriaQuestionIds.SeriouslyHarmed, Scr.NextQuestion(Answers("abuse-or-neglect=no child-died=no"))?.Id);

    [Fact]
    public void Suspected_suicide_counts_as_the_child_having_died()
    {
        var question = Scr.Questions.Single(q => q.Id == CriteriaQuestionIds.ChildDied);
        Assert.Contains("suicide", question.Text, StringComparison.Ordinal);

        var outcome = Scr.Evaluate(Referral("abuse-or-neglect=yes child-died=yes"), Board(), Today);
        Assert.Contains(outcome.Findings, f => f.Text.Contains("suspected suicide", StringComparison.Ordinal) && f.Source.Contains("(b)(i)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_custody_rule_names_the_Mental_Capacity_Act_2005_as_the_seed_has_it()
    {
        Assert.Contains("Mental Capacity Act 2005", Scr.Questions.Single(q => q.Id == CriteriaQuestionIds.DiedDetainedUnderMentalHealthAct).Text, StringComparison.Ordinal);
        Assert.Contains("Mental Capacity Act 2005", FindingOf(Scr, "should-always-mental-health"), StringComparison.Ordinal);
        Assert.Equal(CriteriaLevel.ShouldAlways, Scr.Evaluate(Referral("abuse-or-neglect=no child-died=yes died-in-custody=no died-in-secure-setting=no died-detained-mental-health=yes"), Board(), Today).Level);
    }

    [Theory]
    [InlineData("died-in-custody=yes", "should-always-custody")]
    [InlineData("died-in-custody=no died-in-secure-setting=yes", "should-always-secure-setting")]
    public void A_death_in_custody_or_a_secure_setting_should_always_be_reviewed(string settings, string ruleId)
    {
        var outcome = Scr.Evaluate(Referral($"abuse-or-neglect=no child-died=yes {settings}"), Board(), Today);

        Assert.Equal(CriteriaLevel.ShouldAlways, outcome.Level);
        Assert.Contains(outcome.Findings, f => f.Text == FindingOf(Scr, ruleId));
    }

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
    public void Unanswered_questions_are_flagged_in_the_summary_and_complete_answers_are_not()
    {
        Assert.Contains("not answered yet", Scr.Evaluate(Referral("abuse-or-neglect=yes"), Board(), Today).Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("not answered yet", Scr.Evaluate(Referral("abuse-or-neglect=yes child-died=yes"), Board(), Today).Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abuse-or-neglect=yes child-died=yes", "abuse-or-neglect child-died")]
    [InlineData("abuse-or-neglect=yes seriously-harmed=yes services-working-together-concerns=yes", "abuse-or-neglect child-died seriously-harmed services-working-together-concerns life-threatening-injury sexual-abuse parent-murdered violent-assault")]
    [InlineData("seriously-harmed=yes sexual-abuse=yes abuse-or-neglect-confirmed=yes", "abuse-or-neglect child-died seriously-harmed services-working-together-concerns life-threatening-injury sexual-abuse abuse-or-neglect-confirmed")]
    [InlineData("child-died=yes died-detained-mental-health=yes", "abuse-or-neglect child-died died-in-custody died-in-secure-setting died-detained-mental-health")]
    [InlineData("", "abuse-or-neglect child-died seriously-harmed")]
    public void A_whole_conversation_asks_these_questions_in_this_order(string truth, string expected)
        => Assert.Equal(expected.Split(' '), Walk(Scr, truth));

    private static string AnswersFor(string harm, string abuse, string concerns, string situation)
    {
        var situations = SituationAnswers[situation];
        var confirm = abuse == "no" && situation is "injury" or "sexual-abuse" ? $" {Confirm}=yes" : string.Empty;
        return harm switch
        {
            "died" => $"abuse-or-neglect={abuse} child-died=yes"
                + (abuse == "no" ? " died-in-custody=no died-in-secure-setting=no died-detained-mental-health=no" : string.Empty)
                + $" services-working-together-concerns={concerns} {situations}", // not asked after a death: must not be weighed
            "not-serious" => $"abuse-or-neglect={abuse} child-died=no seriously-harmed=no services-working-together-concerns={concerns} {situations}",
            _ => $"abuse-or-neglect={abuse} child-died=no seriously-harmed=yes services-working-together-concerns={concerns} {situations}{confirm}",
        };
    }
}
