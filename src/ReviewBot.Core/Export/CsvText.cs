using System.Text;

namespace ReviewBot.Core.Export;

/// <summary>
/// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field holding a comma, quote, CR or LF in double
/// quotes with quotes doubled), made safe to open in a spreadsheet: a cell that starts with <c>= + - @</c>, a tab or
/// a carriage return is prefixed with <c>'</c>, so it is read as text, never run as a formula (OWASP, CSV injection).
/// </summary>
public static class CsvText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>The rows as one CSV text, a CRLF after each row.</summary>
    public static string Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>One field, neutralised and quoted as needed.</summary>
    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && FormulaStarts.Contains(text[0]))
        {
            text = "'" + text;
        }

        return text.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
