using System.Text.Json.Nodes;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Cases;

namespace ReviewBot.Tests.Cards;

/// <summary>
/// Cards whose user-typed fields all hold <see cref="Text"/>: quotes, braces, template syntax that
/// would leak <c>$root.secret</c> if it were evaluated, markdown, HTML, newlines, tabs and emoji.
/// </summary>
internal static class UserTextData
{
    /// <summary>What a user might type; every character must survive as typed.</summary>
    public const string Text = "She said \"don't\" {braces} ${x} ${$root.secret} $${caseRef} \\${y} `tick` ${ **bold** _it_ [link](https://example.org) <b>html</b> & 50%\nline two\r\n\ttabbed 👩‍👧 ✓ é ł € 中文 \\n \\u0041 }";

    /// <summary>Values that would appear if the text were evaluated as a template.</summary>
    public const string Leak = "LEAKED";

    private static readonly CaseReference CaseRef = CaseReference.Create(RulebookKind.Scr, 2026, 7);

    public static IEnumerable<(string Card, string Variant, JsonNode Data)> All()
    {
        yield return ("message", "title and text", WithBait(new MessageCard(Text, Text)));
        yield return ("referral-question", "prefill and echo", WithBait(new ReferralQuestionCard
        {
            DraftId = "draft-1",
            QuestionId = "summary",
            SectionTitle = "What happened",
            Progress = "Part 4 of 7",
            Question = "In your own words, what happened?",
            Error = Text,
            InputKind = QuestionInputKind.Text,
            Multiline = true,
            Value = Text,
        }));
        yield return ("referral-question", "choices", WithBait(new ReferralQuestionCard
        {
            DraftId = "draft-1",
            QuestionId = "agency",
            SectionTitle = "Agencies",
            Progress = "Part 4 of 7",
            Question = "Which agency?",
            InputKind = QuestionInputKind.Choice,
            Choices = [new ChoiceView(Text, Text)],
        }));
        yield return ("referral-summary", "answer", WithBait(new ReferralSummaryCard(
            "draft-1",
            [new SummarySection("What happened", [new SummaryAnswer("Summary", Text, "summary")])],
            new CriteriaOutcomeView("Consider an SCR.", "The board should consider a review.", [], []))));
        yield return ("recommendation", "referral and rationale", WithBait(new RecommendationCard
        {
            CaseRef = CaseRef,
            Version = 3,
            CanAct = false,
            RefreshUserIds = [],
            ReviewName = "SCR",
            Referral = new ReferralDigest(Text, [Text, Text], Text, Text),
            Outcome = new CriteriaOutcomeView("Consider an SCR.", "The board should consider a review.", [], []),
            Status = "Recommended",
            Made = new RecommendationMade { KindText = "Serious case review", Methodology = Text, LeadReviewer = Text, Rationale = Text, By = "Sub-group chair", At = "Tue 3 Mar 2026" },
        }));
        yield return ("decision", "rationale and reason", WithBait(new DecisionCard
        {
            CaseRef = CaseRef,
            Version = 3,
            CanAct = false,
            RefreshUserIds = [],
            ReviewName = "SCR",
            Referral = new ReferralDigest(Text, [Text, Text], Text, Text),
            Recommendation = new RecommendationMade { KindText = "Serious case review", Rationale = Text, By = "Sub-group chair", At = "Tue 3 Mar 2026" },
            Outcome = new CriteriaOutcomeView("Consider an SCR.", "The board should consider a review.", [], []),
            Due = new ClockView("Chair's decision", "Mon 16 Mar 2026", "Done"),
            Status = "Declined",
            Made = new DecisionMade { KindText = "Declined", Reason = Text, By = "Board chair", At = "Fri 13 Mar 2026" },
        }));
    }

    /// <summary>Adds root fields the text's <c>${...}</c> would read if it were evaluated.</summary>
    private static JsonObject WithBait(object model)
    {
        var data = CardCases.Serialise(model).AsObject();
        data["secret"] = Leak;
        data["x"] = Leak;
        data["y"] = Leak;
        return data;
    }
}
