using ReviewBot.Core.Cases;

namespace ReviewBot.Cards.Models;

/// <summary>
/// Data for <c>cards/clock-extension.json</c>: the business manager's (or chair's) form to record an agreed
/// extension of an open deadline, with the extensions already recorded. Sends <c>case.extendClock</c> with
/// inputs <c>clockKind</c>, <c>newDueOn</c>, <c>reason</c>, <c>agreedBy</c>.
/// </summary>
public sealed record ClockExtensionCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ClockExtension;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version (a press on an older card changes nothing).</summary>
    public required long Version { get; init; }

    /// <summary>The open deadlines, each with its current due date.</summary>
    public required IReadOnlyList<ChoiceView> Clocks { get; init; }

    /// <summary>The deadline chosen first (the review's completion when it is open).</summary>
    public string ClockKind { get; init; } = string.Empty;

    /// <summary>Extensions already recorded, one line each.</summary>
    public IReadOnlyList<ClockExtensionView> Extensions { get; init; } = [];

    /// <summary>Why the last press changed nothing, if it did not.</summary>
    public string? Error { get; init; }

    /// <summary>What the last press recorded, if it did.</summary>
    public string? Confirmation { get; init; }
}

/// <summary>A recorded extension in words.</summary>
/// <param name="Text">e.g. "Complete the review: 4 June 2027 → 3 September 2027. Criminal proceedings. Agreed by …; recorded by … on …".</param>
public sealed record ClockExtensionView(string Text);
