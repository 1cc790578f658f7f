using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;

namespace ReviewBot.Outlook;

/// <summary>
/// The Outlook forms of the cards (cards/outlook/: Adaptive Cards 1.4, Outlook's ceiling; Action.Execute
/// only; <c>originator</c> from <see cref="OutlookOptions.OriginatorId"/>) and the HTML mail body that
/// carries one as an actionable message. Sending (Graph sendMail) and the <c>outlook</c> channel's invokes
/// are wired elsewhere.
/// </summary>
public sealed class OutlookActionableMessages
{
    /// <summary>The subfolder of the card templates folder holding the Outlook forms.</summary>
    public const string Folder = "outlook";

    // The default encoder escapes < > & ' and non-ASCII, so no card text can close the <script> element.
    private static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Default };

    private readonly OutlookOptions options;
    private readonly CardRenderer renderer;

    /// <summary>Creates the composer.</summary>
    public OutlookActionableMessages(IOptions<OutlookOptions> options, IOptions<CardRenderingOptions> cards)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cards);
        this.options = options.Value;
        renderer = new CardRenderer(Options.Create(new CardRenderingOptions { Folder = Path.Combine(cards.Value.Folder, Folder) }));
    }

    /// <summary>True when <c>Outlook:OriginatorId</c> is set.</summary>
    public bool IsEnabled => options.IsEnabled;

    /// <summary>The board chair's decision card in its Outlook form.</summary>
    /// <exception cref="InvalidOperationException">Outlook is not configured.</exception>
    /// <exception cref="CardTemplateException">The template is missing or a binding did not resolve.</exception>
    public JsonObject DecisionCard(DecisionCard model) => Render(CardNames.Decision, model);

    /// <summary>
    /// An HTML mail body with <paramref name="card"/> in <c>&lt;script type="application/adaptivecard+json"&gt;</c>
    /// in <c>&lt;head&gt;</c>, and <paramref name="fallbackText"/> in the body for clients that show no cards.
    /// </summary>
    public static string HtmlBody(JsonObject card, string fallbackText)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(fallbackText);
        return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
            + "<script type=\"application/adaptivecard+json\">" + card.ToJsonString(ScriptJson) + "</script>"
            + "</head><body><p>" + WebUtility.HtmlEncode(fallbackText) + "</p></body></html>";
    }

    private JsonObject Render(string cardName, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!IsEnabled)
        {
            throw new InvalidOperationException("Outlook:OriginatorId is not set: cards are not mailed to Outlook.");
        }

        var data = JsonSerializer.SerializeToNode(model, model.GetType(), CardRenderer.DataSerializerOptions)!.AsObject();
        data["originator"] = options.OriginatorId!.Trim();
        return renderer.Render(cardName, data);
    }
}
