namespace ReviewBot.Cards;

/// <summary>
/// A card template is broken, or its data does not fit it. Messages name the card, the place in the
/// template and the expression as written; never data values (cards carry personal data).
/// </summary>
public sealed class CardTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CardTemplateException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, without data values.</param>
    public CardTemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, without data values.</param>
    /// <param name="innerException">The cause.</param>
    public CardTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a card.</summary>
    /// <param name="cardName">The card.</param>
    /// <param name="message">What is wrong, without data values.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CardTemplateException(string cardName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        CardName = cardName;
    }

    /// <summary>The card template concerned.</summary>
    public string? CardName { get; init; }

    /// <summary>JSON pointer of the failing string in the template, when known.</summary>
    public string? Location { get; init; }

    /// <summary>The failing expression as written in the template, when known.</summary>
    public string? Expression { get; init; }
}
