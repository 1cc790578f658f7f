using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Testing;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>
/// A person pressing an Action.Execute button on a card in their Playground, as Teams sends it: the button's data
/// with the card's inputs (their shown values, then what the person typed or chose).
/// </summary>
internal static class CardPress
{
    private const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    private const string NothingChanged = "out of date, so nothing changed";

    /// <summary>Presses <paramref name="verb"/> and returns the card the press put in its place.</summary>
    public static async Task<PlaygroundMessage> PressAsync(AgentsPlayground client, PlaygroundMessage card, string verb, JsonObject? inputs = null)
    {
        var answer = await AnswerAsync(client, card, verb, inputs);
        Assert.True(answer?["type"]?.GetValue<string>() == AdaptiveCard, $"Pressing {verb} was answered with {answer?.ToJsonString()}");
        var replaced = answer!["value"]!.AsObject();
        Assert.DoesNotContain(NothingChanged, replaced.ToJsonString(), StringComparison.Ordinal);
        return WithCard(card, replaced);
    }

    /// <summary>Presses <paramref name="verb"/> and returns the words the bot answered with instead of a card (a refusal).</summary>
    public static async Task<string> RefusedAsync(AgentsPlayground client, PlaygroundMessage card, string verb, JsonObject? inputs = null)
    {
        var answer = await AnswerAsync(client, card, verb, inputs);
        Assert.True(answer?["type"]?.GetValue<string>() == "application/vnd.microsoft.activity.message", $"Pressing {verb} was not refused: {answer?.ToJsonString()}");
        return answer!["value"]!.GetValue<string>();
    }

    /// <summary>
    /// The card as the person sees it now: Teams refreshes a card when it is shown (refresh.userIds); the Playground
    /// does not, so the refresh is asked for here. A card without a refresh is as it was sent.
    /// </summary>
    public static async Task<PlaygroundMessage> ShownAsync(AgentsPlayground client, PlaygroundMessage card)
    {
        if (card.Card?["refresh"]?["action"]?["data"] is not JsonObject refresh)
        {
            return card;
        }

        var current = await client.InvokeAsync(card.ConversationId, card.MessageId, CardVerbs.CaseRefresh, (JsonObject)refresh.DeepClone());
        Assert.True(current?["type"]?.GetValue<string>() == AdaptiveCard, $"The refresh was answered with {current?.ToJsonString()}");
        return WithCard(card, current!["value"]!.AsObject());
    }

    /// <summary>True when the card has a button for <paramref name="verb"/>.</summary>
    public static bool HasButton(PlaygroundMessage card, string verb) => Buttons(card.Card, verb).Any();

    /// <summary>What a person reads on the card: its texts, titles and facts, one a line.</summary>
    public static string TextOf(PlaygroundMessage card) => string.Join('\n', Texts(card.Card));

    // The bot may change the case between the refresh and the press (a meeting booked, a reminder recorded): the
    // card put in place then says nothing changed, and the person presses again on it, as they would in Teams.
    private static async Task<JsonObject?> AnswerAsync(AgentsPlayground client, PlaygroundMessage card, string verb, JsonObject? inputs)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await PressOnceAsync(client, card, verb, inputs);
            if (attempt == 3 || answer?["type"]?.GetValue<string>() != AdaptiveCard || !answer["value"]!.ToJsonString().Contains(NothingChanged, StringComparison.Ordinal))
            {
                return answer;
            }

            card = WithCard(card, answer["value"]!.AsObject());
        }
    }

    private static async Task<JsonObject?> PressOnceAsync(AgentsPlayground client, PlaygroundMessage card, string verb, JsonObject? inputs)
    {
        var shown = await ShownAsync(client, card);
        inputs ??= [];

        // Of several buttons with the verb (a Tick per task), the one whose data names what the person chose.
        var button = Buttons(shown.Card, verb).FirstOrDefault(b => inputs.All(i => b["data"]?[i.Key] is not JsonValue v || v.ToString() == i.Value?.ToString()))
            ?? throw new Xunit.Sdk.XunitException($"No '{verb}' button on the card as shown:\n{TextOf(shown)}");
        var data = (JsonObject)(button["data"]?.DeepClone() ?? new JsonObject());
        foreach (var (id, value) in InputValues(shown.Card))
        {
            data[id] = value;
        }

        foreach (var (key, value) in inputs)
        {
            data[key] = value?.DeepClone();
        }

        return await client.InvokeAsync(card.ConversationId, card.MessageId, verb, data);
    }

    private static PlaygroundMessage WithCard(PlaygroundMessage message, JsonObject card)
        => message with { Attachments = [new JsonObject { ["contentType"] = AdaptiveCard, ["content"] = card.DeepClone() }] };

    private static IEnumerable<JsonObject> Buttons(JsonNode? node, string verb)
        => Nodes(node).Where(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb);

    private static IEnumerable<KeyValuePair<string, string>> InputValues(JsonNode? node)
        => Nodes(node).Where(o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"] is JsonValue && o["value"] is JsonValue)
            .Select(o => KeyValuePair.Create(o["id"]!.GetValue<string>(), o["value"]!.ToString()));

    private static IEnumerable<string> Texts(JsonNode? node) => Nodes(node).SelectMany(VisibleTexts);

    // Texts, titles and labels; a value only when it is a fact's (a fact has a title and no type), not an input's data.
    private static IEnumerable<string> VisibleTexts(JsonObject o)
        => ((string[])["text", "title", "label", "value"])
            .Where(key => key != "value" || o["type"] is null)
            .Select(key => o[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null)
            .OfType<string>();

    private static IEnumerable<JsonObject> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Where(p => p.Key != "refresh" && p.Key != "fallback").SelectMany(p => Nodes(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(Nodes))
                {
                    yield return child;
                }

                break;
        }
    }
}
