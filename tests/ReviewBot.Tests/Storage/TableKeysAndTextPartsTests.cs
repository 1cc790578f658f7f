using ReviewBot.Storage;

namespace ReviewBot.Tests.Storage;

public sealed class TableKeysAndTextPartsTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1795465642642", "19:abc@thread.tacv2;messageid=1795465642642")]
    [InlineData("a:1Xyz-_=", "a:1Xyz-_=")]
    [InlineData("a/b\\c#d?e", "a%2Fb%5Cc%23d%3Fe")]
    [InlineData("50%|x\u0001\u007f", "50%25%7Cx%01%7F")]
    public void Keys_escape_only_what_the_table_service_or_our_separator_forbids(string raw, string escaped)
        => Assert.Equal(escaped, TableKeys.Escape(raw));

    [Fact]
    public void Distinct_ids_never_escape_to_the_same_key()
    {
        string[] ids = ["a/b", "a%2Fb", "a|b", "a%7Cb", "a%b", "a%25b"];
        Assert.Equal(ids.Length, ids.Select(TableKeys.Escape).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_prefix_range_ends_just_after_the_prefix()
    {
        Assert.Equal("role}", TableKeys.UpperBound("role|"));
        Assert.True(string.CompareOrdinal("role|\uffff", TableKeys.UpperBound("role|")) < 0);
    }

    [Fact]
    public void Text_is_cut_into_parts_of_at_most_30000_characters_never_inside_a_surrogate_pair()
    {
        var text = new string('a', TextParts.MaxPartLength - 1) + "👶" + new string('b', TextParts.MaxPartLength) + "ł";

        var parts = TextParts.Split(text);

        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.InRange(p.Length, 1, TextParts.MaxPartLength));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1]) || char.IsLowSurrogate(p[0])));
        Assert.Equal(3, parts.Count);
        Assert.Empty(TextParts.Split(string.Empty));
    }
}
