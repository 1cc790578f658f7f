using ReviewBot.Bot;
using ReviewBot.Teams;

namespace ReviewBot.Tests.Security;

/// <summary>
/// Mention stripping over hostile text. The old <c>&lt;at&gt;.*?&lt;/at&gt;</c> backtracked to the end of the line
/// from every unclosed tag (quadratic: 100,000 tags took minutes); the scanner is one pass. The watchdog only
/// detects a hang, far above a linear cost; the cost itself is measured by <c>make bench-mentions</c>
/// (docs/performance.md).
/// </summary>
public sealed class MentionCostTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(30);
    private static readonly string UnclosedTags = string.Concat(Enumerable.Repeat("<at>", 100_000));

    [Fact]
    public async Task A_hundred_thousand_unclosed_tags_are_left_as_they_are()
    {
        var stripped = await Task.Run(() => ChatCommands.WithoutMentions(UnclosedTags + " help")).WaitAsync(Watchdog);

        Assert.Equal(UnclosedTags + " help", stripped);
    }

    [Fact]
    public async Task A_hundred_thousand_unclosed_tags_on_many_lines_are_left_as_they_are()
    {
        var lines = string.Join('\n', Enumerable.Repeat(string.Concat(Enumerable.Repeat("<at>", 100)) + "</a", 1_000));

        var stripped = await Task.Run(() => MentionText.Strip(lines)).WaitAsync(Watchdog);

        Assert.Equal(lines, stripped);
    }

    [Fact]
    public async Task A_hundred_thousand_unclosed_tags_before_a_closing_tag_are_one_mention()
    {
        // Leftmost match, as the expression had it: from the first <at> to the first </at>.
        var stripped = await Task.Run(() => ChatCommands.WithoutMentions(UnclosedTags + "ReviewBot</at> help")).WaitAsync(Watchdog);

        Assert.Equal("help", stripped);
    }

    [Theory]
    [InlineData("<at>ReviewBot</at> refer", "refer")]
    [InlineData("<AT>Review Bot</At>status SCR-2026-0001", "status SCR-2026-0001")]
    [InlineData("<at>A</at> and <at>B</at> help", "and   help")]
    [InlineData("<at>A\n</at> help", "<at>A\n</at> help")]
    [InlineData("<at>A <at>B</at> x", "x")]
    [InlineData("a </at> <at>", "a </at> <at>")]
    [InlineData("<at>A</a t> </AT>", "")]
    [InlineData("no mentions", "no mentions")]
    public void Mentions_are_stripped_as_before(string text, string expected)
    {
        Assert.Equal(expected, ChatCommands.WithoutMentions(text));
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(text, "<at>.*?</at>", " ", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Trim(), expected);
    }
}
