using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ReviewBot.Teams;

/// <summary>An attachment to an activity, typically an Adaptive Card.</summary>
public sealed class Attachment
{
    /// <summary>The content type of an Adaptive Card attachment.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The MIME type of the content, e.g. <see cref="AdaptiveCardContentType"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>The content (for cards, the card JSON).</summary>
    public JsonNode? Content { get; set; }

    /// <summary>The name of the attachment, if any.</summary>
    public string? Name { get; set; }

    /// <summary>Fields this model does not name (e.g. <c>contentUrl</c>), kept for round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
