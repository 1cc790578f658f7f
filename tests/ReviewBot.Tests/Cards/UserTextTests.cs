using ReviewBot.Cards;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Cards;

/// <summary>User text is data, never template: it appears exactly as typed, in C# and in the official engine.</summary>
[Collection(CardEnginesGroup.Name)]
public sealed class UserTextTests(CardEnginesFixture engines)
{
    public static TheoryData<string> UserTextIds => CardCases.Ids(CaseKind.UserText);

    [Theory]
    [MemberData(nameof(UserTextIds))]
    public void User_text_appears_exactly_as_typed(string id)
    {
        var csharp = engines.CSharp[id];
        var strings = CardRules.Strings(csharp.Result).ToList();

        Assert.Empty(csharp.Unresolved);
        Assert.Contains(UserTextData.Text, strings);
        Assert.All(strings.Where(s => s.Contains("She said", StringComparison.Ordinal)), s => Assert.Contains(UserTextData.Text, s, StringComparison.Ordinal));
        Assert.DoesNotContain(strings, s => s.Contains(UserTextData.Leak, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UserTextIds))]
    public void The_official_engine_keeps_user_text_the_same_way(string id)
    {
        var official = engines.Official[id];

        Assert.Contains(UserTextData.Text, CardRules.Strings(official.Expanded));
        JsonAssert.Equal(official.Expanded, engines.CSharp[id].Result);
    }

    [Fact]
    public void The_renderer_does_not_mistake_user_text_for_a_missing_binding()
    {
        var renderer = new CardRenderer(Microsoft.Extensions.Options.Options.Create(new CardRenderingOptions { Folder = RepositoryPaths.Cards }));

        var card = renderer.Render(new ReviewBot.Cards.Models.MessageCard(UserTextData.Text, UserTextData.Text));

        Assert.Equal(UserTextData.Text, (string?)card["body"]![1]!["text"]);
    }
}
