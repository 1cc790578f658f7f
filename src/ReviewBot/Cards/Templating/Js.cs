using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewBot.Cards.Templating;

/// <summary>
/// The few JavaScript rules the official engine (adaptivecards-templating 2.3.1 on adaptive-expressions
/// 4.x) leans on: truthiness, string conversion, number formatting, equality and property lookup.
/// </summary>
internal static class Js
{
    /// <summary>JavaScript's <c>Number.EPSILON</c>.</summary>
    private const double NumberEpsilon = 2.220446049250313e-16;

    /// <summary>adaptive-expressions' <c>isLogicTrue</c>: only false, null and undefined are false.</summary>
    public static bool IsLogicTrue(TemplateValue value) => value.Kind switch
    {
        JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
        _ => true,
    };

    /// <summary>JavaScript truthiness (used for a literal, non-expression <c>$when</c>).</summary>
    public static bool IsTruthy(TemplateValue value) => value.Kind switch
    {
        JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString().Length > 0,
        JsonValueKind.Number => value.GetNumber() is not 0 and not double.NaN,
        _ => true,
    };

    /// <summary><c>value.toString()</c> as the engine's string concatenation calls it.</summary>
    /// <exception cref="JsTypeErrorException">For null or undefined, as in JavaScript.</exception>
    public static string ToConcatString(TemplateValue value) => value.Kind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => throw new JsTypeErrorException("Cannot read properties of null (reading 'toString')"),
        _ => ToJsString(value.Node),
    };

    /// <summary><c>String(value)</c> for a non-null value; arrays join their items with commas.</summary>
    public static string ToJsString(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "[object Object]",
        JsonArray array => string.Join(',', array.Select(item => item is null ? string.Empty : ToJsString(item))),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => NumberToString(ToDouble(node)),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        },
    };

    public static double ToDouble(JsonNode node)
        => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>ECMAScript Number::toString for finite and non-finite doubles.</summary>
    public static string NumberToString(double number)
    {
        if (double.IsNaN(number))
        {
            return "NaN";
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? "Infinity" : "-Infinity";
        }

        if (number == 0)
        {
            return "0";
        }

        if (number < 0)
        {
            return "-" + NumberToString(-number);
        }

        var (digits, pointPosition) = ShortestDigits(number);
        var k = digits.Length;
        var n = pointPosition;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var sign = exponent < 0 ? "-" : "+";
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return mantissa + "e" + sign + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>JavaScript's <c>parseInt</c> succeeds (leading spaces, a sign, then a digit).</summary>
    public static bool TryParseInt(string text, out int value)
    {
        value = 0;
        var span = text.AsSpan().TrimStart();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var length = 0;
        while (length < span.Length && char.IsAsciiDigit(span[length]))
        {
            length++;
        }

        if (length == 0)
        {
            return false;
        }

        value = int.TryParse(span[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        value = negative ? -value : value;
        return true;
    }

    /// <summary>adaptive-expressions' <c>commonEquals</c>.</summary>
    public static bool CommonEquals(TemplateValue left, TemplateValue right)
    {
        if (left.IsNullish || right.IsNullish)
        {
            return left.IsNullish && right.IsNullish;
        }

        if (left.Node is JsonArray leftArray && right.Node is JsonArray rightArray)
        {
            return leftArray.Count == rightArray.Count
                && leftArray.Select((item, i) => CommonEquals(TemplateValue.Of(item), TemplateValue.Of(rightArray[i]))).All(equal => equal);
        }

        if (left.Node is JsonObject leftObject && right.Node is JsonObject rightObject)
        {
            return DeepStrictEquals(leftObject, rightObject);
        }

        if (left.Kind == JsonValueKind.Number && right.Kind == JsonValueKind.Number)
        {
            return Math.Abs(left.GetNumber() - right.GetNumber()) < NumberEpsilon;
        }

        return left.Kind == right.Kind && left.Kind switch
        {
            JsonValueKind.String => string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal),
            JsonValueKind.True or JsonValueKind.False => true,
            _ => false,
        };
    }

    /// <summary>
    /// JavaScript's <c>Object.keys(instance).find(k =&gt; k.toLowerCase() === property.toLowerCase())</c>
    /// lookup: case-insensitive, first match wins; falsy instances have no properties.
    /// </summary>
    public static TemplateValue AccessProperty(TemplateValue instance, string property)
    {
        if (!IsTruthy(instance))
        {
            return TemplateValue.Undefined;
        }

        var wanted = LowerCase(property);
        switch (instance.Node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    // JavaScript compares lower-cased keys; ToLowerInvariant is the closest match.
                    if (string.Equals(LowerCase(key), wanted, StringComparison.Ordinal))
                    {
                        return TemplateValue.Of(value);
                    }
                }

                return TemplateValue.Undefined;
            case JsonArray array:
                return IsCanonicalIndex(wanted, array.Count, out var index) ? TemplateValue.Of(array[index]) : TemplateValue.Undefined;
            default:
                if (instance.Kind == JsonValueKind.String)
                {
                    var text = instance.GetString();
                    return IsCanonicalIndex(wanted, text.Length, out var at) ? TemplateValue.Of(text[at].ToString()) : TemplateValue.Undefined;
                }

                return TemplateValue.Undefined;
        }
    }

    /// <summary>adaptive-expressions' <c>accessIndex</c>: null instances give undefined, bad indexes an error.</summary>
    public static (TemplateValue Value, string? Error) AccessIndex(TemplateValue instance, int index)
    {
        if (instance.IsNullish)
        {
            return (TemplateValue.Undefined, null);
        }

        if (instance.Node is not JsonArray array)
        {
            return (TemplateValue.Undefined, "not a collection");
        }

        return index >= 0 && index < array.Count
            ? (TemplateValue.Of(array[index]), null)
            : (TemplateValue.Undefined, "index out of range");
    }

    private static string LowerCase(string text) => text.ToLowerInvariant();

    private static bool IsCanonicalIndex(string key, int count, out int index)
        => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index < count
            && index.ToString(CultureInfo.InvariantCulture) == key;

    private static bool DeepStrictEquals(JsonNode? left, JsonNode? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (JsonObject a, JsonObject b):
                return a.Count == b.Count && a.All(p => b.TryGetPropertyValue(p.Key, out var other) && DeepStrictEquals(p.Value, other));
            case (JsonArray a, JsonArray b):
                return a.Count == b.Count && a.Select((item, i) => DeepStrictEquals(item, b[i])).All(equal => equal);
            case (JsonValue a, JsonValue b):
                var kind = a.GetValueKind();
                return kind == b.GetValueKind() && kind switch
                {
                    JsonValueKind.Number => ToDouble(a).Equals(ToDouble(b)),
                    JsonValueKind.String => string.Equals(a.GetValue<string>(), b.GetValue<string>(), StringComparison.Ordinal),
                    _ => true,
                };
            default:
                return false;
        }
    }

    private static (string Digits, int PointPosition) ShortestDigits(double positive)
    {
        var text = positive.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : string.Empty;
        var digits = new StringBuilder(integerPart + fraction);
        var point = integerPart.Length + exponent;
        while (digits.Length > 1 && digits[0] == '0')
        {
            digits.Remove(0, 1);
            point--;
        }

        while (digits.Length > 1 && digits[^1] == '0')
        {
            digits.Remove(digits.Length - 1, 1);
        }

        return (digits.ToString(), point);
    }
}

/// <summary>A JavaScript TypeError the official engine would throw (not an expression error).</summary>
internal sealed class JsTypeErrorException(string message) : Exception(message);
