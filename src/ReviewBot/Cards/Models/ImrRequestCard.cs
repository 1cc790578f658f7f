using ReviewBot.Core.Cases;

namespace ReviewBot.Cards.Models;

/// <summary>
/// Data for <c>cards/imr-request.json</c>: one agency's IMR as one viewer should see it. The business manager edits
/// the request and extends it; the author confirms independence and submits; the panel member confirms receipt;
/// the business manager and chair see the chair's letter. Hidden inputs are not security: handlers check roles.
/// </summary>
public sealed record ImrRequestCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ImrRequest;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version when the card was rendered.</summary>
    public required long Version { get; init; }

    /// <summary>The card's purpose (<c>imr:{agency}</c>), for refresh.</summary>
    public required string Card { get; init; }

    /// <summary>The agency's id.</summary>
    public required string AgencyId { get; init; }

    /// <summary>The agency's name.</summary>
    public required string AgencyName { get; init; }

    /// <summary>The author's name, or "not named yet".</summary>
    public required string Author { get; init; }

    /// <summary>The panel member's name, or "not named yet".</summary>
    public required string PanelMember { get; init; }

    /// <summary>The due date in words.</summary>
    public required string DueOn { get; init; }

    /// <summary>The due date for the date inputs (yyyy-MM-dd).</summary>
    public required string DueOnValue { get; init; }

    /// <summary>Where it stands: due, submitted, received, overdue by N working days.</summary>
    public required string Status { get; init; }

    /// <summary>True when overdue (attention colour).</summary>
    public required bool Overdue { get; init; }

    /// <summary>What to send.</summary>
    public required IReadOnlyList<string> WhatToSend { get; init; }

    /// <summary>The chronology's columns (Enfield Appendix 3).</summary>
    public required IReadOnlyList<string> ChronologyColumns { get; init; }

    /// <summary>The independence statement the author confirms.</summary>
    public required string IndependenceStatement { get; init; }

    /// <summary>"Confirmed by … on …", once confirmed.</summary>
    public string? IndependenceConfirmed { get; init; }

    /// <summary>The document link, once submitted.</summary>
    public string? DocumentUrl { get; init; }

    /// <summary>People reached by Outlook alone (Teams refused the installation), in words.</summary>
    public string? Reach { get; init; }

    /// <summary>Agreed extensions in words.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>The chair's letter to the chief executive (business manager and chair only).</summary>
    public string? Letter { get; init; }

    /// <summary>Whether the viewer may act at all (refresh for actors).</summary>
    public required bool CanAct { get; init; }

    /// <summary>The author may confirm independence.</summary>
    public bool CanConfirmIndependence { get; init; }

    /// <summary>The author or panel member may mark it submitted.</summary>
    public bool CanSubmit { get; init; }

    /// <summary>The panel member may confirm receipt.</summary>
    public bool CanConfirmReceipt { get; init; }

    /// <summary>The business manager may edit the request.</summary>
    public bool CanEdit { get; init; }

    /// <summary>The business manager or chair may extend the deadline.</summary>
    public bool CanExtend { get; init; }

    /// <summary>The agency's IMR author, the business manager or the lead reviewer may add to its chronology.</summary>
    public bool CanAddChronology { get; init; }

    /// <summary>People the business manager may name as author: the agency's people (and those the board lists with no agency).</summary>
    public IReadOnlyList<ImrPersonChoice> AuthorChoices { get; init; } = [];

    /// <summary>The board's panel members.</summary>
    public IReadOnlyList<ImrPersonChoice> PanelChoices { get; init; } = [];

    /// <summary>The named author's object id (the choice's value), or empty.</summary>
    public string AuthorValue { get; init; } = string.Empty;

    /// <summary>The named panel member's object id, or empty.</summary>
    public string PanelMemberValue { get; init; } = string.Empty;

    /// <summary>Teams user ids whose clients fetch their own view.</summary>
    public required IReadOnlyList<string> RefreshUserIds { get; init => field = CardLimits.RefreshUserIds(value); }
}

/// <summary>A person the business manager may choose.</summary>
/// <param name="Name">Display name (and agency).</param>
/// <param name="ObjectId">Entra object id.</param>
public sealed record ImrPersonChoice(string Name, string ObjectId);

/// <summary>One agency's IMR on the status card.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Status">Due, submitted, received, overdue by N working days (and "Outlook only" where Teams was refused).</param>
/// <param name="Overdue">True when overdue.</param>
public sealed record ImrStatusLine(string Agency, string Status, bool Overdue);
