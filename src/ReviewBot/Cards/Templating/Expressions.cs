using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReviewBot.Cards.Templating;

/// <summary>What an expression gives: a value, or an adaptive-expressions error (a string, not an exception).</summary>
internal readonly record struct EvalResult(TemplateValue Value, string? Error)
{
    public static EvalResult Ok(TemplateValue value) => new(value, null);

    public static EvalResult Ok(bool flag) => new(TemplateValue.Of(flag), null);

    public static EvalResult Fail(string error) => new(TemplateValue.Undefined, error);
}

/// <summary>
/// The data an expression sees: <c>$root</c>, <c>$data</c>, <c>$index</c>, and where to report a missing
/// path the engine replaced by its <c>${path}</c> text (its "null substitution").
/// </summary>
internal sealed class EvaluationContext(JsonNode? root, TemplateValue data, TemplateValue index, Action<string> substituted)
{
    private static readonly JsonObject TemplateVersion = new() { ["major"] = 2, ["minor"] = 3, ["patch"] = 1, ["suffix"] = string.Empty };

    public TemplateValue Root { get; } = TemplateValue.Of(root);

    public TemplateValue Data { get; } = data;

    public TemplateValue Index { get; } = index;

    public void Substituted(string path) => substituted(path);

    /// <summary>The engine's memory object: its own keys, looked up like any JavaScript property.</summary>
    public TemplateValue Lookup(string key) => key.ToLowerInvariant() switch
    {
        "$root" => Root,
        "$data" => Data,
        "$index" => Index,
        "$_actemplateversion" => TemplateValue.Of(TemplateVersion),
        _ => TemplateValue.Undefined,
    };
}

/// <summary>An adaptive-expressions expression, limited to paths, literals and a few functions.</summary>
internal abstract class Expr
{
    public virtual bool IsConstant => false;

    /// <summary>Evaluates; <paramref name="substitute"/> turns a missing path into its <c>${path}</c> text.</summary>
    /// <exception cref="JsTypeErrorException">Where the official engine throws rather than reporting an error.</exception>
    public abstract EvalResult Evaluate(EvaluationContext context, bool substitute);

    /// <summary>adaptive-expressions' <c>toString()</c>: the engine leaves <c>${this}</c> in place of a failed part.</summary>
    public abstract override string ToString();
}

internal sealed partial class ConstantExpr(TemplateValue value) : Expr
{
    public TemplateValue Value { get; } = value;

    public override bool IsConstant => true;

    public override EvalResult Evaluate(EvaluationContext context, bool substitute) => EvalResult.Ok(Value);

    public override string ToString() => Value.Kind switch
    {
        JsonValueKind.Undefined => "undefined",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "'" + QuoteRegex().Replace(Value.GetString().Replace("\\", "\\\\", StringComparison.Ordinal), "\\'") + "'",
        _ => Js.ToJsString(Value.Node),
    };

    [GeneratedRegex(@"(?<!\\)'")]
    private static partial Regex QuoteRegex();
}

/// <summary>A property path step, <c>instance.name</c> (or a bare <c>name</c>).</summary>
internal sealed partial class AccessorExpr(string name, Expr? instance) : Expr
{
    public string Name { get; } = name;

    public Expr? Instance { get; } = instance;

    public override EvalResult Evaluate(EvaluationContext context, bool substitute)
    {
        var (path, error) = AccumulatePath(this, context, substitute);
        if (error is not null)
        {
            return EvalResult.Fail(error);
        }

        var value = GetValue(path, context);
        if (!value.IsDefined && substitute)
        {
            context.Substituted(path);
            return EvalResult.Ok(TemplateValue.Of("${" + path + "}"));
        }

        return EvalResult.Ok(value);
    }

    public override string ToString() => Instance is null ? Name : Instance + "." + Name;

    /// <summary>adaptive-expressions' <c>tryAccumulatePath</c>: the whole chain becomes one path string.</summary>
    private static (string Path, string? Error) AccumulatePath(Expr expression, EvaluationContext context, bool substitute)
    {
        var path = string.Empty;
        for (var current = expression; current is not null;)
        {
            switch (current)
            {
                case AccessorExpr accessor:
                    path = accessor.Name + "." + path;
                    current = accessor.Instance;
                    break;
                case ElementExpr element:
                    var index = element.Index.Evaluate(context, substitute);
                    if (index.Error is not null)
                    {
                        return (path, index.Error);
                    }

                    var text = index.Value.IsDefined ? Js.ToJsString(index.Value.Node) : "undefined";
                    if (Js.TryParseInt(text, out _))
                    {
                        path = "[" + text + "]." + path;
                    }
                    else if (index.Value.Kind == JsonValueKind.String)
                    {
                        path = "['" + text + "']." + path;
                    }
                    else
                    {
                        return (path, $"{element.Index} doesn't return an int or string");
                    }

                    current = element.Instance;
                    break;
                default:
                    throw new TemplateSyntaxException("Only paths may be followed by '.' or '['.");
            }
        }

        return (TrailingDots().Replace(path, string.Empty).Replace(".[", "[", StringComparison.Ordinal), null);
    }

