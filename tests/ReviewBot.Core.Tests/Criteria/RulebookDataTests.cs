using System.Text.RegularExpressions;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Core.Tests.Criteria;

/// <summary>Checks the rulebooks' data itself: ids, conditions, wording and sources.</summary>
public sealed class RulebookDataTests
{
    public static TheoryData<RulebookKind> Kinds => [RulebookKind.Scr, RulebookKind.Cspr];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Question_ids_are_unique_and_known(RulebookKind kind)
    {
        var ids = Rulebook.For(kind).Questions.Select(q => q.Id).ToList();
        var known = typeof(CriteriaQuestionIds).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(id, known));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_question_depends_only_on_earlier_questions(RulebookKind kind)
    {
        var questions = Rulebook.For(kind).Questions;
        for (var i = 0; i < questions.Count; i++)
        {
            var earlier = questions.Take(i).Select(q => q.Id).ToHashSet();
            Assert.All(questions[i].DependsOn, id => Assert.Contains(id, earlier));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_question_has_text_a_hint_and_a_source(RulebookKind kind)
        => Assert.All(Rulebook.For(kind).Questions, q =>
        {
            Assert.Contains("?", q.Text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(q.Hint));
            Assert.False(string.IsNullOrWhiteSpace(q.Source));
        });

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_rule_reads_the_rulebooks_own_questions_and_cites_a_source(RulebookKind kind)
    {
        var rulebook = Rulebook.For(kind);
        var ids = rulebook.Questions.Select(q => q.Id).ToHashSet();

        Assert.Equal(rulebook.Rules.Count, rulebook.Rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rulebook.Rules, r =>
        {
            Assert.All(r.When.QuestionIds, id => Assert.Contains(id, ids));
            Assert.False(string.IsNullOrWhiteSpace(r.Finding));
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
        });
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_question_can_be_reached(RulebookKind kind)
    {
        var rulebook = Rulebook.For(kind);
        var reached = new HashSet<string>();
        Explore(rulebook, new Dictionary<string, bool>(), reached);

        Assert.Equal(rulebook.Questions.Select(q => q.Id).ToHashSet(), reached);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_complete_conversation_ends_in_an_outcome_that_says_it_is_not_a_decision(RulebookKind kind)
    {
        var rulebook = Rulebook.For(kind);
        var finals = new List<Dictionary<string, bool>>();
        Explore(rulebook, new Dictionary<string, bool>(), [], finals);

        Assert.All(finals, answers =>
        {
            var outcome = rulebook.Evaluate(new() { CriteriaAnswers = answers }, CriteriaTestData.Board(), CriteriaTestData.Today);
            Assert.Contains(CriteriaTestData.NotADecision, outcome.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("not answered yet", outcome.Summary, StringComparison.Ordinal);
            Assert.NotEmpty(outcome.Findings);
            Assert.All(outcome.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
        });
    }

    /// <summary>
    /// The rules and questions whose every source is cited without a verified paragraph (<see cref="SourceCitations.WithoutVerifiedParagraph"/>):
    /// the Working Together circumstances beyond reg 11 and the Enfield custody rule. Every other one names a
    /// chapter and paragraph, or a section or regulation.
    /// </summary>
    public static readonly IReadOnlySet<string> CitedOnlyWithoutVerifiedParagraph = new HashSet<string>(StringComparer.Ordinal)
    {
        "local-review-single-agency-concerns", "local-review-no-agency-involvement", "local-review-more-than-one-area", "local-review-institutional-setting",
        CriteriaQuestionIds.SingleAgencyConcerns, CriteriaQuestionIds.NoAgencyInvolvement, CriteriaQuestionIds.MoreThanOneArea, CriteriaQuestionIds.InstitutionalSetting,
        "should-always-custody", "should-always-secure-setting", "should-always-mental-health",
        CriteriaQuestionIds.DiedInCustody, CriteriaQuestionIds.DiedInSecureSetting, CriteriaQuestionIds.DiedDetainedUnderMentalHealthAct,
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_rule_and_question_cites_a_chapter_and_paragraph_or_a_section_or_regulation_except_the_listed_unverifiable_ones(RulebookKind kind)
    {
        var rulebook = Rulebook.For(kind);
        var cited = rulebook.Rules.Select(r => (r.Id, r.Source)).Concat(rulebook.Questions.Select(q => (q.Id, q.Source)));

        Assert.All(cited, c => Assert.True(
            CitedOnlyWithoutVerifiedParagraph.Contains(c.Id) ? Citations.OnlyWithoutVerifiedParagraph(c.Source) : Citations.HasLocator(Citations.WithoutUnverified(c.Source)),
            CitedOnlyWithoutVerifiedParagraph.Contains(c.Id)
                ? $"{c.Id} is listed as citing only unverifiable sources, but cites \"{c.Source}\""
                : $"{c.Id}: \"{c.Source}\" names no chapter and paragraph, section or regulation"));
    }

    [Fact]
    public void Every_listed_unverifiable_rule_or_question_exists()
    {
        var ids = new[] { Rulebook.For(RulebookKind.Scr), Rulebook.For(RulebookKind.Cspr) }
            .SelectMany(b => b.Rules.Select(r => r.Id).Concat(b.Questions.Select(q => q.Id))).ToHashSet();

        Assert.All(CitedOnlyWithoutVerifiedParagraph, id => Assert.Contains(id, ids));
    }

    /// <summary>
    /// No Working Together paragraph number is cited unless it was read in the guidance: every Working Together
    /// chapter cited anywhere people see a rule (rulebooks, findings, clocks, tasks) is one of the citations in
    /// <see cref="SourceCitations"/>, and a paragraph number only ever comes from <see cref="SourceCitations.VerifiedParagraphs"/>.
    /// </summary>
    [Fact]
    public void Working_together_is_never_cited_by_an_unverified_paragraph_number()
    {
        var texts = EveryCitedText().ToList();

        var unlisted = texts.Select(Citations.WithoutListed).Where(t => Citations.WorkingTogetherChapter().IsMatch(t) || Citations.WorkingTogetherParagraph().IsMatch(t)).Distinct().ToList();

        Assert.Contains(texts, t => t.Contains("Working Together", StringComparison.Ordinal));
        Assert.True(unlisted.Count == 0, "Cites Working Together outside SourceCitations: " + string.Join(" | ", unlisted));
        Assert.All(SourceCitations.WithoutVerifiedParagraph, c =>
        {
            Assert.Contains(SourceCitations.ParagraphNotVerified, c, StringComparison.Ordinal);
            Assert.False(Citations.WorkingTogetherParagraph().IsMatch(c), c);
        });
        Assert.All(SourceCitations.VerifiedParagraphs, c =>
        {
            Assert.DoesNotContain(SourceCitations.ParagraphNotVerified, c, StringComparison.Ordinal);
            Assert.Matches(Citations.WorkingTogetherParagraph(), c);
        });
    }

    [Theory]
    [InlineData("Working Together to Safeguard Children 2018 ch 4 para 20")]
    [InlineData("Notify the Panel (Working Together to Safeguard Children 2023 ch 5, paragraph 12)")]
    [InlineData("Working Together 2015 ch 4, \"Serious Case Reviews\" (a heading typed by hand)")]
    public void The_guard_finds_a_working_together_citation_from_outside_the_list(string text)
        => Assert.True(Citations.WorkingTogetherChapter().IsMatch(Citations.WithoutListed(text)) || Citations.WorkingTogetherParagraph().IsMatch(Citations.WithoutListed(text)));

    [Theory]
    [InlineData("LSCB Regulations 2006 reg 5(2)(a)", true)]
    [InlineData("Children Act 2004 s16C(2)", true)]
    [InlineData("Enfield ESCB serious case review procedure 2.1", true)]
    [InlineData("Enfield ESCB procedure Appendix 2", true)]
    [InlineData("Working Together to Safeguard Children 2015 ch 4 para 18", true)]
    [InlineData("Working Together to Safeguard Children 2023 ch 5 (paragraph number not verified here)", false)]
    [InlineData("Working Together to Safeguard Children 2015, ch 4", false)]
    [InlineData("Working Together to Safeguard Children 2023", false)]
    [InlineData("Handsworth Grange policy", false)]
    public void A_citation_without_a_locator_is_refused(string source, bool accepted)
        => Assert.Equal(accepted, Citations.HasLocator(source));

    // Everything that cites a source where people see it: the rulebooks' rules, questions and findings, and the clocks' and tasks' own words.
    private static IEnumerable<string> EveryCitedText()
    {
        var board = CriteriaTestData.Board();
        var calendar = WorkingDayCalendar.EnglandAndWales;
        foreach (var kind in new[] { RulebookKind.Scr, RulebookKind.Cspr })
        {
            var rulebook = Rulebook.For(kind);
            var finals = new List<Dictionary<string, bool>>();
            Explore(rulebook, new Dictionary<string, bool>(), [], finals);
            var outcomes = finals.Select(a => rulebook.Evaluate(new() { CriteriaAnswers = a }, board, CriteriaTestData.Today)).ToList();
            foreach (var text in rulebook.Rules.Select(r => r.Source).Concat(rulebook.Questions.Select(q => q.Source))
                .Concat(outcomes.SelectMany(o => o.Findings.Select(f => f.Source).Concat(o.Clocks.Select(c => c.Rule)))))
            {
                yield return text;
            }

            foreach (var decision in new[] { ChairDecisionKind.Approve, ChairDecisionKind.Decline })
            {
                foreach (var task in StatutoryTasks.DecisionNotifications(board, decision, kind))
                {
                    yield return task.Title;
                }
            }
        }

        foreach (var basis in new[] { DecisionClockStart.ReferralReachesBoard, DecisionClockStart.ReferralReachesChair })
        {
            yield return StatutoryClocks.ChairDecision(CriteriaTestData.Today, basis, calendar).Rule;
        }

        foreach (var basis in new[] { CompletionClockStart.OfstedNotification, CompletionClockStart.Initiation })
        {
            yield return StatutoryClocks.ReviewCompletion(CriteriaTestData.Today, basis, calendar).Rule;
        }

        yield return StatutoryTasks.OfstedIncident(board, CriteriaTestData.Today, calendar).Title;
        yield return StatutoryTasks.DeclineScrutiny;
    }

    // Every yes/no path through the conversation.
    private static void Explore(Rulebook rulebook, Dictionary<string, bool> answers, HashSet<string> reached, List<Dictionary<string, bool>>? finals = null)
    {
        var next = rulebook.NextQuestion(answers);
        if (next is null)
        {
            finals?.Add(answers);
            return;
        }

        reached.Add(next.Id);
        foreach (var answer in new[] { true, false })
        {
            Explore(rulebook, new Dictionary<string, bool>(answers) { [next.Id] = answer }, reached, finals);
        }
    }
}

/// <summary>What counts as a locator in a citation: a regulation, a section, a numbered paragraph, or a chapter and paragraph number.</summary>
internal static partial class Citations
{
    public static bool HasLocator(string source)
        => RegulationOrSection().IsMatch(source) || NumberedParagraph().IsMatch(source) || ChapterAndParagraph().IsMatch(source);

    /// <summary>A rule in words (a clock's) that names a locator beside any unverifiable citation, or cites a listed unverifiable one.</summary>
    public static bool HasLocatorOrCitesUnverifiable(string text)
        => HasLocator(WithoutUnverified(text)) || SourceCitations.WithoutVerifiedParagraph.Any(c => text.Contains(c, StringComparison.Ordinal));

    /// <summary>True when every part of <paramref name="source"/> is one of <see cref="SourceCitations.WithoutVerifiedParagraph"/> (it cites something).</summary>
    public static bool OnlyWithoutVerifiedParagraph(string source)
        => SourceCitations.WithoutVerifiedParagraph.Any(c => source.Contains(c, StringComparison.Ordinal))
            && string.IsNullOrWhiteSpace(WithoutUnverified(source).Replace(";", string.Empty, StringComparison.Ordinal));

    /// <summary><paramref name="text"/> without the citations listed as unverifiable, so they lend it no locator.</summary>
    public static string WithoutUnverified(string text)
        => SourceCitations.WithoutVerifiedParagraph.Aggregate(text, (t, c) => t.Replace(c, string.Empty, StringComparison.Ordinal));

    /// <summary><paramref name="text"/> without any citation <see cref="SourceCitations"/> lists, verified or not.</summary>
    public static string WithoutListed(string text)
        => SourceCitations.VerifiedParagraphs.Aggregate(WithoutUnverified(text), (t, c) => t.Replace(c, string.Empty, StringComparison.Ordinal));

    /// <summary>A Working Together chapter cited (not a quotation of its words, which names no chapter).</summary>
    [GeneratedRegex(@"Working Together[^;()]*\bch(apter)? \d")]
    public static partial Regex WorkingTogetherChapter();

    /// <summary>A Working Together paragraph number.</summary>
    [GeneratedRegex(@"Working Together[^;]*\bpara(graph)?s? \d")]
    public static partial Regex WorkingTogetherParagraph();

    [GeneratedRegex(@"\breg \d+|\bs\d+[A-Z]?\b|\bs\d+[A-Z]?\(\d+\)|\bsection \d+")]
    private static partial Regex RegulationOrSection();

    [GeneratedRegex(@"\b\d+\.\d+(\.\d+)?\b|\bAppendix \d+")]
    private static partial Regex NumberedParagraph();

    [GeneratedRegex(@"\bch \d+\b[^;]*\bpara(graph)?s? \d+")]
    private static partial Regex ChapterAndParagraph();
}
