namespace ReviewBot.Cards;

/// <summary>Where card templates live (configuration section <c>Cards</c>).</summary>
public sealed class CardRenderingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cards";

    /// <summary>The folder holding <c>&lt;card&gt;.json</c>; by default <c>cards/</c> next to the app.</summary>
    public string Folder { get; set; } = Path.Combine(AppContext.BaseDirectory, "cards");
}