    /// <summary>The engine's memory: a path not starting with '$' is under <c>$data</c>.</summary>
    private static TemplateValue GetValue(string path, EvaluationContext context)
    {
        if (path.Length > 0 && path[0] != '$')
        {
            path = "$data." + path;
        }

        var segments = Separators().Split(path).Where(s => s.Length > 0).Select(StripQuotes).ToList();
        if (segments.Count == 0)
        {
            return TemplateValue.Undefined;
        }

        var value = context.Lookup(segments[0]);
        foreach (var segment in segments.Skip(1))
        {
            if (Js.TryParseInt(segment, out var index) && value.Node is JsonArray)
            {
                var (item, error) = Js.AccessIndex(value, index);
                if (error is not null)
                {
                    return TemplateValue.Undefined;
                }

                value = item;
            }
            else
            {
                value = Js.AccessProperty(value, segment);
            }
        }

        return value;
    }

    private static string StripQuotes(string segment)
        => segment.Length > 0 && ((segment[0] == '"' && segment[^1] == '"') || (segment[0] == '\'' && segment[^1] == '\''))
            ? segment.Length > 1 ? segment[1..^1] : string.Empty
            : segment;

    [GeneratedRegex(@"[.\[\]]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\.*$")]
    private static partial Regex TrailingDots();
}

/// <summary>An index step, <c>instance[index]</c>.</summary>
internal sealed class ElementExpr(Expr instance, Expr index) : Expr
{
    public Expr Instance { get; } = instance;

    public Expr Index { get; } = index;

    public override EvalResult Evaluate(EvaluationContext context, bool substitute)
    {
        var instance = Instance.Evaluate(context, substitute);
        var index = instance.Error is null ? Index.Evaluate(context, substitute: false) : default;
        if (instance.Error is not null || index.Error is not null)
        {
            // The official evaluator returns nothing here, and its caller fails on that with a TypeError.
            throw new JsTypeErrorException($"{this} could not be evaluated.");
        }

        if (index.Value.Kind == JsonValueKind.Number && double.IsInteger(index.Value.GetNumber()))
        {
            var (value, error) = Js.AccessIndex(instance.Value, (int)Math.Clamp(index.Value.GetNumber(), int.MinValue, int.MaxValue));
            return error is null ? EvalResult.Ok(value) : EvalResult.Fail($"{this}: {error}");
        }

        return index.Value.Kind == JsonValueKind.String
            ? EvalResult.Ok(Js.AccessProperty(instance.Value, index.Value.GetString()))
            : EvalResult.Fail($"Could not coerce {Index} to an int or string.");
    }

    public override string ToString() => Instance + "[" + Index + "]";
}

/// <summary>The functions the card templates use, with adaptive-expressions' semantics.</summary>
internal enum TemplateFunction
{
    If,
    Not,
    And,
    Or,
    EqualTo,
    Empty,
    Exists,
    Count,
}

internal sealed class CallExpr(TemplateFunction function, IReadOnlyList<Expr> arguments) : Expr
{
    public TemplateFunction Function { get; } = function;

    public IReadOnlyList<Expr> Arguments { get; } = arguments;

    public override EvalResult Evaluate(EvaluationContext context, bool substitute) => Function switch
    {
        TemplateFunction.If => EvaluateIf(context, substitute),
        TemplateFunction.Not => Arguments[0].Evaluate(context, substitute: false) is { Error: null } operand
            ? EvalResult.Ok(!Js.IsLogicTrue(operand.Value))
            : EvalResult.Ok(true),
        TemplateFunction.And => EvalResult.Ok(Arguments.All(a => a.Evaluate(context, substitute: false) is { Error: null } r && Js.IsLogicTrue(r.Value))),
        TemplateFunction.Or => EvaluateOr(context),
        TemplateFunction.EqualTo => Compare(context, verify: null, args => Js.CommonEquals(args[0], args[1])),
        TemplateFunction.Empty => Compare(context, VerifyContainerOrNull, args => IsEmpty(args[0])),
        TemplateFunction.Exists => Compare(context, v => v.IsNullish ? "is null" : null, _ => true),
        TemplateFunction.Count => EvaluateCount(context, substitute),
        _ => throw new InvalidOperationException("Unknown function."),
    };

