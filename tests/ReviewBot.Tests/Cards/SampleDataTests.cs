using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ReviewBot.Bot.Routing;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Cards;

/// <summary>Templates, their sample data and the typed view models agree with each other.</summary>
public sealed partial class SampleDataTests
{
    private static readonly JsonSerializerOptions Strict = new(CardRenderer.DataSerializerOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        PropertyNameCaseInsensitive = false,
    };

    public static TheoryData<string> Cards => [.. CardNames.All];

    public static IReadOnlyDictionary<string, Type> ModelTypes { get; } = typeof(ICardModel).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(ICardModel).IsAssignableFrom(t))
        .ToDictionary(t => ((ICardModel)RuntimeHelpers.GetUninitializedObject(t)).CardName);

    [Fact]
    public void Every_card_name_has_a_template_with_sample_data_and_a_view_model()
    {
        var templates = Directory.GetFiles(RepositoryPaths.Cards, "*.json")
            .Select(Path.GetFileName)
            .Where(f => !f!.EndsWith(".data.json", StringComparison.Ordinal))
            .Select(f => f![..^".json".Length]);

        Assert.Equal(CardNames.All.Order(StringComparer.Ordinal), templates.Order(StringComparer.Ordinal));
        Assert.All(CardNames.All, c => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Cards, c + ".data.json")), c));
        Assert.Equal(CardNames.All.Order(StringComparer.Ordinal), ModelTypes.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Sample_data_is_exactly_its_view_model(string card)
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Cards, card + ".data.json")));

        var model = sample.Deserialize(ModelTypes[card], Strict);

        JsonAssert.Equal(sample, JsonSerializer.SerializeToNode(model, ModelTypes[card], CardRenderer.DataSerializerOptions), $"{card}.data.json does not match {ModelTypes[card].Name}.");
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Extra_data_sets_are_their_view_models_too(string card)
    {
        foreach (var file in Directory.GetFiles(CardCases.ExtraDataFolder, card + ".*.json"))
        {
            var data = JsonNode.Parse(File.ReadAllText(file));
            var model = data.Deserialize(ModelTypes[card], Strict);
            JsonAssert.Equal(data, JsonSerializer.SerializeToNode(model, ModelTypes[card], CardRenderer.DataSerializerOptions), Path.GetFileName(file));
        }
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Templates_bind_only_fields_their_view_model_has(string card)
    {
        var fields = Fields(ModelTypes[card]);
        var template = File.ReadAllText(Path.Combine(RepositoryPaths.Cards, card + ".json"));

        var unknown = Bindings().Matches(template)
            .SelectMany(b => Identifiers().Matches(QuotedStrings().Replace(b.Groups[1].Value, string.Empty)))
            .Select(m => m.Value)
            .Where(id => !id.StartsWith('$') && id is not ("if" or "not" or "and" or "or" or "equals" or "empty" or "exists" or "count"))
            .Where(id => !fields.Contains(id))
            .Distinct()
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void The_channel_notification_has_no_child_or_narrative_fields()
    {
        var fields = Fields(typeof(ReferralNotificationCard));

        Assert.Equal(new[] { "caseRef", "criteriaLevel", "referredOn", "referrerAgency", "rulebook" }, fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Templates_use_exactly_the_known_verbs()
    {
        var verbs = CardNames.All
            .SelectMany(c => CardRules.Objects(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Cards, c + ".json")))))
            .Select(o => (string?)o["verb"])
            .OfType<string>()
            .ToHashSet();

        Assert.Equal(BotRoutes.Table.Verbs.Order(StringComparer.Ordinal), verbs.Order(StringComparer.Ordinal));
    }

    /// <summary>Every JSON name in the model, nested records and list items included.</summary>
    private static HashSet<string> Fields(Type type, HashSet<Type>? seen = null)
    {
        seen ??= [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!seen.Add(type))
        {
            return names;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            names.Add(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            var inner = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            if (inner.Namespace == typeof(ICardModel).Namespace && inner.IsClass)
            {
                names.UnionWith(Fields(inner, seen));
            }
        }

        return names;
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Bindings();

    [GeneratedRegex("'[^']*'")]
    private static partial Regex QuotedStrings();

    /// <summary>Path segments and function names.</summary>
    [GeneratedRegex(@"[$A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifiers();
}
