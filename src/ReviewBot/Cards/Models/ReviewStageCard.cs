using ReviewBot.Core.Cases;

namespace ReviewBot.Cards.Models;

/// <summary>
/// Data for <c>cards/review-stage.json</c>: an agreed review's current stage as one viewer should see it. The people
/// whose role moves the stage on get its buttons and inputs (move on, skip with a reason, and the stage's own steps:
/// the lead reviewer's agreements and checks, the terms of reference and panel, report versions and sign-off,
/// publication's plan and checklist); everyone else with a role on the review sees the same facts read-only.
/// Hidden inputs are not security: handlers check roles.
/// </summary>
public sealed record ReviewStageCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ReviewStage;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version when the card was rendered.</summary>
    public required long Version { get; init; }

    /// <summary>The card's purpose, for refresh.</summary>
    public required string Card { get; init; }

    /// <summary>The current stage's name (for the buttons' data).</summary>
    public required string Stage { get; init; }

    /// <summary>"Serious case review: Terms of reference, scope and panel".</summary>
    public required string Title { get; init; }

    /// <summary>Who acts and what moves the stage on.</summary>
    public required string WhoActs { get; init; }

    /// <summary>The stage's clock.</summary>
    public required ClockView Due { get; init; }

    /// <summary>A reminder's words, when the card is sent as one.</summary>
    public string? Reminder { get; init; }

    /// <summary>What still keeps the stage from moving on (for the people who move it on).</summary>
    public string? NotReady { get; init; }

    /// <summary>The review's completion clock with its extensions, in words.</summary>
    public IReadOnlyList<string> Completion { get; init; } = [];

    /// <summary>The stage's facts (lead reviewer, terms, reports, sign-offs, publication), one line each.</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];

    /// <summary>Stages passed or skipped, in words.</summary>
    public IReadOnlyList<string> History { get; init; } = [];

    /// <summary>Whether the viewer may do anything on the card (refresh for actors).</summary>
    public required bool CanAct { get; init; }

    /// <summary>The viewer may move the stage on.</summary>
    public bool CanAdvance { get; init; }

    /// <summary>The move-on button's title ("Move on", "Approve the final report", "Publish").</summary>
    public string AdvanceTitle { get; init; } = "Move on";

    /// <summary>The first stage: the review team and case team are typed before moving on.</summary>
    public bool AsksForTeam { get; init; }

    /// <summary>The viewer may skip the stage with a reason.</summary>
    public bool CanSkip { get; init; }

    /// <summary>The viewer may propose the lead reviewer.</summary>
    public bool CanProposeLead { get; init; }

    /// <summary>The board's lead reviewers to choose from.</summary>
    public IReadOnlyList<ChoiceView> LeadChoices { get; init; } = [];

    /// <summary>The viewer may agree the lead reviewer (board chair, director of children's services).</summary>
    public bool CanAgreeLead { get; init; }

    /// <summary>The viewer may record the training check.</summary>
    public bool CanCheckTraining { get; init; }

    /// <summary>The viewer may record the reference check.</summary>
    public bool CanCheckReferences { get; init; }

    /// <summary>The viewer may confirm the lead reviewer's independence.</summary>
    public bool CanConfirmIndependence { get; init; }

    /// <summary>The independence statement to confirm.</summary>
    public string? IndependenceStatement { get; init; }

    /// <summary>The viewer may record the terms of reference and panel.</summary>
    public bool CanRecordTerms { get; init; }

    /// <summary>The board's people who may sit on the panel (name and agency).</summary>
    public IReadOnlyList<ChoiceView> PanelChoices { get; init; } = [];

    /// <summary>The panel as recorded (comma-separated object ids), or the default.</summary>
    public string PanelSelected { get; init; } = string.Empty;

    /// <summary>The viewer may call a panel meeting (the Graph meeting flow).</summary>
    public bool CanCallMeeting { get; init; }

    /// <summary>At the learning disseminated stage: the learning event in words (when, "not yet called", or skipped with the reason).</summary>
    public string? LearningEvent { get; init; }

    /// <summary>The viewer (the business manager) may call the multi-agency learning event.</summary>
    public bool CanCallLearningEvent { get; init; }

    /// <summary>The viewer (the business manager) may record that no learning event is held, with the reason.</summary>
    public bool CanSkipLearningEvent { get; init; }
    /// <summary>At the IMRs and chronologies stage the business manager or lead reviewer may add chronology entries.</summary>
    public bool CanAddChronology { get; init; }

    /// <summary>The viewer may record a report version.</summary>
    public bool CanRecordReport { get; init; }

    /// <summary>The viewer (a panel member) may sign off the latest overview report.</summary>
    public bool CanSignOff { get; init; }

    /// <summary>The latest overview report version's label (what a sign-off is of).</summary>
    public string LatestLabel { get; init; } = string.Empty;

    /// <summary>The viewer may plan the publication date.</summary>
    public bool CanPlanPublication { get; init; }

    /// <summary>The planned date for the date input (yyyy-MM-dd), or empty.</summary>
    public string PlannedValue { get; init; } = string.Empty;

    /// <summary>The anonymisation checks not yet ticked, for the viewer who ticks them.</summary>
    public IReadOnlyList<ChoiceView> OpenChecks { get; init; } = [];

    /// <summary>The viewer (the board chair) may decide not to publish.</summary>
    public bool CanDecideNotToPublish { get; init; }

    /// <summary>Teams user ids whose clients fetch their own view.</summary>
    public required IReadOnlyList<string> RefreshUserIds { get; init => field = CardLimits.RefreshUserIds(value); }
}
