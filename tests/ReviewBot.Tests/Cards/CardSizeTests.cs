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

    /// <summary>The card's size as the connector sends it (the wire format's encoder).</summary>
    private static int WireBytes(JsonNode card) => Encoding.UTF8.GetByteCount(card.ToJsonString(ReviewBot.Teams.TeamsJson.Options));

    public static TheoryData<string> MaximumIds => CardCases.Ids(CaseKind.Maximum);

    [Theory]
    [MemberData(nameof(CardIds))]
    public void Card_fits_in_a_Teams_message(string id)
    {
        var size = WireBytes(engines.CSharp[id].Result!);

        Assert.True(size <= CardBudgetBytes, $"{id} is {size} bytes; the budget is {CardBudgetBytes}.");
    }

    [Fact]
    public void Maximum_data_really_is_large()
    {
        // Keeps the size test honest: the maximum cases must come near the budget, not pass by being small.
        var largest = CardCases.All.Where(c => c.Kind == CaseKind.Maximum)
            .Max(c => WireBytes(engines.CSharp[c.Id].Result!));

        Assert.True(largest > CardBudgetBytes / 2, $"The largest maximum card is only {largest} bytes.");
    }

    [Fact]
    public void Long_narratives_are_cut_with_a_visible_marker()
    {
        // Once the recommendation is made, the account gives way to it (whole while the sub-group decides).
        var card = engines.CSharp["recommendation (maximum status)"].Result!;

        Assert.Contains(CardRules.Strings(card), s => s.EndsWith(CardText.ContinuesMarker, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("decision (maximum actor)")]
    [InlineData("recommendation (maximum actor)")]
    public void The_chair_and_the_sub_group_deciding_see_the_whole_longest_account(string id)
    {
        var data = CardCases.Get(id).Data;
        var strings = CardRules.Strings(engines.CSharp[id].Result!).ToList();

        var account = data["referral"]!["account"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Equal(MaximumCardData.Words(MaximumCardData.LongestAccount), string.Join(' ', account));
        Assert.All(account, paragraph => Assert.Contains(paragraph, strings));
        Assert.Contains(data["referral"]!["childName"]!.GetValue<string>(), strings);
        Assert.Contains(data["referral"]!["referrer"]!.GetValue<string>(), strings);
        Assert.Contains(data["referral"]!["agencies"]!.GetValue<string>(), strings);
    }

    [Fact]
    public void Typed_rendering_of_maximum_data_fits()
    {
        var renderer = new CardRenderer(Microsoft.Extensions.Options.Options.Create(new CardRenderingOptions { Folder = RepositoryPaths.Cards }));
        foreach (var (card, variant, model) in MaximumCardData.All())
        {
            JsonObject rendered = renderer.Render(card, model);
            var size = WireBytes(rendered);
            Assert.True(size <= CardBudgetBytes, $"{card} ({variant}) is {size} bytes.");
        }
    }
}
