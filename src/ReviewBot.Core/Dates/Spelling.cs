namespace ReviewBot.Core.Dates;

/// <summary>Typo tolerance for words people type in chat ("Febuary", "refferal").</summary>
internal static class Spelling
{
    /// <summary>
    /// Edits (insert, delete, substitute, swap two neighbours) needed to turn one word into the other:
    /// the optimal string alignment form of the Damerau-Levenshtein distance.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// True when <paramref name="typed"/> is <paramref name="word"/> or one slip away from it. Short words
    /// (under <paramref name="minLengthForTypo"/> letters) must match exactly: "jun" is not "jul".
    /// </summary>
    public static bool IsCloseTo(string typed, string word, int minLengthForTypo = 4)
        => string.Equals(typed, word, StringComparison.Ordinal)
        || (typed.Length >= minLengthForTypo && word.Length >= minLengthForTypo && Distance(typed, word) <= 1);
}
