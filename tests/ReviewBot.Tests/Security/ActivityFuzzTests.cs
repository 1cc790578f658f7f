using System.Globalization;
using System.Text.Json.Nodes;
using ReviewBot.Bot.Routing;
using ReviewBot.Cards;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Security;

/// <summary>
/// 3,000 generated activities (seeded: every run sends the same ones) against the real app, signed channel tokens,
/// Azurite and a connector that accepts every send. Each is a valid Teams activity (a typed command, an
/// Action.Execute or Action.Submit press with this bot's own verbs) with one or two fields broken: wrong types and
/// shapes, missing routing fields, no Entra object id, another tenant, channels not served, malformed card actions,
/// unknown invoke names, a serviceUrl elsewhere, duplicate keys, non-JSON bodies, over-long text, verbs that are
/// not strings or not this bot's, card data naming cases that are not there. None may answer 5xx (501 only for
/// invoke names the bot does not know) and none may change a stored row. Every actor's 1:1 address is stored
/// first, so what a valid activity legitimately writes is already there.
/// </summary>
public sealed class ActivityFuzzTests(SignedBotHost host) : IClassFixture<SignedBotHost>
{
    private const int Seed = 20_261_201;
    private const int Count = 3_000;
    private const int Window = 100;

    /// <summary>
    /// This bot's verbs, and near misses. Not <see cref="CardVerbs.ReferralStart"/>: a valid press of it starts a
    /// dialog, which is a write a valid activity may make (the referral tests cover it).
    /// </summary>
    private static readonly string[] Verbs =
        [.. BotRoutes.Table.Verbs.Where(v => v != CardVerbs.ReferralStart).Order(StringComparer.Ordinal), "decision.approve ", "DECISION.APPROVE", "case.delete", "", "referral.start.now", "verb"];

    private static readonly string[] Texts =
        ["help", "my tasks", "status SCR-2026-0001", "status CSPR-2026-9999", "hello", "what?", "<at>ReviewBot</at> help", "tasks", "cancel", "thanks"];

    private static readonly string[] CaseRefs =
        ["SCR-2026-0001", "CSPR-2026-0042", "SCR-1999-999999", "scr-2026-0001", "SCR-2026-", "../SCR", "' or 1=1 --", "SCR-2026-0001|hosttests"];

    /// <summary>Values of the wrong type for a field that holds a string or an object.</summary>
    private static readonly Func<Random, JsonNode?>[] WrongTypes =
    [
        _ => 42, _ => true, _ => new JsonArray(1, "x"), _ => new JsonObject { ["x"] = new JsonObject() }, _ => -1.5e300,
        _ => new JsonArray(), _ => 0,
    ];

    private static readonly string[] UnknownInvokeNames =
        ["composeExtension/query", "task/fetch", "signin/verifyState", "adaptiveCard/Action", "config/fetch", "actionableMessage/executeAction", ""];

    [Fact]
    public async Task Three_thousand_broken_activities_answer_no_5xx_and_change_no_stored_row()
    {
        foreach (var actor in Actors.All)
        {
            (await host.PostSignedAsync(host.Activity("message", actor, "help"))).EnsureSuccessStatusCode();
        }

        var random = new Random(Seed);
        var failures = new List<string>();
        var changes = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var before = await StorageSnapshot.TakeAsync(host);
        var window = new List<string>();
        for (var i = 1; i <= Count; i++)
        {
            var generated = Generate(random);
            window.Add($"#{i} {generated.Description}");
            using var response = await host.PostSignedAsync(generated.Body, generated.ChannelForToken, generated.ContentType);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 && !(status == 501 && generated.UnknownInvoke))
            {
                failures.Add($"#{i} {generated.Description}: {status}");
            }

            if (i % Window == 0)
            {
                var after = await StorageSnapshot.TakeAsync(host);
                if (!after.SequenceEqual(before))
                {
                    changes.Add($"rows changed by one of: {string.Join("; ", window)} -> {string.Join(", ", after.Except(before))}");
                    before = after;
                }

                window.Clear();
            }
        }

