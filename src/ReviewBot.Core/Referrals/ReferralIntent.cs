using System.Globalization;
using System.Text.RegularExpressions;
using ReviewBot.Core.Dates;

namespace ReviewBot.Core.Referrals;

/// <summary>Recognises a request to start a referral ("refer", "new referral", "make a referal").</summary>
public static partial class ReferralIntent
{
    private static readonly string[][] Phrases =
    [
        ["refer"], ["referral"], ["new", "referral"], ["make", "a", "referral"], ["make", "referral"], ["start", "a", "referral"],
        ["start", "referral"], ["start", "a", "new", "referral"], ["make", "a", "new", "referral"], ["refer", "a", "case"],
        ["refer", "a", "child"], ["new", "case", "referral"],
    ];

    private static readonly string[][] Lead =
        [[], ["i", "want", "to"], ["i", "would", "like", "to"], ["id", "like", "to"], ["i", "need", "to"], ["can", "i"], ["please"], ["lets"]];

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// True when <paramref name="text"/> asks to start a referral: one of the phrases, in any case, with a
    /// polite lead-in ("I want to", "please") or "please" after, and at most one slip per longer word.
    /// Sentences that merely contain "refer" ("I prefer tea") are not.
    /// </summary>
    public static bool IsStartCommand(string? text)
    {
        var words = Words(text);
        if (words.Count > 0 && words[^1] == "please")
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Count > 0 && Lead.Any(lead => StartsWith(words, lead) && Phrases.Any(p => Matches(words.Skip(lead.Length).ToList(), p)));
    }

    private static bool StartsWith(List<string> words, string[] lead)
        => words.Count > lead.Length && lead.Select((w, i) => words[i] == w).All(same => same);

    private static bool Matches(List<string> words, string[] phrase)
        => words.Count == phrase.Length && words.Select((w, i) => Close(w, phrase[i], words.Count == 1)).All(close => close);

    /// <summary>
    /// Doubled letters are forgiven ("refferal", "reffer"); beyond that one slip for words of four letters
    /// or more, but a lone word needs seven ("referal" yes, "prefer" or "defer" no).
    /// </summary>
    private static bool Close(string typed, string word, bool alone)
    {
        var t = Undouble(typed);
        var w = Undouble(word);
        return t == w || (w.Length >= (alone ? 7 : 4) && Spelling.Distance(t, w) <= 1);
    }

    private static string Undouble(string word) => DoubledLetter().Replace(word, "$1");

    private static List<string> Words(string? text)
    {
        var s = AtMention().Replace(text ?? string.Empty, " ").ToLower(English).Replace("'", string.Empty, StringComparison.Ordinal);
        return [.. NonLetters().Split(s).Where(w => w.Length > 0)];
    }

    [GeneratedRegex(@"(.)\1+")]
    private static partial Regex DoubledLetter();

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtMention();

    [GeneratedRegex(@"[^a-z]+")]
    private static partial Regex NonLetters();
}
