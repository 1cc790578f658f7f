using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReviewBot.Cards.Templating;

/// <summary>
/// Parses the text inside <c>${...}</c>: literals (numbers, quoted strings, true, false, null), paths
/// (<c>a.b[0].c</c>, <c>$root</c>, <c>$data</c>, <c>$index</c>) and calls of the supported functions.
/// Operators, lambdas and object or array literals are rejected, so a template cannot quietly depend on
/// something the expander does not implement.
/// </summary>
internal sealed partial class ExpressionParser
{
    private readonly string text;
    private int position;

    private ExpressionParser(string text)
    {
        this.text = text;
    }

    public static Expr Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expression = parser.ParsePrimary();
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Unsupported();
        }

        return expression;
    }

    private bool AtEnd => position >= text.Length;

    private char Current => text[position];

    private Expr ParsePrimary()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw new TemplateSyntaxException("Empty expression.");
        }

        if (char.IsAsciiDigit(Current))
        {
            return ParseNumber();
        }

        if (Current is '\'' or '"')
        {
            return new ConstantExpr(TemplateValue.Of(ParseString()));
        }

        if (!IsIdentifierStart(Current))
        {
            throw Unsupported();
        }

        var name = ParseIdentifier();
        SkipWhitespace();
        if (!AtEnd && Current == '(')
        {
            position++;
            var call = CallExpr.Create(name, ParseArguments());
            SkipWhitespace();
            return !AtEnd && Current is '.' or '[' or '(' ? throw Unsupported() : call;
        }

        Expr expression = name switch
        {
            "true" => new ConstantExpr(TemplateValue.Of(true)),
            "false" => new ConstantExpr(TemplateValue.Of(false)),
            "null" => new ConstantExpr(TemplateValue.Null),
            "undefined" => new ConstantExpr(TemplateValue.Undefined),
            _ => new AccessorExpr(name, null),
        };
        return expression.IsConstant ? expression : ParsePathSteps(expression);
    }

    private Expr ParsePathSteps(Expr expression)
    {
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                return expression;
            }

            switch (Current)
            {
                case '.':
                    position++;
                    SkipWhitespace();
                    if (AtEnd || !IsIdentifierStart(Current))
                    {
                        throw Unsupported();
                    }

                    expression = new AccessorExpr(ParseIdentifier(), expression);
                    break;
                case '[':
                    position++;
                    var index = ParsePrimary();
                    Expect(']');
                    expression = new ElementExpr(expression, index);
                    break;
                case '(':
                    throw Unsupported();
                default:
                    return expression;
            }
        }
    }

    private List<Expr> ParseArguments()
    {
        var arguments = new List<Expr>();
        SkipWhitespace();
        if (!AtEnd && Current == ')')
        {
            position++;
            return arguments;
        }

        while (true)
        {
            arguments.Add(ParsePrimary());
            SkipWhitespace();
            if (!AtEnd && Current == ',')
            {
                position++;
                continue;
            }

            Expect(')');
            return arguments;
        }
    }

    private ConstantExpr ParseNumber()
    {
        var match = NumberPattern().Match(text, position);
        position += match.Length;
        return new ConstantExpr(TemplateValue.Of(System.Text.Json.Nodes.JsonValue.Create(double.Parse(match.Value, CultureInfo.InvariantCulture))));
    }

    /// <summary>A quoted string; <c>\'</c> (or <c>\"</c>) and then \r, \n, \t, \\ are unescaped, like adaptive-expressions.</summary>
    private string ParseString()
    {
        var quote = Current;
        var start = ++position;
        while (!AtEnd && Current != quote)
        {
            position += Current == '\\' && position + 1 < text.Length && (text[position + 1] == quote || text[position + 1] == '\\') ? 2 : 1;
        }

        if (AtEnd)
        {
            throw new TemplateSyntaxException("Unterminated string literal.");
        }

        var raw = text[start..position].Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);
        position++;
        return EscapePattern().Replace(raw, m => m.Value switch
        {
            "\\r" => "\r",
            "\\n" => "\n",
            "\\t" => "\t",
            "\\\\" => "\\",
            _ => m.Value,
        });
    }

    private string ParseIdentifier()
    {
        var start = position++;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '_'))
        {
            position++;
        }

        return text[start..position];
    }

    private void Expect(char expected)
    {
        SkipWhitespace();
        if (AtEnd || Current != expected)
        {
            throw AtEnd ? new TemplateSyntaxException($"Expected '{expected}'.") : Unsupported();
        }

        position++;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && Current is ' ' or '\t' or '\ufeff' or '\u00a0' or '\r' or '\n')
        {
            position++;
        }
    }

    private TemplateSyntaxException Unsupported()
        => new(new StringBuilder("Unsupported syntax at '").Append(text[Math.Min(position, text.Length)..]).Append("': only paths, literals and calls of if, not, and, or, equals, empty, exists, count are supported.").ToString());

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

    [GeneratedRegex(@"\G[0-9]+(\.[0-9]+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\\[^\r\n]?")]
    private static partial Regex EscapePattern();
}
