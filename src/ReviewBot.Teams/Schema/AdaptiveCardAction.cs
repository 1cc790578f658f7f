using System.Text.Json.Nodes;

namespace ReviewBot.Teams;

/// <summary>An Action.Execute from an Adaptive Card, read from an <c>adaptiveCard/action</c> invoke.</summary>
/// <param name="Verb">The action's verb.</param>
/// <param name="Data">The action's data with the card's inputs merged in (empty when the card sent none).</param>
/// <param name="Trigger"><c>manual</c> (the user pressed the button) or <c>automatic</c> (a refresh).</param>
/// <param name="ActionType">The action type, normally <c>Action.Execute</c>.</param>
public sealed record AdaptiveCardAction(string Verb, JsonObject Data, string? Trigger, string? ActionType = null)
{
    /// <summary>The invoke name of Action.Execute: <c>adaptiveCard/action</c>.</summary>
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>Whether the invoke came from a card refresh rather than a button press.</summary>
    public bool IsAutomatic => string.Equals(Trigger, "automatic", StringComparison.OrdinalIgnoreCase);
}
