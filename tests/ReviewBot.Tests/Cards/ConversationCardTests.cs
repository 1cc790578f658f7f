using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Cards;

/// <summary>The cards as people meet them: no required marker where nothing is required, sentence case, one "not a decision".</summary>
public sealed partial class ConversationCardTests
{
    private static readonly CardRenderer Renderer = new(Options.Create(new CardRenderingOptions { Folder = RepositoryPaths.Cards }));

    /// <summary>Words that keep their capital inside a label.</summary>
    private static readonly HashSet<string> ProperWords = ["Ofsted", "Teams", "SCR", "CSPR", "IMR", "Panel", "Outlook", "DSL"];

    [Theory]
    [InlineData(QuestionInputKind.Text)]
    [InlineData(QuestionInputKind.Date)]
    [InlineData(QuestionInputKind.MultiSelect)]
    public void An_optional_question_carries_no_required_marker_and_a_required_one_does(QuestionInputKind kind)
    {
        Assert.False(AnswerRequired(Question(kind, skippable: true)));
        Assert.True(AnswerRequired(Question(kind, skippable: false)));
    }

    [Fact]
    public void A_choice_with_room_for_its_own_words_is_a_list_and_a_box_neither_marked_required()
    {
        var card = Renderer.Render(Question(QuestionInputKind.ChoiceOrText, skippable: false) with { OtherValue = "Riverside Academy" });

        var inputs = Inputs(card).ToList();
        Assert.Equal(["Input.ChoiceSet", "Input.Text"], inputs.Select(i => (string?)i["type"]));
        Assert.Equal(["answer", "other"], inputs.Select(i => (string?)i["id"]));
        Assert.All(inputs, i => Assert.NotEqual(true, (bool?)i["isRequired"]));
        Assert.Equal("Riverside Academy", (string?)inputs[1]["value"]);
        Assert.DoesNotContain("Type the number", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_welcome_card_shows_no_required_marker_before_anyone_typed()
    {
        var card = Renderer.Render(new WelcomeCard("Riverside Safeguarding Children Board", "serious case review"));

        Assert.NotEmpty(Inputs(card));
        Assert.All(Inputs(card), i => Assert.NotEqual(true, (bool?)i["isRequired"]));
        Assert.Contains("for a serious case review", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fixed_button_and_label_is_in_sentence_case()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Cards, "*.json").Where(f => !f.EndsWith(".data.json", StringComparison.Ordinal)))
        {
            foreach (var label in Objects(JsonNode.Parse(File.ReadAllText(file))!)
                .SelectMany(o => new[] { o["title"], o["label"] })
                .Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
                .Where(s => s is not null && !s.Contains("${", StringComparison.Ordinal)))
            {
                var words = label!.Split(' ');
                // A capital is fine at a new sentence, in a proper word, or in a case reference (SCR-2026-0001).
                if (words.Skip(1).Where((w, i) => !words[i].EndsWith('?') && !words[i].EndsWith('.'))
                    .Any(w => w.Length > 1 && char.IsUpper(w[0]) && !w.Any(char.IsAsciiDigit) && !ProperWords.Contains(w.TrimEnd('?', ',', '.'))))
                {
                    offenders.Add($"{Path.GetFileName(file)}: {label}");
                }
            }
        }

        Assert.Empty(offenders);
        Assert.Contains("\"Recommend a ${reviewName}\"", File.ReadAllText(Path.Combine(RepositoryPaths.Cards, "recommendation.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RulebookKind.Scr)]
    [InlineData(RulebookKind.Cspr)]
    public void The_summary_says_not_a_decision_once(RulebookKind kind)
    {
        var board = new BoardConfiguration { BoardId = "b", Name = "Board", TenantId = "t", Rulebook = kind };
        var outcome = Rulebook.For(kind).Evaluate(new Referral(), board, new DateOnly(2026, 3, 18));
        var summary = new ReferralSummaryCard("draft", [], ReferralCardMapper.Outcome(outcome, new DateOnly(2026, 3, 18)));

        Assert.Single(NotADecision().Matches(Renderer.Render(summary).ToJsonString()));
        foreach (var template in new[] { "referral-summary.json", "recommendation.json", "decision.json" })
        {
            // The outcome's summary says it; the box adds nothing of its own.
            Assert.Empty(NotADecision().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Cards, template))));
        }
    }

    private static ReferralQuestionCard Question(QuestionInputKind kind, bool skippable) => new()
    {
        DraftId = "d",
        QuestionId = "q",
        SectionTitle = "The child",
        Progress = "Part 2 of 7",
        Question = "?",
        InputKind = kind,
        Skippable = skippable,
        Choices = [new("Riverside Police", "police"), new("Health Visiting", "hv")],
    };

    private static bool AnswerRequired(ReferralQuestionCard question)
        => (bool?)Inputs(Renderer.Render(question)).Single(i => (string?)i["id"] == "answer")["isRequired"] == true;

    private static IEnumerable<JsonObject> Inputs(JsonNode card)
        => Objects(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Objects))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.OfType<JsonNode>().SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }

    [GeneratedRegex("not a decision", RegexOptions.IgnoreCase)]
    private static partial Regex NotADecision();
}
