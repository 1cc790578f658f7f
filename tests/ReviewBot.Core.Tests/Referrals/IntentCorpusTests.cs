using ReviewBot.Core.Referrals;
using Xunit.Abstractions;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>Scores the recogniser on the shipped corpus of realistic messages (Data/intent-corpus.tsv).</summary>
public class IntentCorpusTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, ChatIntentKind> Names = new(StringComparer.Ordinal)
    {
        ["start"] = ChatIntentKind.StartReferral, ["status"] = ChatIntentKind.Status, ["tasks"] = ChatIntentKind.MyTasks,
        ["help"] = ChatIntentKind.Help, ["cancel"] = ChatIntentKind.Cancel, ["greeting"] = ChatIntentKind.Greeting,
        ["thanks"] = ChatIntentKind.Thanks, ["other"] = ChatIntentKind.Other,
    };

    public static TheoryData<string> Splits => new() { "dev", "holdout" };

    [Fact]
    public void The_corpus_has_at_least_150_messages_covering_every_intent()
    {
        var corpus = Corpus();
        Assert.True(corpus.Count >= 150, $"{corpus.Count} messages");
        Assert.All(Names.Values, kind => Assert.Contains(corpus, m => m.Expected == kind));
        Assert.True(corpus.Count(m => m.Split == "holdout") >= 75);
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void At_least_97_percent_are_read_right_and_nothing_else_starts_a_referral(string split)
    {
        var messages = Corpus().Where(m => m.Split == split).ToList();
        var wrong = messages.Select(m => (m, Got: ChatIntentRecogniser.Recognise(m.Text).Kind)).Where(x => x.Got != x.m.Expected).ToList();
        foreach (var (m, got) in wrong)
        {
            output.WriteLine($"{m.Expected} read as {got}: {m.Text}");
        }

        var right = (messages.Count - wrong.Count) / (double)messages.Count;
        output.WriteLine($"{split}: {messages.Count - wrong.Count} of {messages.Count} right ({right:P1})");
        Assert.True(right >= 0.97, $"{right:P1} right on {split}");
        Assert.DoesNotContain(wrong, x => x.Got == ChatIntentKind.StartReferral);
    }

    [Theory]
    [InlineData("status SCR-2026-0001", "SCR-2026-0001")]
    [InlineData("What's happening with scr-2026-0012?", "SCR-2026-0012")]
    [InlineData("where is cspr 2026 3 up to", "CSPR-2026-0003")]
    [InlineData("status of my referral", null)]
    public void A_status_request_carries_the_case_it_names(string text, string? reference)
    {
        var intent = ChatIntentRecogniser.Recognise(text);
        Assert.Equal(ChatIntentKind.Status, intent.Kind);
        Assert.Equal(reference, intent.CaseReference);
    }

    private static List<(ChatIntentKind Expected, string Split, string Text)> Corpus()
        => [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Referrals", "Data", "intent-corpus.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 3))
            .Select(p => (Names[p[0]], p[1], p[2]))];
}
