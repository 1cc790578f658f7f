using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewBot.Testing;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>A person chatting with the bot in one Playground conversation, reading its cards as they would.</summary>
internal sealed partial class Conversation(AgentsPlayground playground, string conversationId)
{
    public AgentsPlayground Playground { get; } = playground;

    public string Id { get; } = conversationId;

    /// <summary>Types a message and waits for the bot's reply that matches.</summary>
    public async Task<PlaygroundMessage> SayAsync(string text, Func<PlaygroundMessage, bool> reply, bool mentionBot = false)
    {
        var mark = Playground.Messages.Count;
        await Playground.SendAsync(Id, text, mentionBot);
        return await Playground.WaitForBotMessageAsync(m => m.ConversationId == Id && reply(m), mark);
    }

    /// <summary>Types an answer and waits for the next referral prompt (question or summary).</summary>
    public Task<PlaygroundMessage> AnswerAsync(string text) => SayAsync(text, IsReferralPrompt);

    public static bool IsReferralPrompt(PlaygroundMessage m) => StepOf(m) is not null || IsSummary(m);

    public static bool IsSummary(PlaygroundMessage m) => m.AllText.Contains("referral.submit", StringComparison.Ordinal);

    /// <summary>The referral step a question card asks (its actions carry it as questionId).</summary>
    public static string? StepOf(PlaygroundMessage m)
        => m.Card is { } card && !IsSummary(m) && QuestionId().Match(card.ToJsonString()) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The first value of <paramref name="key"/> in an action's data on the card (data names a case or draft).</summary>
    public static string? DataValue(JsonNode? node, string key) => node switch
    {
        JsonObject o when (o.ContainsKey("caseRef") || o.ContainsKey("draftId")) && o[key] is JsonValue v => v.ToString(),
        JsonObject o => o.Select(p => DataValue(p.Value, key)).FirstOrDefault(v => v is not null),
        JsonArray a => a.Select(n => DataValue(n, key)).FirstOrDefault(v => v is not null),
        _ => null,
    };

    [GeneratedRegex("\"questionId\":\"([^\"$]+)\"")]
    private static partial Regex QuestionId();
}
