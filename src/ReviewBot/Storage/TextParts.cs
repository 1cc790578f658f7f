using Azure.Data.Tables;

namespace ReviewBot.Storage;

/// <summary>
/// Long text in table properties. A string property holds at most 32K UTF-16 characters (64 KiB), so text is
/// cut into parts of at most <see cref="MaxPartLength"/> characters, never between the two halves of a
/// surrogate pair (a lone half would not survive UTF-8 on the wire).
/// </summary>
internal static class TextParts
{
    /// <summary>Characters per property: under the 32K limit with room to spare.</summary>
    public const int MaxPartLength = 30_000;

    /// <summary>Cuts <paramref name="text"/> into parts of at most <see cref="MaxPartLength"/> characters.</summary>
    public static List<string> Split(string text)
    {
        var parts = new List<string>(text.Length / MaxPartLength + 1);
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(MaxPartLength, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            parts.Add(text.Substring(start, length));
            start += length;
        }

        return parts;
    }

    /// <summary>Writes parts as properties <c>{name}0</c>, <c>{name}1</c>… and their count as <c>{name}Parts</c>.</summary>
    public static void Write(TableEntity entity, string name, IReadOnlyList<string> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            entity[name + i] = parts[i];
        }

        entity[name + "Parts"] = parts.Count;
    }

    /// <summary>Reads what <see cref="Write"/> wrote, appending to <paramref name="text"/>.</summary>
    public static void Read(TableEntity entity, string name, System.Text.StringBuilder text)
    {
        var count = entity.GetInt32(name + "Parts") ?? 0;
        for (var i = 0; i < count; i++)
        {
            text.Append(entity.GetString(name + i) ?? throw new InvalidDataException($"Row {entity.RowKey} lacks part {i}."));
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static string Read(TableEntity entity, string name)
    {
        var text = new System.Text.StringBuilder();
        Read(entity, name, text);
        return text.ToString();
    }
}
