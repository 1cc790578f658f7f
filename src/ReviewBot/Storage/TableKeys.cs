using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace ReviewBot.Storage;

/// <summary>
/// Builds PartitionKey and RowKey values. Table keys may not hold <c>/ \ # ?</c> or control characters, and
/// our row keys use <c>|</c> between parts, so those (and the escape character <c>%</c>) are percent-escaped.
/// Teams ids keep their <c>: ; @ =</c> as they are. Rows also carry their ids as plain columns, so keys never
/// need decoding.
/// </summary>
internal static class TableKeys
{
    /// <summary>Separates the parts of a row key.</summary>
    public const char Separator = '|';

    /// <summary>The escaped form of one key part.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Joins already escaped parts with <see cref="Separator"/>.</summary>
    public static string Join(params string[] parts) => string.Join(Separator, parts);

    /// <summary>A filter for the rows of one partition whose RowKey starts with <paramref name="prefix"/>.</summary>
    public static string PrefixFilter(string partitionKey, string prefix)
        => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {UpperBound(prefix)}");

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>.</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    // Forbidden by the Table service (/ \ # ? and control characters), plus our separator and escape character.
    private static bool NeedsEscape(char c)
        => c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c);
}
