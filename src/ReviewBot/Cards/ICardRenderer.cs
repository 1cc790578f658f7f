using System.Text.Json.Nodes;
using ReviewBot.Cards.Models;

namespace ReviewBot.Cards;

/// <summary>Turns a card template and its data into an Adaptive Card (schema 1.5) ready to send.</summary>
public interface ICardRenderer
{
    /// <summary>
    /// Expands the template <c>cards/&lt;cardName&gt;.json</c> with <paramref name="data"/> (serialised
    /// camelCase, nulls omitted) and returns the card.
    /// </summary>
    /// <param name="cardName">One of <see cref="CardNames"/>.</param>
    /// <param name="data">The card's view model, e.g. a <see cref="DecisionCard"/>.</param>
    /// <exception cref="CardTemplateException">The template is missing or broken, or a binding did not
    /// resolve (the message names the card and the template path, never data values).</exception>
    JsonObject Render(string cardName, object data);
}

/// <summary>Typed rendering: the view model knows its card.</summary>
public static class CardRendererExtensions
{
    /// <summary>Renders <paramref name="card"/> with its own template.</summary>
    /// <param name="renderer">The renderer.</param>
    /// <param name="card">A view model from <see cref="Models"/>.</param>
    /// <returns>The Adaptive Card.</returns>
    public static JsonObject Render(this ICardRenderer renderer, ICardModel card)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(card);
        return renderer.Render(card.CardName, card);
    }
}
