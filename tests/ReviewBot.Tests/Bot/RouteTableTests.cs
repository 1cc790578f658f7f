using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewBot.Bot.Routing;
using ReviewBot.Cards;
using ReviewBot.Core.Referrals;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Bot;

/// <summary>
/// The one route table against what users can press and type: every verb a card sends (templates in cards/
/// and cards/outlook, Action.Execute <c>verb</c> and Action.Submit <c>data.verb</c>, and any card action built
/// in C#) has exactly one route, every route is used, and every typed command has its route.
/// </summary>
public sealed partial class RouteTableTests
{
    [Fact]
    public void Every_verb_used_in_cards_has_exactly_one_route_and_every_route_is_used_by_a_card()
    {
        var used = VerbsInTemplates().Concat(VerbsBuiltInCode()).ToList();
        Assert.NotEmpty(used);

        var unrouted = used.Where(u => !BotRoutes.Table.Verbs.Contains(u.Verb)).Select(u => $"{u.Verb} in {u.Where}").Distinct().ToList();
        var unused = BotRoutes.Table.Verbs.Where(v => !used.Any(u => u.Verb == v)).ToList();

        Assert.Empty(unrouted);
        Assert.Empty(unused);
    }

    [Fact]
    public void Every_typed_command_has_one_route()
    {
        Assert.Equal(Enum.GetValues<ChatIntentKind>().Order(), BotRoutes.Table.Commands.Order());
    }

    [Fact]
    public void A_second_route_for_a_verb_is_refused()
    {
        var table = new RouteTable().Card<object>(CardVerbs.Help, _ => (_, _, _) => Task.CompletedTask);

        var refused = Assert.Throws<InvalidOperationException>(() => table.Card<string>("HELP", _ => (_, _, _) => Task.CompletedTask));
        Assert.Contains("two routes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scan_finds_verbs_in_Submit_data_and_in_code_that_builds_cards()
    {
        // The scanner itself: a Submit-only action, a nested fallback, and a C# action are all seen.
        var card = JsonNode.Parse("""
            { "actions": [
              { "type": "Action.Submit", "data": { "verb": "a.submit" } },
              { "type": "Action.Execute", "verb": "b.execute", "fallback": { "type": "Action.Submit", "data": { "verb": "c.fallback" } } } ] }
            """);
        const string code = """
            var action = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CardVerbs.TaskTick };
            var submit = new JsonObject { ["type"] = "Action.Submit", ["data"] = new JsonObject { ["verb"] = "d.code" } };
            """;

        Assert.Equal(["a.submit", "b.execute", "c.fallback"], VerbsIn(card).Order(StringComparer.Ordinal));
        Assert.Equal(["d.code", CardVerbs.TaskTick], VerbsInCode(code).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<(string Verb, string Where)> VerbsInTemplates()
    {
        var templates = Directory.EnumerateFiles(RepositoryPaths.Cards, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".data.json", StringComparison.Ordinal));
        foreach (var file in templates)
        {
            foreach (var verb in VerbsIn(JsonNode.Parse(File.ReadAllText(file))))
            {
                yield return (verb, Path.GetRelativePath(RepositoryPaths.Root, file));
            }
        }
    }

    private static IEnumerable<(string Verb, string Where)> VerbsBuiltInCode()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "ReviewBot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            foreach (var verb in VerbsInCode(File.ReadAllText(file)))
            {
                yield return (verb, Path.GetRelativePath(RepositoryPaths.Root, file));
            }
        }
    }

    /// <summary>Action.Execute's <c>verb</c> and Action.Submit's <c>data.verb</c>, fallbacks included.</summary>
    private static IEnumerable<string> VerbsIn(JsonNode? card)
        => Cards.CardRules.Objects(card)
            .Select(o => (string?)o["type"] switch
            {
                "Action.Execute" => (string?)o["verb"],
                "Action.Submit" => (string?)o["data"]?["verb"],
                _ => null,
            })
            .OfType<string>();

    /// <summary>Verbs in C# that builds a card action (a file naming Action.Execute or Action.Submit): CardVerbs constants and "verb" literals.</summary>
    private static IEnumerable<string> VerbsInCode(string source)
    {
        if (!source.Contains("\"Action.Execute\"", StringComparison.Ordinal) && !source.Contains("\"Action.Submit\"", StringComparison.Ordinal))
        {
            return [];
        }

        var constants = typeof(CardVerbs).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);
        return VerbInCode().Matches(source)
            .Select(m => m.Groups["literal"].Success ? m.Groups["literal"].Value : constants.GetValueOrDefault(m.Groups["constant"].Value))
            .OfType<string>();
    }

    [GeneratedRegex("""(?:\bCardVerbs\.(?<constant>\w+))|(?:"verb"\s*\]?\s*[=:,]\s*"(?<literal>[^"]+)")""")]
    private static partial Regex VerbInCode();
}
