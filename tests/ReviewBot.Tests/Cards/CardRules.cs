using System.Text.Json.Nodes;
using ReviewBot.Bot.Routing;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;

namespace ReviewBot.Tests.Cards;

/// <summary>
/// The team's rules for an expanded card, beyond what the official validator checks: schema version,
/// Action.Execute with an Action.Submit fallback carrying the same data plus verb, known verbs, the ids
/// each verb needs, unique input ids, and refresh for user-specific cards.
/// </summary>
internal static class CardRules
{
    /// <summary>Verbs whose data must name a case, and those that must also carry the version.</summary>
    private static readonly string[] CaseVerbPrefixes = ["case.", "recommendation.", "decision.", "task.", "meeting."];

    public static List<string> Check(JsonObject card)
    {
        var problems = new List<string>();
        if ((string?)card["type"] != "AdaptiveCard")
        {
            problems.Add("root type is not AdaptiveCard");
        }

        if (!Version.TryParse((string?)card["version"], out var version) || version > new Version(1, 5))
        {
            problems.Add($"version {card["version"]} is not 1.5 or lower");
        }

        CheckActions(card, "$", parentKey: null, problems);
        var ids = Inputs(card).Select(i => (string?)i["id"]).ToList();
        if (ids.Any(string.IsNullOrEmpty) || ids.Distinct().Count() != ids.Count)
        {
            problems.Add($"input ids must be present and unique: {string.Join(", ", ids)}");
        }

        return problems;
    }

    /// <summary>User-specific cards (with a <c>canAct</c> view) refresh for the listed users.</summary>
    public static List<string> CheckRefresh(JsonObject card, JsonNode data)
    {
        var problems = new List<string>();
        if (data["canAct"] is null)
        {
            return problems;
        }

        var refresh = card["refresh"];
        var action = refresh?["action"];
        if ((string?)action?["type"] != "Action.Execute" || (string?)action["verb"] != CardVerbs.CaseRefresh)
        {
            problems.Add("refresh.action must be Action.Execute with verb case.refresh");
        }

        if (action?["data"]?["caseRef"] is null || action?["data"]?["version"] is null)
        {
            problems.Add("refresh data must carry caseRef and version");
        }

        if (refresh?["userIds"] is not JsonArray users || users.Count > CardLimits.MaxRefreshUserIds)
        {
            problems.Add($"refresh.userIds must be a list of at most {CardLimits.MaxRefreshUserIds}");
        }

        return problems;
    }

    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.SelectMany(p => Objects(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    private static IEnumerable<JsonObject> Inputs(JsonObject card)
        => Objects(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static void CheckActions(JsonNode? node, string path, string? parentKey, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((string?)obj["type"] == "Action.Execute" && path != "$.refresh.action")
                {
                    CheckExecute(obj, path, parentKey, problems);
                }

                foreach (var (key, value) in obj)
                {
                    CheckActions(value, $"{path}.{key}", key, problems);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckActions(array[i], $"{path}[{i}]", parentKey, problems);
                }

                break;
        }
    }

    private static void CheckExecute(JsonObject execute, string path, string? parentKey, List<string> problems)
    {
        var verb = (string?)execute["verb"];
        if (verb is null || !BotRoutes.Table.Verbs.Contains(verb))
        {
            problems.Add($"{path}: unknown verb '{verb}'");
        }

        if (parentKey != "actions")
        {
            problems.Add($"{path}: Action.Execute must sit in an ActionSet or the card's actions");
        }

        var data = execute["data"] as JsonObject ?? [];
        if (verb is not null && CaseVerbPrefixes.Any(p => verb.StartsWith(p, StringComparison.Ordinal)) && data["caseRef"] is null && verb != CardVerbs.CaseStatus)
        {
            problems.Add($"{path}: {verb} data must carry caseRef");
        }

        if (verb is not null && verb.Split('.')[0] is "recommendation" or "decision" or "task" or "meeting" && data["version"] is null)
        {
            problems.Add($"{path}: {verb} data must carry version");
        }

        if (verb is not null && verb.StartsWith("referral.", StringComparison.Ordinal) && verb != CardVerbs.ReferralStart && data["draftId"] is null)
        {
            problems.Add($"{path}: {verb} data must carry draftId");
        }

        var fallback = execute["fallback"] as JsonObject;
        if ((string?)fallback?["type"] != "Action.Submit")
        {
            problems.Add($"{path}: needs a fallback Action.Submit for older clients");
            return;
        }

        var expected = (JsonObject)data.DeepClone();
        expected["verb"] = verb;
        var difference = JsonAssert.FirstDifference(expected, fallback["data"], "fallback.data");
        if (difference is not null)
        {
            problems.Add($"{path}: fallback data must be the action's data plus verb ({difference})");
        }

        if ((string?)fallback["title"] != (string?)execute["title"] || (string?)fallback["associatedInputs"] != (string?)execute["associatedInputs"])
        {
            problems.Add($"{path}: fallback title and associatedInputs must match the action's");
        }
    }
}
