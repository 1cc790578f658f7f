using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewBot.Cards.Templating;

/// <summary>
/// Expands a prepared template against data, following adaptivecards-templating 2.3.1's
/// <c>internalExpand</c> step by step: <c>$data</c> rebinds the scope (an array repeats the object,
/// setting <c>$index</c>), <c>$when</c> drops it, arrays drop nulls and flatten nested arrays, objects keep
/// nulls. Values from the data are copied, never parsed again: user text stays data.
/// </summary>
internal sealed class TemplateExpander(JsonNode? root)
{
    private readonly List<UnresolvedBinding> unresolved = [];

    /// <summary>Where the engine would leave <c>${...}</c> text behind (missing data or a failed expression).</summary>
    public IReadOnlyList<UnresolvedBinding> Unresolved => unresolved;

    public TemplateValue Expand(TemplateNode node) => Expand(node, new Scope(TemplateValue.Of(root), TemplateValue.Undefined));

    private TemplateValue Expand(TemplateNode node, Scope scope) => node switch
    {
        LiteralNode literal => TemplateValue.Of(literal.Value),
        BindingNode binding => Copy(EvaluateBinding(binding, scope)),
        InterpolationNode interpolation => TemplateValue.Of(Interpolate(interpolation, scope)),
        ArrayNode array => TemplateValue.Of(ExpandArray(array, scope)),
        ObjectNode obj => ExpandObject(obj, scope),
        _ => throw new InvalidOperationException("Unknown template node."),
    };

    private JsonArray ExpandArray(ArrayNode array, Scope scope)
    {
        var items = new List<JsonNode?>();
        foreach (var item in array.Items)
        {
            var value = Expand(item, scope);
            if (value.IsDefined && value.Node is null)
            {
                continue;
            }

            if (value.Node is JsonArray nested)
            {
                var children = nested.ToList();
                nested.Clear();
                items.AddRange(children);
            }
            else
            {
                items.Add(value.Node);
            }
        }

        return new JsonArray([.. items]);
    }

    private TemplateValue ExpandObject(ObjectNode obj, Scope scope)
    {
        var (contexts, isArray) = DataContexts(obj, scope);
        var results = new List<JsonObject>();
        for (var i = 0; i < contexts.Count; i++)
        {
            var itemScope = scope with
            {
                Index = isArray ? TemplateValue.Of(i) : scope.Index,
                Data = contexts[i].IsDefined ? contexts[i] : scope.Data,
            };
            if (obj.When is null || IsWhenTrue(obj.When, itemScope))
            {
                results.Add(ExpandProperties(obj, itemScope));
            }
        }

        return results.Count switch
        {
            0 => TemplateValue.Null,
            1 => TemplateValue.Of(results[0]),
            _ => TemplateValue.Of(new JsonArray([.. results])),
        };
    }

    private (IReadOnlyList<TemplateValue> Contexts, bool IsArray) DataContexts(ObjectNode obj, Scope scope)
    {
        if (obj.Data is null)
        {
            return ([TemplateValue.Undefined], false);
        }

        var context = obj.Data switch
        {
            LiteralNode literal => TemplateValue.Of(literal.Value),
            BindingNode binding => EvaluateBinding(binding, scope),
            InterpolationNode interpolation => TemplateValue.Of(Interpolate(interpolation, scope)),
            _ => throw new InvalidOperationException("Unexpected $data node."),
        };
        return context.Node is JsonArray array
            ? (array.Select(TemplateValue.Of).ToList(), true)
            : ([context], false);
    }

    /// <summary>
    /// <c>$when</c> keeps the object only for a boolean true; it is evaluated without substitution, so
    /// missing data is simply false. A literal (non-expression) <c>$when</c> drops the object when truthy.
    /// </summary>
    private bool IsWhenTrue(TemplateNode when, Scope scope) => when switch
    {
        BindingNode binding => Evaluate(binding.Expression, binding, scope, substitute: false) is { Error: null } result
            && result.Value.Kind == JsonValueKind.True,
        InterpolationNode => false,
        LiteralNode literal => !Js.IsTruthy(TemplateValue.Of(literal.Value)),
        _ => false,
    };

    private JsonObject ExpandProperties(ObjectNode obj, Scope scope)
    {
        var result = new JsonObject();
        foreach (var (key, valueNode) in obj.Properties)
        {
            var value = Expand(valueNode, scope);
            if (value.IsDefined)
            {
                result[key] = value.Node;
            }
        }

        return result;
    }

    private TemplateValue EvaluateBinding(BindingNode binding, Scope scope)
    {
        var result = Evaluate(binding.Expression, binding, scope, substitute: true);
        return result.Error is null
            ? result.Value
            : throw new TemplateExpansionException(binding.Location, binding.Source, "the expression failed to evaluate");
    }

    /// <summary>The engine's own concatenation: a failed part is left as <c>${part}</c>; null or undefined fails.</summary>
    private string Interpolate(InterpolationNode interpolation, Scope scope)
    {
        var text = new StringBuilder();
        foreach (var (expression, source) in interpolation.Parts)
        {
            EvalResult result;
            try
            {
                result = Evaluate(expression, interpolation, scope, substitute: true, source);
            }
            catch (JsTypeErrorException)
            {
                result = EvalResult.Fail("TypeError");
            }

            if (result.Error is not null)
            {
                unresolved.Add(new UnresolvedBinding(interpolation.Location, source ?? expression.ToString()));
                text.Append("${").Append(expression).Append('}');
                continue;
            }

            if (result.Value.IsNullish)
            {
                throw new TemplateExpansionException(interpolation.Location, source ?? expression.ToString(), "a null value cannot be interpolated into a string");
            }

            text.Append(Js.ToConcatString(result.Value));
        }

        return text.ToString();
    }

    private EvalResult Evaluate(Expr expression, TemplateNode node, Scope scope, bool substitute, string? source = null)
    {
        source ??= (node as BindingNode)?.Source ?? expression.ToString();
        var context = new EvaluationContext(root, scope.Data, scope.Index, _ => unresolved.Add(new UnresolvedBinding(node.Location, source)));
        try
        {
            return expression.Evaluate(context, substitute);
        }
        catch (JsTypeErrorException) when (node is BindingNode)
        {
            throw new TemplateExpansionException(node.Location, source, "the expression failed to evaluate");
        }
    }

    private static TemplateValue Copy(TemplateValue value) => value.IsDefined ? TemplateValue.Of(value.Node?.DeepClone()) : value;

    /// <summary>The engine's evaluation context; it saves and restores these two around every node.</summary>
    private readonly record struct Scope(TemplateValue Data, TemplateValue Index);
}

/// <summary>A binding the official engine would leave as literal <c>${...}</c> text: the template's text, never data.</summary>
/// <param name="Location">JSON pointer of the string in the template.</param>
/// <param name="Expression">The expression as written in the template.</param>
internal sealed record UnresolvedBinding(string Location, string Expression);

/// <summary>The official engine would throw here.</summary>
internal sealed class TemplateExpansionException(string location, string expression, string reason)
    : Exception($"{location}: ${{{expression}}}: {reason}.")
{
    public string Location { get; } = location;

    public string Expression { get; } = expression;
}
