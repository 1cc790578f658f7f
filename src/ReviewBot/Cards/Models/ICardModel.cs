namespace ReviewBot.Cards.Models;

/// <summary>A card's view model: its properties are the template's data, in camelCase.</summary>
public interface ICardModel
{
    /// <summary>The template the model is for (one of <see cref="CardNames"/>).</summary>
    static abstract string CardName { get; }
}
