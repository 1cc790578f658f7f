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
}
