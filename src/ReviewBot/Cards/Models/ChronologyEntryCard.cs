using ReviewBot.Core.Cases;

namespace ReviewBot.Cards.Models;

/// <summary>
/// Data for <c>cards/chronology-entry.json</c>: the form to add one line to an agency's chronology in the Enfield
/// Appendix 3 columns, with the agency fixed (an IMR author) or chosen (the business manager, the lead reviewer), and
/// that agency's entries so far. Sends <c>chronology.add</c>; after a refused press every typed value comes back in
/// the <c>…Value</c> properties so nothing has to be typed twice.
/// </summary>
public sealed record ChronologyEntryCard : ICardModel
{
    /// <summary>Most recent entries the card lists (the count says how many there are).</summary>
    public const int LatestShown = 3;

    /// <summary>Longest preview of one listed entry.</summary>
    public const int EntryPreview = 240;

    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ChronologyEntry;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version when the form was shown.</summary>
    public required long Version { get; init; }

    /// <summary>The agency the form is for (or chosen first).</summary>
    public required string AgencyId { get; init; }

    /// <summary>Its name.</summary>
    public required string AgencyName { get; init; }

    /// <summary>The agencies to choose from (the business manager, the lead reviewer); empty when the agency is fixed.</summary>
    public IReadOnlyList<ChoiceView> AgencyChoices { get; init; } = [];

    /// <summary>True when the viewer chooses the agency.</summary>
    public bool ChoosesAgency => AgencyChoices.Count > 1;

    /// <summary>The date as typed (yyyy-MM-dd from the date box).</summary>
    public string OccurredOnValue { get; init; } = string.Empty;

    /// <summary>The time as typed (HH:mm).</summary>
    public string OccurredAtValue { get; init; } = string.Empty;

    /// <summary>Family contact with the child.</summary>
    public string ChildContactValue { get; init; } = string.Empty;

    /// <summary>The child's views recorded: yes, no or empty.</summary>
    public string ChildViewsRecordedValue { get; init; } = string.Empty;

    /// <summary>The child seen alone: yes, no or empty.</summary>
    public string ChildSeenAloneValue { get; init; } = string.Empty;

    /// <summary>Family contact with an adult.</summary>
    public string AdultContactValue { get; init; } = string.Empty;

    /// <summary>The adult's views recorded: yes, no or empty.</summary>
    public string AdultViewsRecordedValue { get; init; } = string.Empty;

    /// <summary>Communication within the agency or external.</summary>
    public string CommunicationValue { get; init; } = string.Empty;

    /// <summary>within or external, or empty.</summary>
    public string RouteValue { get; init; } = string.Empty;

    /// <summary>phone, written, meeting or empty.</summary>
    public string ModeValue { get; init; } = string.Empty;

    /// <summary>The response or outcome.</summary>
    public string ResponseOrOutcomeValue { get; init; } = string.Empty;

    /// <summary>The source of evidence.</summary>
    public string SourceOfEvidenceValue { get; init; } = string.Empty;

    /// <summary>A comment.</summary>
    public string CommentValue { get; init; } = string.Empty;

    /// <summary>What to fix, in plain words, after a refused press.</summary>
    public string? Error { get; init; }

    /// <summary>What the last press added.</summary>
    public string? Confirmation { get; init; }

    /// <summary>"Riverside Police's chronology: 4 entries so far. The latest:" or "No entries yet …".</summary>
    public required string EntriesSoFar { get; init; }

    /// <summary>The latest few entries, newest first, one line each.</summary>
    public IReadOnlyList<string> Latest { get; init; } = [];
}
