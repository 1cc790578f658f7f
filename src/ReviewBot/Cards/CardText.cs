namespace ReviewBot.Cards;

/// <summary>Keeps long user text inside a card's size budget (Teams drops messages over 28 KB).</summary>
public static class CardText
{
    /// <summary>Appended where text was cut, so nobody mistakes a preview for the whole.</summary>
    public const string ContinuesMarker = " (continues…)";

    /// <summary>
    /// <paramref name="text"/> unchanged when it fits in <paramref name="maxLength"/> characters; otherwise
    /// cut at a word boundary near the limit, with <see cref="ContinuesMarker"/> appended (the result,
    /// marker included, fits the limit).
    /// </summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="maxLength">Most characters to keep; at least 40.</param>
    /// <returns>The text or its preview.</returns>
    public static string Preview(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 40);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - ContinuesMarker.Length;
        var space = text.LastIndexOfAny([' ', '\n', '\t'], cut, Math.Min(cut, 40));
        cut = space > 0 ? space : cut;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + ContinuesMarker;
    }

    /// <summary>
    /// <paramref name="text"/> whole, as paragraphs of at most <paramref name="maxBlock"/> characters: split
    /// at blank lines and line breaks, and overlong paragraphs at the last space before the limit.
    /// </summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="maxBlock">Most characters in one paragraph; at least 40.</param>
    /// <returns>The paragraphs, none empty, together holding every word of the text.</returns>
    public static IReadOnlyList<string> Paragraphs(string text, int maxBlock)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlock, 40);
        var blocks = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = line;
            while (rest.Length > maxBlock)
            {
                var cut = rest.LastIndexOf(' ', maxBlock - 1, maxBlock / 2);
                cut = cut > 0 ? cut : char.IsHighSurrogate(rest[maxBlock - 1]) ? maxBlock - 1 : maxBlock;
                blocks.Add(rest[..cut].TrimEnd());
                rest = rest[cut..].TrimStart();
            }

            if (rest.Length > 0)
            {
                blocks.Add(rest);
            }
        }

        return blocks;
    }
}
