using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ReviewBot.Cards;

/// <summary>
/// Renders cards from the templates in <see cref="CardRenderingOptions.Folder"/>. Templates are parsed
/// once and cached; data is serialised camelCase with nulls left out, so an optional value the template
/// does not guard shows up as an unresolved binding, and that is an error rather than a card showing
/// <c>${...}</c> to someone.
/// </summary>
public sealed partial class CardRenderer : ICardRenderer
{
    private readonly ConcurrentDictionary<string, Lazy<CardTemplate>> templates = new(StringComparer.Ordinal);
    private readonly string folder;

    /// <summary>Creates the renderer.</summary>
    /// <param name="options">Where the templates are.</param>
    public CardRenderer(IOptions<CardRenderingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        folder = options.Value.Folder;
    }

    /// <summary>How view models become template data: camelCase, nulls omitted, enums as camelCase strings (read-only).</summary>
    public static JsonSerializerOptions DataSerializerOptions { get; } = CreateDataSerializerOptions();

    /// <inheritdoc />
    public JsonObject Render(string cardName, object data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var template = Template(cardName);
        var expansion = template.Expand(JsonSerializer.SerializeToNode(data, data.GetType(), DataSerializerOptions));
        if (expansion.Unresolved.Count > 0)
        {
            var where = string.Join(", ", expansion.Unresolved.Select(u => $"${{{u.Expression}}} at {u.Location}"));
            throw new CardTemplateException(cardName, $"Card '{cardName}': data is missing for {where}.")
            {
                Location = expansion.Unresolved[0].Location,
                Expression = expansion.Unresolved[0].Expression,
            };
        }

        if (expansion.Result is not JsonObject card || (string?)card["type"] != "AdaptiveCard")
        {
            throw new CardTemplateException(cardName, $"Card '{cardName}' did not expand to an AdaptiveCard object.");
        }

        return card;
    }

    /// <summary>The parsed template for <paramref name="cardName"/>, read from disk once.</summary>
    /// <param name="cardName">One of <see cref="CardNames"/>.</param>
    /// <returns>The template.</returns>
    /// <exception cref="CardTemplateException">The name is not a card name, or the file is missing or broken.</exception>
    public CardTemplate Template(string cardName)
    {
        ArgumentNullException.ThrowIfNull(cardName);
        if (!CardNamePattern().IsMatch(cardName))
        {
            throw new CardTemplateException(cardName, "Card names are lower-case words joined by hyphens.");
        }

        var lazy = templates.GetOrAdd(cardName, name => new Lazy<CardTemplate>(() => Load(name)));
        try
        {
            return lazy.Value;
        }
        catch (CardTemplateException)
        {
            // Do not cache a failure: a template fixed on disk is picked up on the next render.
            templates.TryRemove(new KeyValuePair<string, Lazy<CardTemplate>>(cardName, lazy));
            throw;
        }
    }

    private CardTemplate Load(string cardName)
    {
        var path = Path.Combine(folder, cardName + ".json");
        if (!File.Exists(path))
        {
            throw new CardTemplateException(cardName, $"Card template '{cardName}' not found in {folder}.");
        }

        return CardTemplate.Parse(cardName, File.ReadAllText(path));
    }

    private static JsonSerializerOptions CreateDataSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CardNamePattern();
}
