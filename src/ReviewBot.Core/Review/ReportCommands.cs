using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Core.Review;

/// <summary>A version of the overview report or executive summary, recorded as a link with a label (never the document).</summary>
public sealed record RecordReportVersionCommand : ReviewCommand
{
    /// <summary>Which document.</summary>
    public ReportKind? Kind { get; init; }

    /// <summary>Link to the document.</summary>
    public string? Url { get; init; }

    /// <summary>The version's label, e.g. "v2 draft".</summary>
    public string? Label { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ReviewReportVersionRecorded";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.LeadReviewer, BoardRole.BusinessManager];

    /// <inheritdoc />
    public override string Describe() => "record a report version";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage is < ReviewStage.DraftOverviewReport or > ReviewStage.BoardApproval)
        {
            return Refuse("Report versions are recorded from the draft overview report stage until the board approves it.");
        }

        if (Kind is not { } kind)
        {
            return Refuse("Please say whether this is the overview report or the executive summary.");
        }

        if (Link(Url) is not { } url)
        {
            return Refuse("Please give the link to the document, starting https:// (for example its SharePoint link).");
        }

        if (Text(Label) is not { } label)
        {
            return Refuse("Please give the version a label, such as \"v2 draft\".");
        }

        if (review.Reports.Any(r => r.Kind == kind && string.Equals(r.Label, label, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse($"A version labelled \"{label}\" is already recorded: please give the new version its own label.");
        }

        var version = new ReportVersion(kind, url, label, new(context.ActorObjectId, context.Now));
        return Done(current, review with { Reports = [.. review.Reports, version] }, string.Create(CultureInfo.InvariantCulture, $"{kind}:{review.Reports.Count(r => r.Kind == kind) + 1}"));
    }
}

/// <summary>A panel member signs off the latest overview report version.</summary>
public sealed record SignOffReportCommand : ReviewCommand
{
    /// <summary>The version label the card showed: a sign-off of an older version is refused.</summary>
    public string? VersionLabel { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ReviewReportSignedOff";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.PanelMember];

    /// <inheritdoc />
    public override string Describe() => "sign off the overview report";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage != ReviewStage.PanelSignOff)
        {
            return Refuse("The report is not with the panel for sign-off.");
        }

        if (review.LatestOverview is not { } latest || !string.Equals(latest.Label, VersionLabel, StringComparison.Ordinal))
        {
            return Refuse("A newer version of the report has been recorded: please read it before signing off.");
        }

        if (review.SignOffs.Any(s => s.VersionLabel == latest.Label && string.Equals(s.ObjectId, context.ActorObjectId, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse("You have already signed off this version.");
        }

        var signed = new ReportSignOff(context.ActorObjectId, latest.Label, context.Now);
        var left = ReviewMachine.UnsignedPanelMembers(current, review with { SignOffs = [.. review.SignOffs, signed] }).Count;
        return Done(current, review with { SignOffs = [.. review.SignOffs, signed] }, string.Create(CultureInfo.InvariantCulture, $"left={left}"));
    }
}

/// <summary>The business manager sets the planned publication date: the notice to the national panel is due its lead time before.</summary>
public sealed record PlanPublicationCommand : ReviewCommand
{
    /// <summary>The planned date.</summary>
    public DateOnly? PlannedOn { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ReviewPublicationPlanned";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager];

    /// <inheritdoc />
    public override string Describe() => "plan the publication";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage > ReviewStage.Publication)
        {
            return Refuse("Publication is already settled.");
        }

        var earliest = context.Today.AddDays(context.Board.Review.PublicationNoticeDays);
        if (PlannedOn is not { } planned || planned < earliest)
        {
            return Refuse($"Please give a planned date at least {context.Board.Review.PublicationNoticeDays} days ahead ({earliest.ToString("d/M/yyyy", CultureInfo.InvariantCulture)} or later), so the national panel can be told in time.");
        }

        var plan = review with { Publication = review.Publication with { PlannedOn = planned } };
        var dated = plan.Stage == ReviewStage.Publication ? plan with { StageDueOn = planned } : plan;
        return (current with { Review = dated, Tasks = Publication.WithNotices(current, planned, context) }, null, string.Create(CultureInfo.InvariantCulture, $"planned={planned:yyyy-MM-dd}"));
    }
}

/// <summary>The business manager ticks items of the anonymisation checklist.</summary>
public sealed record TickAnonymisationCommand : ReviewCommand
{
    /// <summary>The checks ticked on the card (comma-separated names of <see cref="AnonymisationCheck"/>).</summary>
    public string? ChecksInput { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ReviewAnonymisationChecked";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager];

    /// <inheritdoc />
    public override string Describe() => "tick the anonymisation checklist";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage > ReviewStage.Publication || review.Publication.PublishedOn is not null)
        {
            return Refuse("Publication is already settled.");
        }

        var ticked = (ChecksInput ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<AnonymisationCheck>(s, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (AnonymisationCheck?)null)
            .OfType<AnonymisationCheck>()
            .Where(k => !review.Publication.Checks.ContainsKey(k))
            .Distinct()
            .ToList();
        if (ticked.Count == 0)
        {
            return Refuse("Please tick at least one check not yet ticked.");
        }

        var checks = new Dictionary<AnonymisationCheck, Recorded>(review.Publication.Checks);
        foreach (var check in ticked)
        {
            checks[check] = new(context.ActorObjectId, context.Now);
        }

        return Done(current, review with { Publication = review.Publication with { Checks = checks } }, string.Join('+', ticked));
    }
}

/// <summary>The board chair decides not to publish: the reasons are recorded and a task set to seek the national panel's advice.</summary>
public sealed record DecideNotToPublishCommand : ReviewCommand
{
    /// <summary>Why (required).</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ReviewNotPublished";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BoardChair];

    /// <inheritdoc />
    public override string Describe() => "decide not to publish the report";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage != ReviewStage.Publication)
        {
            return Refuse("The review is not at its publication stage.");
        }

        if (Text(Reason) is not { } reason)
        {
            return Refuse("Please give the reasons for not publishing: they are recorded and go to the national panel for its advice.");
        }

        var decided = review with { Publication = review.Publication with { NotPublishedReason = reason, NotPublishedBy = new(context.ActorObjectId, context.Now) } };
        var advice = ReviewMachine.Task(
            "publication-advice",
            $"Seek the advice of {ReviewStages.NationalRecipients(current.Rulebook)[0]} on the decision not to publish, with the reasons",
            context.Calendar.AddWorkingDays(context.Today, 5),
            context);
        var moved = ReviewMachine.MoveOn(current with { Tasks = [.. current.Tasks, advice] }, decided, context, "Not published");
        return (moved, null, $"{review.Stage}->{moved.Review!.Stage}:not-published");
    }
}
