using System.Text.Json.Nodes;

namespace ReviewBot.Tests.Cards;

/// <summary>Every expanded card is a valid Adaptive Card 1.5 by the official library and by the team's rules.</summary>
[Collection(CardEnginesGroup.Name)]
public sealed class CardValidationTests(CardEnginesFixture engines)
{
    public static TheoryData<string> CardIds => CardCases.Ids();

    public static TheoryData<string> CardIdsWithoutUserText => CardCases.Ids(CaseKind.Sample, CaseKind.Extra, CaseKind.Maximum);

    [Theory]
    [MemberData(nameof(CardIds))]
    public void Card_parses_and_validates_with_the_official_library_at_1_5(string id)
    {
        var official = engines.Official[id];

        Assert.Empty(official.ParseErrors);
        Assert.Empty(official.ValidationErrors);
    }

    [Theory]
    [MemberData(nameof(CardIds))]
    public void Card_follows_the_card_rules(string id)
    {
        var card = Assert.IsType<JsonObject>(engines.CSharp[id].Result);

        Assert.Empty(CardRules.Check(card));
        Assert.Empty(CardRules.CheckRefresh(card, CardCases.Get(id).Data));
    }

    [Theory]
    [MemberData(nameof(CardIdsWithoutUserText))]
    public void Card_has_no_leftover_bindings(string id)
    {
        var csharp = engines.CSharp[id];

        Assert.Empty(csharp.Unresolved);
        Assert.DoesNotContain(CardRules.Strings(csharp.Result), s => s.Contains("${", StringComparison.Ordinal));
        Assert.DoesNotContain(CardRules.Strings(engines.Official[id].Expanded), s => s.Contains("${", StringComparison.Ordinal));
    }
}
