using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ReviewBot.Teams;

/// <summary>The JSON settings of the Bot Framework wire format: camelCase names, null values omitted.</summary>
public static class TeamsJson
{
    /// <summary>
    /// Read-only serializer options for activities and every other protocol type in this assembly
    /// (camelCase, case-insensitive on read, nulls omitted on write).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Letters outside ASCII (names, Welsh, accents) go as UTF-8, not six-byte \u escapes, so a card with a
            // long account fits Teams' 28 KB; HTML-sensitive characters are still escaped.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
