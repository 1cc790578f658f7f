using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Cards;

public sealed class CardRendererTests
{
    /// <summary>The host provides configuration; a bare collection needs one.</summary>
    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        return services;
    }

    private static CardRenderer RepositoryRenderer() => new(Options.Create(new CardRenderingOptions { Folder = RepositoryPaths.Cards }));

    [Fact]
    public void Renders_a_typed_view_model_with_its_own_template()
    {
        var card = RepositoryRenderer().Render(new MessageCard("Referral cancelled", "Your draft was deleted."));

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("Referral cancelled", (string?)card["body"]![0]!["text"]);
        Assert.Equal("Your draft was deleted.", (string?)card["body"]![1]!["text"]);
    }

    [Fact]
    public void Serialises_view_models_camel_case_with_enums_as_strings_and_without_nulls()
    {
        var data = JsonSerializer.SerializeToNode(
            new ReferralQuestionCard { DraftId = "d", QuestionId = "q", SectionTitle = "s", Progress = "p", Question = "?", InputKind = QuestionInputKind.MultiSelect },
            CardRenderer.DataSerializerOptions)!;

        Assert.Equal("multiSelect", (string?)data["inputKind"]);
        Assert.Equal("d", (string?)data["draftId"]);
        Assert.False(data.AsObject().ContainsKey("hint"));
    }

    [Fact]
    public void Missing_data_fails_naming_card_and_binding_but_no_data()
    {
        var e = Assert.Throws<CardTemplateException>(() => RepositoryRenderer().Render(CardNames.Message, new { Title = "Child: Secret Person" }));

        Assert.Equal(CardNames.Message, e.CardName);
        Assert.Equal("/body/1/text", e.Location);
        Assert.Equal("text", e.Expression);
        Assert.Contains("message", e.Message, StringComparison.Ordinal);
        Assert.Contains("${text}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Person", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../appsettings")]
    [InlineData("Welcome")]
    [InlineData("no-such-card")]
    public void Unknown_or_unsafe_card_names_fail(string cardName)
    {
        var e = Assert.Throws<CardTemplateException>(() => RepositoryRenderer().Render(cardName, new { }));

        Assert.Equal(cardName, e.CardName);
    }

    [Fact]
    public void Templates_are_parsed_once()
    {
        var renderer = RepositoryRenderer();

        Assert.Same(renderer.Template(CardNames.Decision), renderer.Template(CardNames.Decision));
    }

    [Fact]
    public void The_host_build_ships_every_template_and_no_sample_data()
    {
        using var services = Services().AddCardRendering().BuildServiceProvider();
        var folder = services.GetRequiredService<IOptions<CardRenderingOptions>>().Value.Folder;

        Assert.Equal(
            CardNames.All.Select(c => c + ".json").Order(StringComparer.Ordinal),
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("AdaptiveCard", (string?)services.GetRequiredService<ICardRenderer>().Render(new HelpCard())["type"]);
    }

    [Fact]
    public void Start_up_validation_reports_a_missing_folder()
    {
        using var services = Services()
            .AddCardRendering(o => o.Folder = Path.Combine(Path.GetTempPath(), "no-cards-" + Guid.NewGuid().ToString("N")))
            .BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CardRenderingOptions>>().Value);

        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_validation_reports_a_broken_template()
    {
        var folder = Directory.CreateTempSubdirectory("reviewbot-cards-");
        try
        {
            foreach (var card in CardNames.All)
            {
                File.Copy(Path.Combine(RepositoryPaths.Cards, card + ".json"), Path.Combine(folder.FullName, card + ".json"));
            }

            File.WriteAllText(Path.Combine(folder.FullName, "decision.json"), """{"type":"AdaptiveCard","body":[{"text":"${a + b}"}]}""");
            using var services = Services().AddCardRendering(o => o.Folder = folder.FullName).BuildServiceProvider();

            var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CardRenderingOptions>>().Value);

            Assert.Contains("'decision'", e.Message, StringComparison.Ordinal);
            Assert.Contains("/body/0/text", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Refresh_lists_are_capped_at_sixty_users()
    {
        Assert.Throws<ArgumentException>(() => CardLimits.RefreshUserIds([.. Enumerable.Range(0, 61).Select(i => $"29:{i}")]));
    }

    [Fact]
    public void Concurrent_renders_of_one_template_agree()
    {
        var renderer = RepositoryRenderer();
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Cards, "recommendation.data.json")))!;
        var expected = renderer.Render(CardNames.Recommendation, data).ToJsonString();

        var cards = new string[64];
        Parallel.For(0, cards.Length, i => cards[i] = renderer.Render(CardNames.Recommendation, data.DeepClone()).ToJsonString());

        Assert.All(cards, card => Assert.Equal(expected, card));
    }

    [Fact]
    public void Rendering_returns_a_fresh_card_each_time()
    {
        var renderer = RepositoryRenderer();
        var first = renderer.Render(new MessageCard("a", "b"));
        first["body"]![0]!["text"] = "changed";

        JsonObject second = renderer.Render(new MessageCard("a", "b"));

        Assert.Equal("a", (string?)second["body"]![0]!["text"]);
    }
}
