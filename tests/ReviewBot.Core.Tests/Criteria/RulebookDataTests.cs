using System.Text.RegularExpressions;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;

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

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_rule_and_question_cites_a_chapter_and_paragraph_or_a_section_or_regulation(RulebookKind kind)
    {
        var rulebook = Rulebook.For(kind);

        Assert.All(rulebook.Rules, r => Assert.True(Citations.HasLocator(r.Source), $"{r.Id}: \"{r.Source}\" names no paragraph, section or regulation"));
        Assert.All(rulebook.Questions, q => Assert.True(Citations.HasLocator(q.Source), $"{q.Id}: \"{q.Source}\" names no paragraph, section or regulation"));
    }

    /// <summary>
    /// domain.md quotes no Working Together paragraph numbers, so none is cited as if checked: every part of a
    /// citation that names Working Together says its paragraph was not verified, or only reports its wording.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Working_together_is_never_cited_by_an_unverified_paragraph_number(RulebookKind kind)
    {
        var rulebook = Rulebook.For(kind);
        var sources = rulebook.Rules.Select(r => r.Source).Concat(rulebook.Questions.Select(q => q.Source));

        var parts = sources.SelectMany(s => s.Split(';')).Where(p => p.Contains("Working Together", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(parts);
        Assert.All(parts, p => Assert.True(
            p.Contains("paragraph number not verified here", StringComparison.Ordinal) || p.Contains(" reads ", StringComparison.Ordinal) || p.Contains("quoting", StringComparison.Ordinal),
            $"\"{p.Trim()}\" cites Working Together as if its paragraph were checked"));
        Assert.DoesNotContain(parts, p => System.Text.RegularExpressions.Regex.IsMatch(p, @"\bpara(graph)?s? \d"));
    }

    [Theory]
    [InlineData("LSCB Regulations 2006 reg 5(2)(a)", true)]
    [InlineData("Children Act 2004 s16C(2)", true)]
    [InlineData("Enfield ESCB serious case review procedure 2.1", true)]
    [InlineData("Enfield ESCB procedure Appendix 2", true)]
    [InlineData("Working Together to Safeguard Children 2023 ch 5 (paragraph number not verified here)", true)]
    [InlineData("Working Together to Safeguard Children 2015, ch 4", false)]
    [InlineData("Working Together to Safeguard Children 2023", false)]
    [InlineData("Handsworth Grange policy", false)]
    public void A_citation_without_a_locator_is_refused(string source, bool accepted)
        => Assert.Equal(accepted, Citations.HasLocator(source));

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

/// <summary>What counts as a locator in a citation: a regulation, a section, a numbered paragraph, or a chapter and paragraph.</summary>
internal static partial class Citations
{
    public static bool HasLocator(string source)
        => RegulationOrSection().IsMatch(source) || NumberedParagraph().IsMatch(source) || ChapterAndParagraph().IsMatch(source);

    [GeneratedRegex(@"\breg \d+|\bs\d+[A-Z]?\b|\bs\d+[A-Z]?\(\d+\)|\bsection \d+")]
    private static partial Regex RegulationOrSection();

    [GeneratedRegex(@"\b\d+\.\d+(\.\d+)?\b|\bAppendix \d+")]
    private static partial Regex NumberedParagraph();

    [GeneratedRegex(@"\bch \d+\b.*\bpara(graph)?\b")]
    private static partial Regex ChapterAndParagraph();
}
