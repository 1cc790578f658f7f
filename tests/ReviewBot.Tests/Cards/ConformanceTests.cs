namespace ReviewBot.Tests.Cards;

/// <summary>The C# expander gives what the official JavaScript engine gives.</summary>
[Collection(CardEnginesGroup.Name)]
public sealed class ConformanceTests(CardEnginesFixture engines)
{
    public static TheoryData<string> CardIds => CardCases.Ids();

    public static TheoryData<string> SemanticsIds => CardEnginesFixture.SemanticsIds();

    [Theory]
    [MemberData(nameof(CardIds))]
    public void Card_expands_as_the_official_engine_expands_it(string id)
    {
        var official = engines.Official[id];
        var csharp = engines.CSharp[id];

        Assert.Null(official.ExpandError);
        Assert.Null(csharp.Error);
        JsonAssert.Equal(official.Expanded, csharp.Result, "C# expansion differs from adaptivecards-templating 2.3.1.");
    }

    [Theory]
    [MemberData(nameof(SemanticsIds))]
    public void Template_semantics_match_the_official_engine(string id)
    {
        var official = engines.Official[id];
        var csharp = engines.CSharp[id];

        if (official.ExpandError is not null)
        {
            Assert.True(csharp.Error is not null, $"The official engine throws ({official.ExpandError}); the C# expander returned {csharp.Result?.ToJsonString()}.");
            return;
        }

        Assert.True(csharp.Error is null, csharp.Error?.Message);
        JsonAssert.Equal(official.Expanded, csharp.Result);
    }

    [Fact]
    public void Semantics_cases_cover_throwing_and_leftover_bindings()
    {
        // Guards the corpus itself: both failure modes of the official engine must stay covered.
        Assert.Contains(CardEnginesFixture.SemanticsCases, c => engines.Official[c.Id].ExpandError is not null);
        Assert.Contains(CardEnginesFixture.SemanticsCases, c => engines.CSharp[c.Id].Unresolved.Count > 0);
    }
}
