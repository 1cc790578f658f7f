using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Cards;

/// <summary>What a case is for.</summary>
internal enum CaseKind
{
    /// <summary>cards/&lt;card&gt;.data.json, the Designer's sample.</summary>
    Sample,

    /// <summary>Cards/data/&lt;card&gt;.&lt;variant&gt;.json: other views and branches.</summary>
    Extra,

    /// <summary>Realistic maximum data built from the view models.</summary>
    Maximum,

    /// <summary>User text full of template-like and markdown characters.</summary>
    UserText,
}

/// <summary>A card template with one data set.</summary>
internal sealed record CardCase(string Id, string CardName, JsonNode Data, CaseKind Kind);

/// <summary>Every card case the tests run through both engines.</summary>
internal static class CardCases
{
    private static readonly Lazy<IReadOnlyList<CardCase>> Cases = new(Load);

    public static string ExtraDataFolder => Path.Combine(RepositoryPaths.Root, "tests", "ReviewBot.Tests", "Cards", "data");

    public static IReadOnlyList<CardCase> All => Cases.Value;

    public static CardCase Get(string id) => All.Single(c => c.Id == id);

    public static TheoryData<string> Ids(params CaseKind[] kinds)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(c => kinds.Length == 0 || kinds.Contains(c.Kind)))
        {
            data.Add(c.Id);
        }

        return data;
    }

    public static JsonNode Template(string cardName) => ReadJson(Path.Combine(RepositoryPaths.Cards, cardName + ".json"));

    public static JsonNode Serialise(object model) => JsonSerializer.SerializeToNode(model, model.GetType(), CardRenderer.DataSerializerOptions)!;

    private static List<CardCase> Load()
    {
        var cases = new List<CardCase>();
        foreach (var card in CardNames.All)
        {
            cases.Add(new CardCase($"{card} (sample)", card, ReadJson(Path.Combine(RepositoryPaths.Cards, card + ".data.json")), CaseKind.Sample));
        }

        foreach (var file in Directory.GetFiles(ExtraDataFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var card = name[..name.IndexOf('.', StringComparison.Ordinal)];
            cases.Add(new CardCase($"{card} ({name[(card.Length + 1)..]})", card, ReadJson(file), CaseKind.Extra));
        }

        cases.AddRange(MaximumCardData.All().Select(m => new CardCase($"{m.Card} (maximum {m.Variant})", m.Card, Serialise(m.Model), CaseKind.Maximum)));
        cases.AddRange(UserTextData.All().Select(u => new CardCase($"{u.Card} (user text {u.Variant})", u.Card, u.Data, CaseKind.UserText)));
        return cases;
    }

    private static JsonNode ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is null.");
}
