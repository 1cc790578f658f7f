namespace ReviewBot.Cards.Models;

/// <summary>
/// A card's view model: its public properties are the template's data, in camelCase. Implement
/// <see cref="CardName"/> explicitly so it is not serialised as data.
/// </summary>
public interface ICardModel
{
    /// <summary>The template the model is for (one of <see cref="CardNames"/>).</summary>
    string CardName { get; }
}
