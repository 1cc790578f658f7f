using System.Text;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Cards;

/// <summary>Cards fit in a Teams message (28 KB) even with realistic maximum data.</summary>
[Collection(CardEnginesGroup.Name)]
public sealed class CardSizeTests(CardEnginesFixture engines)
{
    /// <summary>Teams' limit for a message, less room for the activity around the card.</summary>
    private const int CardBudgetBytes = (28 * 1024) - 1024;

    public static TheoryData<string> CardIds => CardCases.Ids();

    public static TheoryData<string> MaximumIds => CardCases.Ids(CaseKind.Maximum);

    [Theory]
    [MemberData(nameof(CardIds))]
    public void Card_fits_in_a_Teams_message(string id)
    {
        var size = Encoding.UTF8.GetByteCount(engines.CSharp[id].Result!.ToJsonString());

        Assert.True(size <= CardBudgetBytes, $"{id} is {size} bytes; the budget is {CardBudgetBytes}.");
    }

    [Fact]
    public void Maximum_data_really_is_large()
    {
        // Keeps the size test honest: the maximum cases must come near the budget, not pass by being small.
        var largest = CardCases.All.Where(c => c.Kind == CaseKind.Maximum)
            .Max(c => Encoding.UTF8.GetByteCount(engines.CSharp[c.Id].Result!.ToJsonString()));

        Assert.True(largest > CardBudgetBytes / 2, $"The largest maximum card is only {largest} bytes.");
    }

    [Fact]
    public void Long_narratives_are_cut_with_a_visible_marker()
    {
        var card = engines.CSharp["recommendation (maximum actor)"].Result!;

        Assert.Contains(CardRules.Strings(card), s => s.EndsWith(CardText.ContinuesMarker, StringComparison.Ordinal));
    }

    [Fact]
    public void Typed_rendering_of_maximum_data_fits()
    {
        var renderer = new CardRenderer(Microsoft.Extensions.Options.Options.Create(new CardRenderingOptions { Folder = RepositoryPaths.Cards }));
        foreach (var (card, variant, model) in MaximumCardData.All())
        {
            JsonObject rendered = renderer.Render(card, model);
            var size = Encoding.UTF8.GetByteCount(rendered.ToJsonString());
            Assert.True(size <= CardBudgetBytes, $"{card} ({variant}) is {size} bytes.");
        }
    }
}
