using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewBot.Tests.Bot;
using ReviewBot.Tests.Cards;

namespace ReviewBot.Tests.Outlook;

/// <summary>What Outlook sends the bot (Action.Execute from an actionable message) and reads from its answers and mails.</summary>
public static class OutlookInvokes
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>An Action.Execute from an actionable message, as the Outlook channel sends it (no Teams channelData).</summary>
    public static JsonObject For(BotHost host, string actor, string verb, JsonObject data, string trigger = "manual")
    {
        ArgumentNullException.ThrowIfNull(host);
        var activity = host.Invoke(actor, verb, data.DeepClone().AsObject());
        activity["channelId"] = "outlook";
        activity["conversation"] = new JsonObject { ["id"] = "outlook-" + Guid.NewGuid().ToString("N"), ["conversationType"] = "personal", ["tenantId"] = BotHost.TenantId };
        activity["from"] = new JsonObject { ["id"] = actor, ["aadObjectId"] = actor };
        activity.Remove("channelData");
        activity.Remove("replyToId");
        activity["value"]!["trigger"] = trigger;
        return activity;
    }

    /// <summary>Posts the Outlook invoke and returns the invoke response's body.</summary>
    public static async Task<JsonObject> PostAsync(BotHost host, string actor, string verb, JsonObject data, string trigger = "manual")
    {
        ArgumentNullException.ThrowIfNull(host);
        var response = await host.PostAsync(For(host, actor, verb, data, trigger));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The card an invoke answered with.</summary>
    public static JsonObject CardOf(JsonObject answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Assert.Equal(AdaptiveCardType, (string?)answer["type"]);
        return answer["value"]!.AsObject();
    }

    /// <summary>The card a mail carries in its head.</summary>
    public static JsonObject CardIn(string html)
    {
        var json = Regex.Match(html, "<head>.*<script type=\"application/adaptivecard\\+json\">(?<json>.*?)</script>.*</head>", RegexOptions.Singleline);
        Assert.True(json.Success, "The mail body carries no card in its head.");
        return JsonNode.Parse(json.Groups["json"].Value)!.AsObject();
    }

    public static List<JsonObject> Actions(JsonObject card)
        => [.. CardRules.Objects(card["body"]).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true)];

    public static List<string?> Verbs(JsonObject card) => [.. Actions(card).Select(a => (string?)a["verb"])];

    public static List<string> Texts(JsonObject card)
        => [.. CardRules.Objects(card["body"]).Select(o => (string?)o["text"] ?? (string?)o["value"]).OfType<string>()];

    public static JsonNode Template(string name)
        => JsonNode.Parse(File.ReadAllText(Path.Combine(OutlookCardsFixture.OutlookFolder, name + ".json")))!;
}
