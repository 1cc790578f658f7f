using System.Text;
using System.Text.Json.Nodes;
using ReviewBot.Cards;

namespace ReviewBot.Tests.Cards;

/// <summary>The person who submits sees the whole account of what happened, and the card still fits Teams.</summary>
[Collection(CardEnginesGroup.Name)]
public sealed class SummaryCardTests(CardEnginesFixture engines)
{
    private const string Longest = "referral-summary (maximum longest)";

    [Fact]
    public void The_summary_with_the_longest_answers_shows_the_whole_account_validates_at_1_5_and_fits()
    {
        var card = engines.CSharp[Longest].Result!;
        var account = MaximumCardData.Words(MaximumCardData.LongestAccount);
        var whatHappened = CardRules.Objects(card)
            .Where(o => (string?)o["type"] == "Container" && o["items"] is JsonArray items && items.Count > 1)
            .Select(o => string.Join(" ", o["items"]!.AsArray().Skip(1).Select(i => (string?)i!["text"])))
            .Single(t => t.Length >= MaximumCardData.LongestAccount - 100);

        Assert.Equal(Collapse(account), Collapse(whatHappened));
        Assert.DoesNotContain(CardText.ContinuesMarker, whatHappened, StringComparison.Ordinal);
        Assert.Empty(engines.Official[Longest].ParseErrors);
        Assert.Empty(engines.Official[Longest].ValidationErrors);
        var size = Encoding.UTF8.GetByteCount(card.ToJsonString());
        Assert.True(size <= (28 * 1024) - 1024, $"{size} bytes");
    }

    [Fact]
    public void Long_paragraphs_are_split_into_blocks_that_keep_every_word()
    {
        var text = MaximumCardData.Words(4500) + "\n\nSecond paragraph.";
        var blocks = CardText.Paragraphs(text, 2000);

        Assert.Equal(4, blocks.Count);
        Assert.All(blocks, b => Assert.InRange(b.Length, 1, 2000));
        Assert.Equal(Collapse(text), Collapse(string.Join(" ", blocks)));
    }

    private static string Collapse(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
