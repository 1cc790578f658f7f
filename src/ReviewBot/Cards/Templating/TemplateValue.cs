using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewBot.Cards.Templating;

/// <summary>
/// A value during expansion. JavaScript tells <c>undefined</c> (missing) from <c>null</c>, and the
/// templating engine behaves differently for each, so this does too: <c>default</c> is undefined.
/// </summary>
internal readonly record struct TemplateValue
{
    private TemplateValue(JsonNode? node)
    {
        IsDefined = true;
        Node = node;
    }

    public static TemplateValue Undefined => default;

    public static TemplateValue Null => new(null);

    public bool IsDefined { get; }

    /// <summary>The JSON value; null for both JSON null and undefined.</summary>
    public JsonNode? Node { get; }

    public JsonValueKind Kind => !IsDefined ? JsonValueKind.Undefined : Node is null ? JsonValueKind.Null : Node.GetValueKind();

    public bool IsNullish => Node is null;

    public static TemplateValue Of(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.Null ? Null : new TemplateValue(node);

    public static TemplateValue Of(string text) => new(JsonValue.Create(text));

    public static TemplateValue Of(bool flag) => new(JsonValue.Create(flag));

    public static TemplateValue Of(int number) => new(JsonValue.Create(number));

    public string GetString() => Node!.GetValue<string>();

    public double GetNumber() => Js.ToDouble(Node!);
}
