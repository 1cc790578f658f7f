namespace ReviewBot.Core.Effects;

/// <summary>
/// Which case cards also go by mail to the recipient's Outlook as actionable messages, by purpose
/// (<see cref="CaseCardPurposes"/>). The host sets it: only when Outlook is configured, and only for cards
/// that have an Outlook form. To mail another card, give it an Outlook form in the host and list its purpose
/// there; <see cref="CaseEffects"/> then writes a <see cref="CaseEffectKinds.MailCard"/> effect beside each Teams
/// post of it. A purpose ending in ':' stands for every purpose it begins (<c>imr:</c> for each agency's IMR card).
/// </summary>
/// <param name="Purposes">The purposes mailed.</param>
public sealed record CardMailing(IReadOnlySet<string> Purposes)
{
    /// <summary>Nothing is mailed (Outlook off).</summary>
    public static CardMailing None { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>True when cards of <paramref name="purpose"/> are mailed too.</summary>
    public bool Mails(string purpose)
        => Purposes.Contains(purpose) || Purposes.Any(p => p.EndsWith(':') && purpose.StartsWith(p, StringComparison.Ordinal));
}
