using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewBot.Cards.Templating;

/// <summary>
/// A template parsed once ("prepared", as the official engine calls it) and expanded many times.
/// Every node knows its JSON pointer in the template, for error messages that name no data.
/// </summary>
internal abstract class TemplateNode(string location)
{
    /// <summary>Properties the engine consumes and never copies to the card.</summary>
    private static readonly HashSet<string> ReservedKeys = new(StringComparer.Ordinal) { "$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion" };

    public string Location { get; } = location;

    public static TemplateNode Prepare(JsonNode? node, string location) => node switch
    {
        JsonArray array => new ArrayNode(array.Select((item, i) => Prepare(item, $"{location}/{i}")).ToList(), location),
        JsonObject obj => PrepareObject(obj, location),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => PrepareString(value.GetValue<string>(), location),
        _ => new LiteralNode(node, location),
    };

    private static ObjectNode PrepareObject(JsonObject obj, string location)
    {
        var properties = obj
            .Where(p => !ReservedKeys.Contains(p.Key))
            .Select(p => (p.Key, Prepare(p.Value, location + "/" + Escape(p.Key))))
            .ToList();
        var when = obj.TryGetPropertyValue("$when", out var whenNode) ? Prepare(whenNode, location + "/$when") : null;
        TemplateNode? data = null;
        if (obj.TryGetPropertyValue("$data", out var dataNode))
        {
            data = Prepare(dataNode, location + "/$data");
            if (data is ArrayNode or ObjectNode && dataNode!.ToJsonString().Contains("${", StringComparison.Ordinal))
            {
                throw new TemplateSyntaxException($"{location}/$data: bind $data to one expression (\"${{items}}\"), not to literal JSON holding expressions.");
            }

            data = data is ArrayNode or ObjectNode ? new LiteralNode(dataNode, data.Location) : data;
        }

        return new ObjectNode(properties, when, data, location);
    }

    /// <summary>
    /// A string becomes a literal, a whole-value binding (exactly one <c>${...}</c> that is not a
    /// constant: it keeps the value's JSON type) or an interpolation (always a string), following the
    /// adaptive-expressions lexer: <c>\$</c> and <c>\`</c> escape, everything else is text.
    /// </summary>
    private static TemplateNode PrepareString(string text, string location)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return new LiteralNode(JsonValue.Create(text), location);
        }

        var parts = new List<(Expr Expression, string? Source)> { (new ConstantExpr(TemplateValue.Of(string.Empty)), null) };
        var run = new StringBuilder();
        void Flush()
        {
            if (run.Length > 0)
            {
                parts.Add((new ConstantExpr(TemplateValue.Of(run.ToString())), null));
                run.Clear();
            }
        }

        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c == '`')
            {
                throw new TemplateSyntaxException($"{location}: a string with ${{...}} cannot hold a bare backtick; write \\` instead.");
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '`' or '$')
            {
                Flush();
                parts.Add((new ConstantExpr(TemplateValue.Of(text[i + 1].ToString())), null));
                i += 2;
                continue;
            }

            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = MatchBinding(text, i, location);
                var source = text[(i + 2)..(end - 1)].Trim();
                Flush();
                try
                {
                    parts.Add((ExpressionParser.Parse(source), source));
                }
                catch (TemplateSyntaxException e)
                {
                    throw new TemplateSyntaxException($"{location}: ${{{source}}}: {e.Message}");
                }

                i = end;
                continue;
            }

            run.Append(c);
            i++;
        }

        Flush();
        return parts.Count == 2 && !parts[1].Expression.IsConstant
            ? new BindingNode(parts[1].Expression, parts[1].Source!, location)
            : new InterpolationNode(parts, location);
    }

    /// <summary>The end (exclusive) of the <c>${...}</c> starting at <paramref name="start"/>, as the lexer's TEMPLATE token.</summary>
    private static int MatchBinding(string text, int start, string location)
    {
        var units = 0;
        for (var i = start + 2; i < text.Length;)
        {
            switch (text[i])
            {
                case '}' when units > 0:
                    return i + 1;
                case '\'' or '"':
                    var quote = text[i++];
                    while (i < text.Length && text[i] != quote)
                    {
                        i += text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == quote || text[i + 1] == '\\') ? 2 : 1;
                    }

                    if (i >= text.Length)
                    {
                        i = text.Length;
                        continue;
                    }

                    i++;
                    units++;
                    continue;
                case '{':
                    throw new TemplateSyntaxException($"{location}: object literals inside ${{...}} are not supported.");
                case '}' or '\r' or '\n' or '`':
                    i = text.Length;
                    continue;
                default:
                    i++;
                    units++;
                    continue;
            }
        }

        throw new TemplateSyntaxException($"{location}: '${{' without a matching '}}'; write \\${{ for a literal.");
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

/// <summary>JSON copied as it is. Kept as an immutable element, so templates can be expanded concurrently.</summary>
internal sealed class LiteralNode(JsonNode? value, string location) : TemplateNode(location)
{
    private readonly JsonElement? element = value is null ? null : JsonSerializer.SerializeToElement(value);

    /// <summary>A fresh copy of the value.</summary>
    public JsonNode? Value => element switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } e => JsonObject.Create(e),
        { ValueKind: JsonValueKind.Array } e => JsonArray.Create(e),
        { } e => JsonValue.Create(e),
    };
}

/// <summary>A string that is exactly one <c>${expression}</c>: the result keeps its JSON type.</summary>
internal sealed class BindingNode(Expr expression, string source, string location) : TemplateNode(location)
{
    public Expr Expression { get; } = expression;

    public string Source { get; } = source;
}

/// <summary>A string mixing text and expressions: the result is a string.</summary>
internal sealed class InterpolationNode(IReadOnlyList<(Expr Expression, string? Source)> parts, string location) : TemplateNode(location)
{
    public IReadOnlyList<(Expr Expression, string? Source)> Parts { get; } = parts;
}

internal sealed class ArrayNode(IReadOnlyList<TemplateNode> items, string location) : TemplateNode(location)
{
    public IReadOnlyList<TemplateNode> Items { get; } = items;
}

/// <summary>An object, with its optional <c>$when</c> and <c>$data</c>.</summary>
internal sealed class ObjectNode(IReadOnlyList<(string Key, TemplateNode Value)> properties, TemplateNode? when, TemplateNode? data, string location)
    : TemplateNode(location)
{
    public IReadOnlyList<(string Key, TemplateNode Value)> Properties { get; } = properties;

    public TemplateNode? When { get; } = when;

    public TemplateNode? Data { get; } = data;
}
