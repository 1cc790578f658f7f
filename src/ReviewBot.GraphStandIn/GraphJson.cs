using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ReviewBot.GraphStandIn;

/// <summary>
/// Graph's wire rules: requests matched case-insensitively (action bodies arrive PascalCase, entities
/// camelCase), replies camelCase without nulls, errors as Graph JSON errors (https://learn.microsoft.com/graph/errors).
/// </summary>
public static class GraphJson
{
    /// <summary>Serializer options for requests and replies.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a request body, or null when it is not JSON of the expected shape.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A JSON reply.</summary>
    public static IResult Reply(object value, int status = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: status);

    /// <summary>A Graph error reply: <c>{"error":{"code","message","innerError":{...}}}</c>.</summary>
    public static IResult Error(HttpContext context, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["request-id"] = context.TraceIdentifier,
                    ["client-request-id"] = context.Request.Headers["client-request-id"].ToString(),
                },
            },
        };
        return Results.Json(body, Options, statusCode: status);
    }

    /// <summary>400 for a body that is missing or not JSON.</summary>
    public static IResult BadBody(HttpContext context)
        => Error(context, StatusCodes.Status400BadRequest, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
}
