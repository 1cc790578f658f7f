using System.Globalization;
using System.Text.RegularExpressions;
using ReviewBot.Core.Dates;

namespace ReviewBot.Core.Referrals;

/// <summary>A choice with other words people use for it (an agency's id, "CIN" for child in need).</summary>
/// <param name="Choice">The choice as shown.</param>
/// <param name="Aliases">Other names for it.</param>
internal sealed record ChoiceOption(ReferralChoice Choice, IReadOnlyList<string> Aliases);

/// <summary>What a piece of text matched.</summary>
/// <param name="Choice">The one choice it matched.</param>
/// <param name="Candidates">The choices it could mean, when more than one.</param>
/// <param name="OutOfRange">A number that is not on the list.</param>
internal sealed record ChoiceMatch(ReferralChoice? Choice, IReadOnlyList<ReferralChoice> Candidates, int? OutOfRange)
{
    public static ChoiceMatch None { get; } = new(null, [], null);
}

/// <summary>
/// Matches typed answers to numbered choices: by number ("3", "#3", "option 3"), by name, by a word of the
/// name ("police"), or one typo away. Card inputs match by value first.
/// </summary>
internal static partial class ChoiceMatcher
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "the", "a", "an", "of", "and", "for", "&" };

    public static ChoiceMatch MatchOne(string text, IReadOnlyList<ChoiceOption> options, bool fromCard)
    {
        var raw = text.Trim();
        if (fromCard && options.FirstOrDefault(o => string.Equals(o.Choice.Value, raw, StringComparison.OrdinalIgnoreCase)) is { } byValue)
        {
            return Matched(byValue.Choice);
        }

        var number = Number().Match(AnswerWords.Normalise(raw));
        if (number.Success && int.TryParse(number.Groups["n"].Value, CultureInfo.InvariantCulture, out var n))
        {
            return options.FirstOrDefault(o => o.Choice.Number == n) is { } numbered ? Matched(numbered.Choice) : new(null, [], n);
        }

        var words = Words(raw);
        if (words.Count == 0)
        {
            return ChoiceMatch.None;
        }

        var joined = string.Join(' ', words);
        var exact = options.Where(o => Names(o).Any(name => string.Join(' ', Words(name)) == joined)).ToList();
        if (exact.Count == 1)
        {
            return Matched(exact[0].Choice);
        }

        var close = options.Where(o => words.All(w => Names(o).SelectMany(Words).Any(x => WordMatches(w, x)))).ToList();
        return close.Count switch
        {
            1 => Matched(close[0].Choice),
            0 => ChoiceMatch.None,
            _ => new(null, [.. close.Select(o => o.Choice)], null),
        };
    }

    /// <summary>
    /// Matches a list such as "1, 3 and police" or "2-4". Returns the choices in the order given, or a problem
    /// naming the piece that did not match.
    /// </summary>
    public static (IReadOnlyList<ReferralChoice> Chosen, string? Problem) MatchMany(
        string text, IReadOnlyList<ChoiceOption> options, bool fromCard, string listName)
    {
        if (fromCard)
        {
            var values = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var byValue = values.Select(v => options.FirstOrDefault(o => string.Equals(o.Choice.Value, v, StringComparison.OrdinalIgnoreCase))).ToList();
            if (values.Length > 0 && byValue.All(o => o is not null))
            {
                return ([.. byValue.Select(o => o!.Choice).Distinct()], null);
            }
        }

        var chosen = new List<ReferralChoice>();
        foreach (var piece in ListSeparators().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var problem = MatchPiece(piece, options, listName, chosen);
            if (problem is not null)
            {
                return ([], problem);
            }
        }

        return chosen.Count == 0
            ? ([], "Please choose from the list: type the numbers, for example 1, 3.")
            : ([.. chosen.Distinct()], null);
    }

    public static string Describe(ChoiceMatch match, string piece, IReadOnlyList<ChoiceOption> options, string listName)
    {
        if (match.OutOfRange is { } n)
        {
            return $"There is no number {n} on the list: choose from 1 to {options.Count}.";
        }

        return match.Candidates.Count > 1
            ? $"“{piece}” could mean more than one {listName}: {string.Join(" or ", match.Candidates.Select(c => $"{c.Number} ({c.Label})"))}. Type the number."
            : $"I couldn't find “{piece}” on the list. Type the numbers from the list.";
    }

    private static string? MatchPiece(string piece, IReadOnlyList<ChoiceOption> options, string listName, List<ReferralChoice> chosen)
    {
        var clean = LeadingJoin().Replace(piece, string.Empty).Trim();
        if (clean.Length == 0)
        {
            return null;
        }

        var range = NumberRange().Match(clean);
        if (range.Success)
        {
            var from = int.Parse(range.Groups["from"].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(range.Groups["to"].Value, CultureInfo.InvariantCulture);
            var inRange = options.Where(o => o.Choice.Number >= Math.Min(from, to) && o.Choice.Number <= Math.Max(from, to)).Select(o => o.Choice).ToList();
            if (from < 1 || to < 1 || Math.Max(from, to) > options.Count)
            {
                return $"There is no number {Math.Max(from, to)} on the list: choose from 1 to {options.Count}.";
            }

            chosen.AddRange(inRange);
            return null;
        }

        var match = MatchOne(clean, options, fromCard: false);
        if (match.Choice is { } one)
        {
            chosen.Add(one);
            return null;
        }

        // "3 and police", "1 2 5": split further only when the whole piece is not a name.
        var parts = AndOrSpaceBetweenNumbers().Split(clean).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count > 1)
        {
            foreach (var part in parts)
            {
                var problem = MatchPiece(part, options, listName, chosen);
                if (problem is not null)
                {
                    return problem;
                }
            }

            return null;
        }

        return Describe(match, clean, options, listName);
    }

    private static bool WordMatches(string typed, string word)
        => Spelling.IsCloseTo(typed, word, 5) || (typed.Length >= 3 && word.StartsWith(typed, StringComparison.Ordinal));

    private static IEnumerable<string> Names(ChoiceOption option) => [option.Choice.Label, option.Choice.Value, .. option.Aliases];

    private static List<string> Words(string text)
        => [.. NonWord().Split(AnswerWords.Normalise(text).Replace("'", string.Empty, StringComparison.Ordinal))
            .Where(w => w.Length > 0 && !Filler.Contains(w))];

    private static ChoiceMatch Matched(ReferralChoice choice) => new(choice, [choice], null);

    [GeneratedRegex(@"^(?:no\.?|number|option|#)?\s*\(?(?<n>\d{1,4})\)?\.?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?<from>\d{1,3})\s*(?:-|to)\s*(?<to>\d{1,3})$")]
    private static partial Regex NumberRange();

    [GeneratedRegex(@"[,;\n+&]")]
    private static partial Regex ListSeparators();

    [GeneratedRegex(@"^(?:and|or)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingJoin();

    [GeneratedRegex(@"\s+(?:and|or)\s+|(?<=\d)\s+(?=\d)|(?<=\d)\s+(?=[a-zA-Z])|(?<=[a-zA-Z])\s+(?=\d)", RegexOptions.IgnoreCase)]
    private static partial Regex AndOrSpaceBetweenNumbers();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();
}
