using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace ReviewBot.Tests.Cards;

/// <summary>Structural JSON equality: object member order ignored, numbers by value, failures name the path.</summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual, string because = "")
    {
        var difference = FirstDifference(expected, actual, "$");
        if (difference is not null)
        {
            throw new XunitException($"JSON differs at {difference}. {because}");
        }
    }

    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (null, _) or (_, null):
                return $"{path}: expected {Show(expected)}, got {Show(actual)}";
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.TryGetPropertyValue(key, out var other))
                    {
                        return $"{path}.{key}: missing (expected {Show(value)})";
                    }

                    var inner = FirstDifference(value, other, $"{path}.{key}");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                var extra = a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra}: unexpected {Show(a[extra])}";
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    var inner = FirstDifference(e[i], a[i], $"{path}[{i}]");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return e.Count == a.Count ? null : $"{path}: expected {e.Count} items, got {a.Count}";
            case (JsonValue e, JsonValue a):
                var kind = e.GetValueKind();
                if (kind != a.GetValueKind())
                {
                    return $"{path}: expected {Show(e)}, got {Show(a)}";
                }

                var same = kind switch
                {
                    JsonValueKind.Number => Number(e) == Number(a),
                    JsonValueKind.String => e.GetValue<string>() == a.GetValue<string>(),
                    _ => true,
                };
                return same ? null : $"{path}: expected {Show(e)}, got {Show(a)}";
            default:
                return $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
