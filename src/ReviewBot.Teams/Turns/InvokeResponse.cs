using System.Text.Json.Nodes;

namespace ReviewBot.Teams;

/// <summary>The HTTP answer to an invoke activity: a status and a JSON body.</summary>
public sealed class InvokeResponse
{
    /// <summary>Creates an invoke response.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The JSON body, if any.</param>
    public InvokeResponse(int status, JsonNode? body = null)
    {
        Status = status;
        Body = body;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The JSON body, if any.</summary>
    public JsonNode? Body { get; }
}

/// <summary>Invoke responses for Action.Execute (<c>adaptiveCard/action</c>), in the shapes Teams expects.</summary>
public static class AdaptiveCardInvokeResponses
{
    /// <summary>The response type that replaces the card for the user.</summary>
    public const string CardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The response type that shows a short message.</summary>
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>The response type of an error.</summary>
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>
    /// Replaces the card: HTTP 200 with
    /// <c>{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":card}</c>.
    /// </summary>
    /// <param name="card">The new card (copied if it already belongs to another JSON tree).</param>
    /// <returns>The invoke response.</returns>
    public static InvokeResponse Card(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Create(200, CardType, Detach(card));
    }

    /// <summary>
    /// Shows a message: HTTP 200 with
    /// <c>{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":text}</c>.
    /// </summary>
    /// <param name="text">The message.</param>
    /// <returns>The invoke response.</returns>
    public static InvokeResponse Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Create(200, MessageType, JsonValue.Create(text));
    }

    /// <summary>
    /// Reports an error: HTTP 200 (the invoke itself was handled) with
    /// <c>{"statusCode":status,"type":"application/vnd.microsoft.error","value":{"code","message"}}</c>.
    /// </summary>
    /// <param name="status">The error status (4xx or 5xx), e.g. 400, 403, 412 or 500.</param>
    /// <param name="code">A short machine-readable code.</param>
    /// <param name="message">A message for the user (no personal data of others).</param>
    /// <returns>The invoke response.</returns>
    public static InvokeResponse Error(int status, string code, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(message);
        return Create(status, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
    }

    private static InvokeResponse Create(int statusCode, string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });

    private static JsonObject Detach(JsonObject card) => card.Parent is null ? card : (JsonObject)card.DeepClone();
}
