using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Cards;

/// <summary>
/// Expands every card case and every semantics case with the C# expander, then runs all of them through
/// the official JavaScript libraries in one node process (the C# card is what gets validated).
/// </summary>
public sealed class CardEnginesFixture
{
    public CardEnginesFixture()
    {
        var templates = CardNames.All.ToDictionary(c => c, c => CardCases.Template(c));
        var requests = new List<OfficialRequest>();
        foreach (var card in CardCases.All)
        {
            var template = templates[card.CardName];
            var result = ExpandWithCSharp(card.CardName, template, card.Data);
            CSharp[card.Id] = result;
            requests.Add(new OfficialRequest(card.Id, template, card.Data, result.Result ?? new JsonObject()));
        }

        foreach (var semantics in SemanticsCases)
        {
            CSharp[semantics.Id] = ExpandWithCSharp(semantics.Id, semantics.Template, semantics.Data);
            requests.Add(new OfficialRequest(semantics.Id, semantics.Template, semantics.Data, Validate: false));
        }

        Official = OfficialAdaptiveCards.Run(requests);
    }

    /// <summary>The expander-cases.json cases (template and shared data).</summary>
    internal static IReadOnlyList<SemanticsCase> SemanticsCases { get; } = LoadSemanticsCases();

    internal Dictionary<string, CSharpResult> CSharp { get; } = new(StringComparer.Ordinal);

    internal IReadOnlyDictionary<string, OfficialResult> Official { get; }

    public static TheoryData<string> SemanticsIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in SemanticsCases)
        {
            data.Add(c.Id);
        }

        return data;
    }

    private static CSharpResult ExpandWithCSharp(string name, JsonNode template, JsonNode? data)
    {
        try
        {
            var expansion = CardTemplate.Parse(name, template).Expand(data);
            return new CSharpResult(expansion.Result, expansion.Unresolved, null);
        }
        catch (CardTemplateException e)
        {
            return new CSharpResult(null, [], e);
        }
    }

    private static List<SemanticsCase> LoadSemanticsCases()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "ReviewBot.Tests", "Cards", "expander-cases.json");
        var corpus = JsonNode.Parse(File.ReadAllText(path))!;
        var data = corpus["data"]!;
        return [.. corpus["cases"]!.AsArray().Select(c => new SemanticsCase("semantics: " + (string)c!["name"]!, c["template"]!.DeepClone(), data.DeepClone()))];
    }
}

[CollectionDefinition(Name)]
public sealed class CardEnginesGroup : ICollectionFixture<CardEnginesFixture>
{
    public const string Name = "Card engines";
}

/// <summary>What the C# expander did with a case.</summary>
internal sealed record CSharpResult(JsonNode? Result, IReadOnlyList<CardBindingProblem> Unresolved, CardTemplateException? Error);

/// <summary>One template-semantics case.</summary>
internal sealed record SemanticsCase(string Id, JsonNode Template, JsonNode Data);
