namespace ReviewBot.Core.Review;

/// <summary>
/// Where an agreed review stands after the decision: the current stage and its clock, every stage passed or
/// skipped, the lead reviewer's appointment, the terms of reference and panel, the report versions and sign-offs,
/// and publication. Free text here (reasons, scope) is shown to people on the case and never logged.
/// </summary>
public sealed record ReviewProgress
{
    /// <summary>The current stage.</summary>
    public required ReviewStage Stage { get; init; }

    /// <summary>Day 0 of the current stage's clock.</summary>
    public required DateOnly StageStartedOn { get; init; }

    /// <summary>The last day on which the current stage is on time.</summary>
    public required DateOnly StageDueOn { get; init; }

    /// <summary>Stages passed or skipped, oldest first.</summary>
    public IReadOnlyList<ReviewStageRecord> History { get; init; } = [];

    /// <summary>Who the review team and case team are, as recorded.</summary>
    public string? Team { get; init; }

    /// <summary>The lead reviewer's appointment.</summary>
    public LeadReviewerAppointment LeadReviewer { get; init; } = new();

    /// <summary>The terms of reference and scope, once recorded.</summary>
    public TermsOfReference? Terms { get; init; }

    /// <summary>Overview report and executive summary versions, oldest first: links, never the documents.</summary>
    public IReadOnlyList<ReportVersion> Reports { get; init; } = [];

    /// <summary>Panel members' sign-offs, each of one overview report version.</summary>
    public IReadOnlyList<ReportSignOff> SignOffs { get; init; } = [];

    /// <summary>The publication plan, checklist and outcome.</summary>
    public PublicationPlan Publication { get; init; } = new();

    /// <summary>The latest overview report version, if any.</summary>
    public ReportVersion? LatestOverview => Reports.LastOrDefault(r => r.Kind == ReportKind.OverviewReport);
}

/// <summary>A stage passed or skipped.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="StartedOn">Day 0 of its clock.</param>
/// <param name="DueOn">Its due date.</param>
/// <param name="EndedAt">When it was moved on.</param>
/// <param name="ByObjectId">Who moved it on.</param>
/// <param name="SkippedReason">Why it was skipped; null when it was done.</param>
public sealed record ReviewStageRecord(ReviewStage Stage, DateOnly StartedOn, DateOnly DueOn, DateTimeOffset EndedAt, string ByObjectId, string? SkippedReason = null);

/// <summary>Something a person recorded, with who and when.</summary>
/// <param name="ByObjectId">Who.</param>
/// <param name="At">When.</param>
public sealed record Recorded(string ByObjectId, DateTimeOffset At);

/// <summary>
/// The lead reviewer: proposed by the sub-group, agreed by the chair and by the director of children's services
/// (the flow chart), training and references checked, independence from the case confirmed as a statement.
/// </summary>
public sealed record LeadReviewerAppointment
{
    /// <summary>The proposed lead reviewer's name (the sub-group's proposal).</summary>
    public string? Name { get; init; }

    /// <summary>Their Entra object id when the board knows them (they then act on the case as lead reviewer).</summary>
    public string? ObjectId { get; init; }

    /// <summary>The board chair's agreement.</summary>
    public Recorded? ChairAgreed { get; init; }

    /// <summary>The director of children's services' agreement.</summary>
    public Recorded? DirectorAgreed { get; init; }

    /// <summary>Training checked.</summary>
    public Recorded? TrainingChecked { get; init; }

    /// <summary>References checked.</summary>
    public Recorded? ReferencesChecked { get; init; }

    /// <summary>The independence statement as confirmed.</summary>
    public string? IndependenceStatement { get; init; }

    /// <summary>Who confirmed independence, and when.</summary>
    public Recorded? IndependenceConfirmed { get; init; }

    /// <summary>True when everything the appointment needs is recorded.</summary>
    public bool IsComplete => Name is not null && ChairAgreed is not null && DirectorAgreed is not null
        && TrainingChecked is not null && ReferencesChecked is not null && IndependenceConfirmed is not null;
}

/// <summary>The review's terms of reference and panel.</summary>
/// <param name="Scope">Scope and key lines of enquiry, as recorded.</param>
/// <param name="DocumentUrl">Link to the terms of reference document, if any.</param>
/// <param name="Panel">Panel members, one or more per agency, from the board's people.</param>
/// <param name="By">Who recorded them.</param>
public sealed record TermsOfReference(string Scope, string? DocumentUrl, IReadOnlyList<PanelSeat> Panel, Recorded By);

/// <summary>A panel member and the agency they represent.</summary>
/// <param name="ObjectId">Entra object id.</param>
/// <param name="AgencyId">Their agency, or null for a standing member.</param>
public sealed record PanelSeat(string ObjectId, string? AgencyId);

/// <summary>Which document a report version is of.</summary>
public enum ReportKind
{
    /// <summary>The overview report.</summary>
    OverviewReport,

    /// <summary>The executive summary.</summary>
    ExecutiveSummary,
}

/// <summary>One version of a report: a link, a label, who and when.</summary>
/// <param name="Kind">Overview report or executive summary.</param>
/// <param name="Url">Link to the document.</param>
/// <param name="Label">The version's label, e.g. "v3 draft".</param>
/// <param name="By">Who recorded it.</param>
public sealed record ReportVersion(ReportKind Kind, string Url, string Label, Recorded By);

/// <summary>A panel member's sign-off of one overview report version.</summary>
/// <param name="ObjectId">The panel member.</param>
/// <param name="VersionLabel">The version signed off.</param>
/// <param name="At">When.</param>
public sealed record ReportSignOff(string ObjectId, string VersionLabel, DateTimeOffset At);

/// <summary>The anonymisation checks a report passes before publication (domain.md "Data protection", step 9).</summary>
public enum AnonymisationCheck
{
    /// <summary>No names of the child or family.</summary>
    NoNames,

    /// <summary>No dates of birth.</summary>
    NoDatesOfBirth,

    /// <summary>No addresses.</summary>
    NoAddresses,

    /// <summary>No schools.</summary>
    NoSchools,

    /// <summary>The motivated-intruder test passed: a determined person could not identify the child or family.</summary>
    MotivatedIntruderTest,
}

/// <summary>Publication: the planned date, the checklist, the outcome.</summary>
public sealed record PublicationPlan
{
    /// <summary>The planned publication date.</summary>
    public DateOnly? PlannedOn { get; init; }

    /// <summary>The anonymisation checks ticked, with who and when.</summary>
    public IReadOnlyDictionary<AnonymisationCheck, Recorded> Checks { get; init; } = new Dictionary<AnonymisationCheck, Recorded>();

    /// <summary>When it was published.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The last day of the publication period.</summary>
    public DateOnly? PublishedUntil { get; init; }

    /// <summary>Who published it.</summary>
    public Recorded? PublishedBy { get; init; }

    /// <summary>The reasons for a decision not to publish.</summary>
    public string? NotPublishedReason { get; init; }

    /// <summary>Who decided not to publish.</summary>
    public Recorded? NotPublishedBy { get; init; }

    /// <summary>True when every check is ticked.</summary>
    public bool ChecklistComplete => Enum.GetValues<AnonymisationCheck>().All(Checks.ContainsKey);
}
