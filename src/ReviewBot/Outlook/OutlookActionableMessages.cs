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
/// carries one as an actionable message. <c>Bot/Effects/OutlookCardMailer</c> mails them (the outbox's
/// <c>mail-card</c> effects); <see cref="Renderer"/> answers the <c>outlook</c> channel's invokes with them.
/// </summary>
/// <remarks>
/// To mail another case card: add its 1.4 form as <c>cards/outlook/&lt;card&gt;.json</c> (with sample data,
/// validated by OutlookCardTests), add its purpose to <see cref="MailedPurposes"/> and its subject and body to
/// <c>OutlookCardMailer</c>, and write its <c>mail-card</c> effect where the card is posted (<c>CaseEffects.Posts(…,
/// mailing)</c>; the IMR card: <c>ImrEffects</c>, to a new author).
/// </remarks>
public sealed class OutlookActionableMessages
{
    /// <summary>The subfolder of the card templates folder holding the Outlook forms.</summary>
    public const string Folder = "outlook";

    // The default encoder escapes < > & ' and non-ASCII, so no card text can close the <script> element.
    private static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Default };

    private readonly OutlookOptions options;
    private readonly CardRenderer renderer;
    private readonly string folder;

    /// <summary>Creates the composer.</summary>
    public OutlookActionableMessages(IOptions<OutlookOptions> options, IOptions<CardRenderingOptions> cards)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cards);
        this.options = options.Value;
        folder = Path.Combine(cards.Value.Folder, Folder);
        renderer = new CardRenderer(Options.Create(new CardRenderingOptions { Folder = folder }));
    }

    /// <summary>
    /// The case card purposes (<c>CaseCardPurposes</c>) mailed to Outlook when it is configured, each with an Outlook
    /// form: the chair's decision card, and each agency's IMR card (<c>imr:{agency}</c>) to its author.
    /// </summary>
    public static IReadOnlySet<string> MailedPurposes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Core.Effects.CaseCardPurposes.Decision,
        Core.Imr.ImrEffects.CardPurposePrefix,
    };

    /// <summary>True when <c>Outlook:OriginatorId</c> is set.</summary>
    public bool IsEnabled => options.IsEnabled;

    /// <summary>
    /// Renders cards for answers to Outlook invokes: the card's Outlook form (with the originator when set), or,
    /// for a card that has none, a short message card pointing to Teams.
    /// </summary>
    public ICardRenderer Renderer => new OutlookCardRenderer(this);

    /// <summary>The board chair's decision card in its Outlook form.</summary>
    /// <exception cref="InvalidOperationException">Outlook is not configured.</exception>
    /// <exception cref="CardTemplateException">The template is missing or a binding did not resolve.</exception>
    public JsonObject DecisionCard(DecisionCard model) => Render(CardNames.Decision, model);

    /// <summary>A card in its Outlook form, for mailing.</summary>
    /// <exception cref="InvalidOperationException">Outlook is not configured.</exception>
    /// <exception cref="CardTemplateException">The card has no Outlook form, or a binding did not resolve.</exception>
    public JsonObject Card(ICardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Render(model.CardName, model);
    }

    /// <summary>True when <c>cards/outlook/</c> holds a form of <paramref name="cardName"/>.</summary>
    public bool HasForm(string cardName) => File.Exists(Path.Combine(folder, cardName + ".json"));

    /// <summary>
    /// An HTML mail body with <paramref name="card"/> in <c>&lt;script type="application/adaptivecard+json"&gt;</c>
    /// in <c>&lt;head&gt;</c>, and <paramref name="fallbackText"/> in the body for clients that show no cards.
    /// </summary>
    public static string HtmlBody(JsonObject card, string fallbackText)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(fallbackText);
        return HtmlMail(card, "<p>" + WebUtility.HtmlEncode(fallbackText) + "</p>");
    }

    /// <summary>
    /// An HTML mail with <paramref name="card"/> in <c>&lt;head&gt;</c> (none when null) and <paramref name="bodyHtml"/>
    /// (already encoded) as its body, which Outlook shows below the card and other clients instead of it.
    /// </summary>
    public static string HtmlMail(JsonObject? card, string bodyHtml)
    {
        ArgumentNullException.ThrowIfNull(bodyHtml);
        return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
            + (card is null ? string.Empty : "<script type=\"application/adaptivecard+json\">" + card.ToJsonString(ScriptJson) + "</script>")
            + "</head><body>" + bodyHtml + "</body></html>";
    }

    private JsonObject Render(string cardName, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!IsEnabled)
        {
            throw new InvalidOperationException("Outlook:OriginatorId is not set: cards are not mailed to Outlook.");
        }

        return RenderForm(cardName, model);
    }

    /// <summary>The Outlook form with the originator (empty when Outlook is off: a card already mailed is still answered).</summary>
    private JsonObject RenderForm(string cardName, object model)
    {
        var data = JsonSerializer.SerializeToNode(model, model.GetType(), CardRenderer.DataSerializerOptions)!.AsObject();
        data["originator"] = options.OriginatorId?.Trim() ?? string.Empty;
        return renderer.Render(cardName, data);
    }

    /// <summary>Answers to Outlook invokes: Outlook shows cards of version 1.4 at most, so never a Teams form.</summary>
    private sealed class OutlookCardRenderer(OutlookActionableMessages outlook) : ICardRenderer
    {
        public JsonObject Render(string cardName, object data)
            => outlook.HasForm(cardName)
                ? outlook.RenderForm(cardName, data)
                : outlook.RenderForm(CardNames.Message, new MessageCard("ReviewBot", "Open ReviewBot in Teams to see this."));
    }
}
