using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>
/// The shapes of text that made the intent reader's regular expressions backtrack (quadratic in the text): many
/// unclosed <c>&lt;at&gt;</c>, a case-reference prefix before a long run of spaces, a long word without an
/// apostrophe; and, as a guard, a long run of spaces in a list of choices. Each is 100,000 units long; with backtracking each took
/// minutes. The watchdog is a hang detector set far above any linear cost, not a timing claim: the costs are
/// measured in docs/performance.md.
/// </summary>
public class HostileTextTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> Texts => new()
    {
        { "unclosed mentions", string.Concat(Enumerable.Repeat("<at>", 100_000)) + " refer" },
        { "scr then spaces", "status scr" + new string(' ', 100_000) + "x" },
        { "scr year then spaces", "status scr 2026" + new string(' ', 100_000) + "x" },
        { "one long word", "status " + new string('a', 100_000) + "x" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task The_intent_reader_reads_hostile_text_as_nothing_in_linear_time(string shape, string text)
    {
        var intent = await WithinWatchdog(() => ChatIntentRecogniser.Recognise(text));

        Assert.Null(intent.CaseReference);
        Assert.NotEmpty(shape);
    }

    [Fact]
    public async Task A_mention_closed_after_a_hundred_thousand_unclosed_tags_is_one_mention()
    {
        var text = string.Concat(Enumerable.Repeat("<at>", 100_000)) + "ReviewBot</at> status SCR-2026-0001";

        var intent = await WithinWatchdog(() => ChatIntentRecogniser.Recognise(text));

        Assert.Equal(new ChatIntent(ChatIntentKind.Status, "SCR-2026-0001"), intent);
    }

    [Fact]
    public async Task Choices_separated_by_a_hundred_thousand_spaces_are_read_in_linear_time()
    {
        // Straight to the matcher: the conversation itself refuses an answer this long before reading it.
        var text = "1" + new string(' ', 100_000) + "x" + new string(' ', 100_000) + "and 2";

        var (_, problem) = await WithinWatchdog(() => ChoiceMatcher.MatchMany(text, [], fromCard: false, "agencies"));

        Assert.NotNull(problem);
    }

    /// <summary>Runs the reading on the pool; a TimeoutException fails the test if it hangs.</summary>
    private static Task<T> WithinWatchdog<T>(Func<T> read) => Task.Run(read).WaitAsync(Watchdog);
}
