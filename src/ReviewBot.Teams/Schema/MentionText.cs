using System.Text;

namespace ReviewBot.Teams;

/// <summary>
/// The <c>&lt;at&gt;Name&lt;/at&gt;</c> markup Teams puts in a message's text for each @mention. Removed here
/// in one pass over the text: the regular expression <c>&lt;at&gt;.*?&lt;/at&gt;</c> this replaces scanned to the
/// end of the line from every unclosed tag (quadratic: 34 s of CPU for 234 KB of <c>&lt;at&gt;</c>).
/// </summary>
public static class MentionText
{
    private const string Open = "<at>";
    private const string Close = "</at>";

    /// <summary>
    /// Replaces each mention with one space, matching as <c>&lt;at&gt;.*?&lt;/at&gt;</c> did (case-insensitive; from
    /// an opening tag to the first closing tag after it on the same line), in time linear in the text's length.
    /// </summary>
    /// <param name="text">The message text.</param>
    /// <returns>The text with its mentions replaced by spaces (not trimmed).</returns>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? stripped = null;
        var copied = 0;
        var from = 0;
        while (from < text.Length)
        {
            var open = text.IndexOf(Open, from, StringComparison.OrdinalIgnoreCase);
            if (open < 0)
            {
                break;
            }

            var lineEnd = text.IndexOf('\n', open);
            var searchEnd = lineEnd < 0 ? text.Length : lineEnd;
            var close = IndexOfClose(text, open + Open.Length, searchEnd);
            if (close < 0)
            {
                // No closing tag on this line: no opening tag before the line's end can match either.
                if (lineEnd < 0)
                {
                    break;
                }

                from = lineEnd + 1;
                continue;
            }

            stripped ??= new StringBuilder(text.Length);
            stripped.Append(text, copied, open - copied).Append(' ');
            copied = from = close + Close.Length;
        }

        return stripped is null ? text : stripped.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// The first <c>&lt;/at&gt;</c> (any case) in [from, end), or -1. Searches for the ordinal pair <c>&lt;/</c> first:
    /// a text of many <c>&lt;at&gt;</c> has a candidate '&lt;' every four characters but never that pair.
    /// </summary>
    private static int IndexOfClose(string text, int from, int end)
    {
        while (from < end)
        {
            var at = text.IndexOf("</", from, end - from, StringComparison.Ordinal);
            if (at < 0 || at + Close.Length > end)
            {
                return -1;
            }

            if (text.AsSpan(at + 2, Close.Length - 2).Equals("at>", StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }
}
