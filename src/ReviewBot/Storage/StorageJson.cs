using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewBot.Storage;

/// <summary>How stored documents (cases, board configurations) are serialised: camelCase, enums by name.</summary>
public static class StorageJson
{
    /// <summary>
    /// The serializer options for stored documents. Non-ASCII text is kept as it is rather than escaped
    /// (these documents never reach HTML), so Welsh or Polish narrative does not grow six-fold.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
