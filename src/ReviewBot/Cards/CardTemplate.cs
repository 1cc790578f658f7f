using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewBot.Cards.Templating;

namespace ReviewBot.Cards;

/// <summary>
/// An Adaptive Card template in the Adaptive Cards templating language, parsed once and expanded with
/// the same results as the official JavaScript engine (adaptivecards-templating 2.3.1) for the subset
/// the cards use: <c>${path}</c> bindings (<c>$root</c>, <c>$data</c>, <c>$index</c>, <c>a.b[0].c</c>),
/// whole-value bindings that keep the value's JSON type, interpolation inside strings, <c>$data</c>
/// (arrays repeat the element), <c>$when</c>, and the functions if, not, and, or, equals, empty, exists,
/// count. Anything else is rejected when the template is parsed. Data is never parsed as a template.
/// </summary>
public sealed class CardTemplate
{
    private readonly TemplateNode root;

    private CardTemplate(string name, TemplateNode root)
    {
        Name = name;
        this.root = root;
    }

    /// <summary>The name used in error messages (e.g. the card's file name).</summary>
    public string Name { get; }

    /// <summary>Parses a template.</summary>
    /// <param name="name">A name for error messages.</param>
    /// <param name="json">The template JSON.</param>
    /// <exception cref="CardTemplateException">The JSON is invalid or uses syntax outside the supported subset.</exception>
    public static CardTemplate Parse(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new CardTemplateException(name, $"Card template '{name}' is not valid JSON (line {e.LineNumber + 1}).", e);
        }

        return Parse(name, node);
    }

    /// <summary>Parses a template already read as JSON (the node is copied, not kept).</summary>
    /// <param name="name">A name for error messages.</param>
    /// <param name="template">The template.</param>
    /// <exception cref="CardTemplateException">The template uses syntax outside the supported subset.</exception>
    public static CardTemplate Parse(string name, JsonNode? template)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return new CardTemplate(name, TemplateNode.Prepare(template, string.Empty));
        }
        catch (TemplateSyntaxException e)
        {
            throw new CardTemplateException(name, $"Card template '{name}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Expands the template with <paramref name="data"/> as <c>$root</c>. Mirrors the JavaScript engine,
    /// including its leftovers: where data is missing the result holds the literal <c>${...}</c> text,
    /// and <see cref="CardExpansion.Unresolved"/> says where.
    /// </summary>
    /// <param name="data">The data, usually a JSON object.</param>
    /// <exception cref="CardTemplateException">Where the JavaScript engine throws (an expression error, or
    /// a null value interpolated into a string).</exception>
    public CardExpansion Expand(JsonNode? data)
    {
        var expander = new TemplateExpander(data);
        try
        {
            var result = expander.Expand(root);
            var unresolved = expander.Unresolved
                .Distinct()
                .Select(u => new CardBindingProblem(u.Location, u.Expression))
                .ToList();
            return new CardExpansion(result.Node, unresolved);
        }
        catch (TemplateExpansionException e)
        {
            throw new CardTemplateException(Name, $"Card template '{Name}': {e.Message}", e) { Location = e.Location, Expression = e.Expression };
        }
        catch (JsTypeErrorException e)
        {
            throw new CardTemplateException(Name, $"Card template '{Name}' failed to expand.", e);
        }
    }
}

/// <summary>The result of expanding a template.</summary>
/// <param name="Result">The expanded JSON (null when the root was dropped by <c>$when</c>).</param>
/// <param name="Unresolved">Bindings that did not resolve (missing data), in template order.</param>
public sealed record CardExpansion(JsonNode? Result, IReadOnlyList<CardBindingProblem> Unresolved);

/// <summary>A binding that did not resolve. Holds template text only, never data values.</summary>
/// <param name="Location">JSON pointer of the string in the template, e.g. <c>/body/3/text</c>.</param>
/// <param name="Expression">The expression as written, e.g. <c>recommendation.rationale</c>.</param>
public sealed record CardBindingProblem(string Location, string Expression);
