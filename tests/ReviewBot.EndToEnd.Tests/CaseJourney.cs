using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewBot.Cards;
using ReviewBot.Testing;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>The demo board's case walked as Alex (referrer, sub-group chair, business manager and chair) walks it in the Playground.</summary>
internal static partial class CaseJourney
{
    /// <summary>Refers the scripted case in the 1:1 chat; returns its reference and the recommendation card.</summary>
    public static async Task<(string Reference, PlaygroundMessage Recommendation)> ReferAsync(AgentsPlayground playground)
    {
        var chat = new Conversation(playground, playground.PersonalChatId);
        var prompt = await chat.SayAsync("refer", Conversation.IsReferralPrompt);
        for (var turns = 0; !Conversation.IsSummary(prompt); turns++)
        {
            Assert.True(turns < 80, "The referral did not reach its summary.");
            prompt = await chat.AnswerAsync(ReferralAnswers.For(Conversation.StepOf(prompt)!));
        }

        var acknowledgement = await chat.SayAsync("submit", m => CaseRef().IsMatch(m.AllText));
        var reference = CaseRef().Match(acknowledgement.AllText).Value;
        var recommendation = await playground.WaitForBotMessageAsync(m => m.AllText.Contains(CardVerbs.RecommendationPanel, StringComparison.Ordinal) && m.AllText.Contains(reference, StringComparison.Ordinal));
        return (reference, recommendation);
    }

    /// <summary>The sub-group recommends a review and the chair approves it on the decision card: the review is agreed.</summary>
    public static async Task AgreeReviewAsync(AgentsPlayground playground, PlaygroundMessage recommendation, string reference)
    {
        var mark = playground.Messages.Count;
        var recommended = await playground.InvokeAsync(recommendation.ConversationId, recommendation.MessageId, CardVerbs.RecommendationReview, new JsonObject
        {
            ["caseRef"] = reference,
            ["version"] = Conversation.DataValue(recommendation.Card!, "version"),
            ["rationale"] = "Abuse suspected and the child died: reg 5(2)(a) and (b)(i).",
            ["methodology"] = "SCIE systems model",
        });
        Assert.Contains("Waiting for the chair", recommended?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);

        var decision = await playground.WaitForBotMessageAsync(m => m.AllText.Contains(CardVerbs.DecisionApprove, StringComparison.Ordinal) && m.AllText.Contains(reference, StringComparison.Ordinal), mark);
        var approved = await playground.InvokeAsync(decision.ConversationId, decision.MessageId, CardVerbs.DecisionApprove, new JsonObject
        {
            ["caseRef"] = reference,
            ["version"] = Conversation.DataValue(decision.Card!, "version"),
        });
        Assert.Contains("agreed", approved?["value"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(SCR|CSPR)-\d{4}-\d{4}\b")]
    private static partial Regex CaseRef();
}
