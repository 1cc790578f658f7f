using ReviewBot.Cards;

namespace ReviewBot.Tests.Cards;

public sealed class CardTextTests
{
    [Fact]
    public void Short_text_is_unchanged()
    {
        Assert.Equal("Exactly as typed ${x}", CardText.Preview("Exactly as typed ${x}", 100));
    }

    [Fact]
    public void Long_text_is_cut_at_a_word_with_the_marker_within_the_limit()
    {
        var text = string.Join(' ', Enumerable.Repeat("safeguarding", 50));

        var preview = CardText.Preview(text, 100);

        Assert.True(preview.Length <= 100, preview);
        Assert.EndsWith("safeguarding" + CardText.ContinuesMarker, preview, StringComparison.Ordinal);
        Assert.StartsWith(preview[..^CardText.ContinuesMarker.Length], text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emoji_is_never_split()
    {
        var text = new string('a', 86) + string.Concat(Enumerable.Repeat("👍", 20));

        var preview = CardText.Preview(text, 100);

        Assert.False(char.IsHighSurrogate(preview[^(CardText.ContinuesMarker.Length + 1)]));
    }
}