        Assert.Empty(failures);
        Assert.Empty(changes);
        // The generator reaches every layer: refusals before the turn and turns that ran.
        Assert.True(statuses.Keys.Intersect([400, 401, 403, 415]).Count() == 4 && statuses.GetValueOrDefault(200) > Count / 10, string.Join(", ", statuses));
    }

    private sealed record Generated(string Body, string ContentType, string ChannelForToken, string Description, bool UnknownInvoke);

    private Generated Generate(Random random)
    {
        var actor = Actors.All[random.Next(Actors.All.Count)];
        var activity = random.Next(3) switch
        {
            0 => host.Activity("message", actor, Texts[random.Next(Texts.Length)]),
            1 => host.Invoke(actor, Verbs[random.Next(Verbs.Length)], CardData(random)),
            _ => Submit(actor, random),
        };

        var breaks = new List<string>();
        var unknownInvoke = false;
        var contentType = "application/json";
        var duplicateKey = false;
        var tokenChannel = "msteams";
        for (var b = random.Next(1, 3); b > 0; b--)
        {
            switch (random.Next(16))
            {
                case 0:
                    var field = Pick(random, "text", "from", "conversation", "channelData", "entities", "attachments", "timestamp", "id", "replyToId", "name", "type", "locale", "recipient", "membersAdded", "value", "serviceUrl", "channelId");
                    activity[field] = WrongTypes[random.Next(WrongTypes.Length)](random);
                    breaks.Add($"{field} of the wrong type");
                    break;
                case 1:
                    var nested = Pick(random, "from.id", "from.name", "from.aadObjectId", "conversation.id", "conversation.conversationType", "conversation.tenantId", "channelData.tenant", "recipient.id");
                    var parts = nested.Split('.');
                    if (activity[parts[0]] is JsonObject parent)
                    {
                        parent[parts[1]] = WrongTypes[random.Next(WrongTypes.Length)](random);
                    }

                    breaks.Add($"{nested} of the wrong type");
                    break;
                case 2:
                    var missing = Pick(random, "type", "serviceUrl", "channelId", "conversation", "from");
                    activity.Remove(missing);
                    breaks.Add($"no {missing}");
                    break;
                case 3:
                    (activity["from"] as JsonObject)?.Remove("aadObjectId");
                    breaks.Add("no aadObjectId");
                    break;
                case 4:
                    var tenant = "tenant-" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
                    activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
                    if (activity["conversation"] is JsonObject conversation)
                    {
                        conversation["tenantId"] = tenant;
                    }

                    breaks.Add("another tenant");
                    break;
                case 5:
                    var channel = TypeOf(activity) == "invoke"
                        ? Pick(random, "webchat", "directline", "emulator", "slack", "MSTeams", "")
                        : Pick(random, "webchat", "directline", "emulator", "slack", "MSTeams", "", "outlook");
                    activity["channelId"] = channel;
                    tokenChannel = channel;
                    breaks.Add("channel " + channel);
                    break;
                case 6:
                    activity["type"] = "invoke";
                    activity["name"] = "adaptiveCard/action";
                    activity["value"] = random.Next(9) switch
                    {
                        0 => null,
                        1 => "x",
                        2 => new JsonArray(),
                        3 => new JsonObject(),
                        4 => new JsonObject { ["action"] = "go" },
                        5 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["verb"] = "help" } },
                        6 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = WrongTypes[random.Next(WrongTypes.Length)](random) } },
                        7 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "help", ["data"] = "x" } },
                        _ => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute" } },
                    };
                    breaks.Add("malformed card action");
                    break;
                case 7:
                    activity["type"] = "invoke";
                    activity["name"] = Pick(random, UnknownInvokeNames);
                    unknownInvoke = true;
                    breaks.Add("unknown invoke " + activity["name"]);
                    break;
                case 8:
                    activity["serviceUrl"] = Pick(random, "https://evil.example/", "not a url", "http://10.0.0.1/", "https://smba.trafficmanager.net.evil.example/", "http://127.0.0.1:1/");
                    breaks.Add("serviceUrl elsewhere");
                    break;
                case 9:
                    duplicateKey = true;
                    breaks.Add("duplicate key");
                    break;
                case 10:
                    contentType = Pick(random, "text/plain", "application/x-www-form-urlencoded", "application/xml", "application/jsonp", "text/json");
                    breaks.Add("content type " + contentType);
                    break;
                case 11:
                    activity["text"] = random.Next(3) switch
                    {
                        0 => "status " + new string('a', 4_001 + random.Next(20_000)),
                        1 => string.Concat(Enumerable.Repeat("<at>", 1_001 + random.Next(6_000))),
                        _ => "status scr" + new string(' ', 4_001 + random.Next(20_000)) + "2026",
                    };
                    breaks.Add("long text");
                    break;
                case 12:
                    var data = CardData(random);
                    data["verb"] = WrongTypes[random.Next(WrongTypes.Length)](random);
                    activity["type"] = "message";
                    activity["value"] = data;
                    breaks.Add("submit with a verb that is not a string");
                    break;
                case 13:
                    tokenChannel = "webchat"; // a genuine token, from the key endorsed for Web Chat only
                    breaks.Add("token endorsed for webchat");
                    break;
                case 14:
                    SetVerb(activity, Pick(random, "case.delete", "DECISION.APPROVE", "decision.approve ", "", "admin.grant", "referral.submit\u0000"));
                    breaks.Add("not this bot's verb");
                    break;
                default:
                    if (DataOf(activity) is { } cardData)
                    {
                        cardData["caseRef"] = random.Next(3) == 0 ? WrongTypes[random.Next(WrongTypes.Length)](random) : Pick(random, CaseRefs);
                        cardData["version"] = random.Next(2) == 0 ? WrongTypes[random.Next(WrongTypes.Length)](random) : "-1";
                    }

                    breaks.Add("card data naming another case");
                    break;
            }
        }

        var body = activity.ToJsonString();
        if (duplicateKey)
        {
            body = "{\"channelId\":\"webchat\"," + body[1..];
        }

        return new(body, contentType, tokenChannel, $"{TypeOf(activity)} by {actor}: {string.Join(", ", breaks)}", unknownInvoke && TypeOf(activity) == "invoke");
    }

    private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    private static string? TypeOf(JsonObject activity)
        => activity["type"] is JsonValue type && type.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The card data of an Action.Execute or Action.Submit, if the activity has one of the usual shape.</summary>
    private static JsonObject? DataOf(JsonObject activity)
        => activity["value"] is JsonObject value
            ? value["action"] is JsonObject action ? action["data"] as JsonObject : value
            : null;

    private static void SetVerb(JsonObject activity, string verb)
    {
        if (activity["value"] is JsonObject value)
        {
            if (value["action"] is JsonObject action)
            {
                action["verb"] = verb;
            }
            else
            {
                value["verb"] = verb;
            }
        }
    }

    private JsonObject Submit(string actor, Random random)
    {
        var submit = host.Activity("message", actor);
        submit["replyToId"] = "card-1";
        var data = CardData(random);
        data["verb"] = Verbs[random.Next(Verbs.Length)];
        submit["value"] = data;
        return submit;
    }

    private static JsonObject CardData(Random random) => new()
    {
        ["caseRef"] = Pick(random, CaseRefs),
        ["version"] = random.Next(-1, 5).ToString(CultureInfo.InvariantCulture),
        ["taskId"] = "task-" + random.Next(5).ToString(CultureInfo.InvariantCulture),
        ["draftId"] = new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]).ToString(),
        ["card"] = Pick(random, "recommendation", "decision", "checklist", "status"),
        ["reason"] = "fuzz",
        ["questionId"] = "child.name",
        ["answer"] = "x",
    };
}