    public override string ToString() => Function switch
    {
        TemplateFunction.Not => "!(" + Arguments[0] + ")",
        TemplateFunction.And => Infix("&&"),
        TemplateFunction.Or => Infix("||"),
        TemplateFunction.EqualTo => Infix("=="),
        _ => Function.ToString().ToLowerInvariant() + "(" + string.Join(", ", Arguments) + ")",
    };

    /// <summary>Maps a name in a template to a function, checking its argument count as the parser does.</summary>
    public static CallExpr Create(string name, IReadOnlyList<Expr> arguments)
    {
        var (function, min, max) = name switch
        {
            "if" => (TemplateFunction.If, 3, 3),
            "not" => (TemplateFunction.Not, 1, 1),
            "and" => (TemplateFunction.And, 1, int.MaxValue),
            "or" => (TemplateFunction.Or, 1, int.MaxValue),
            "equals" => (TemplateFunction.EqualTo, 2, 2),
            "empty" => (TemplateFunction.Empty, 1, 1),
            "exists" => (TemplateFunction.Exists, 1, 1),
            "count" => (TemplateFunction.Count, 1, 1),
            _ => throw new TemplateSyntaxException($"Function '{name}' is not supported (supported: if, not, and, or, equals, empty, exists, count)."),
        };
        if (arguments.Count < min || arguments.Count > max)
        {
            throw new TemplateSyntaxException($"Function '{name}' takes {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"at least {min}")} argument(s).");
        }

        return new CallExpr(function, arguments);
    }

    private EvalResult EvaluateIf(EvaluationContext context, bool substitute)
    {
        var condition = Arguments[0].Evaluate(context, substitute: false);
        var branch = condition.Error is null && Js.IsLogicTrue(condition.Value) ? Arguments[1] : Arguments[2];
        return branch.Evaluate(context, substitute);
    }

    /// <summary>True for the first true argument; otherwise, as in adaptive-expressions, the last argument's own value.</summary>
    private EvalResult EvaluateOr(EvaluationContext context)
    {
        var last = TemplateValue.Undefined;
        foreach (var argument in Arguments)
        {
            var result = argument.Evaluate(context, substitute: false);
            if (result.Error is null && Js.IsLogicTrue(result.Value))
            {
                return EvalResult.Ok(true);
            }

            last = result.Value;
        }

        return EvalResult.Ok(last);
    }

    /// <summary>Comparison functions evaluate without substitution and answer false on any error.</summary>
    private EvalResult Compare(EvaluationContext context, Func<TemplateValue, string?>? verify, Func<IReadOnlyList<TemplateValue>, bool> compare)
    {
        var values = new List<TemplateValue>();
        foreach (var argument in Arguments)
        {
            var result = argument.Evaluate(context, substitute: false);
            if (result.Error is not null || verify?.Invoke(result.Value) is not null)
            {
                return EvalResult.Ok(false);
            }

            values.Add(result.Value);
        }

        return EvalResult.Ok(compare(values));
    }

    private EvalResult EvaluateCount(EvaluationContext context, bool substitute)
    {
        var result = Arguments[0].Evaluate(context, substitute);
        if (result.Error is not null)
        {
            return result;
        }

        return result.Value.Node switch
        {
            JsonArray array => EvalResult.Ok(TemplateValue.Of(array.Count)),
            JsonObject obj => EvalResult.Ok(TemplateValue.Of(obj.Count)),
            JsonValue when result.Value.Kind == JsonValueKind.String => EvalResult.Ok(TemplateValue.Of(result.Value.GetString().Length)),
            _ => EvalResult.Fail($"{Arguments[0]} must be a string, list, map or object."),
        };
    }

    private static string? VerifyContainerOrNull(TemplateValue value)
        => value.Kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? "must be a string, list, map or object" : null;

    private static bool IsEmpty(TemplateValue value) => value.Node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ => value.Kind == JsonValueKind.String && value.GetString().Length == 0,
    };

    private string Infix(string op) => Arguments.Count >= 2 ? "(" + string.Join($" {op} ", Arguments) + ")" : op + "(" + string.Join(", ", Arguments) + ")";
}

/// <summary>A template uses syntax outside the supported subset, or is malformed.</summary>
internal sealed class TemplateSyntaxException(string message) : Exception(message);
