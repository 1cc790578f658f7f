using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Core.Review;

/// <summary>A command on an agreed review's stages, pressed on the stage card.</summary>
public abstract record ReviewCommand : CaseCommand
{
    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => [CaseStage.ReviewInitiated];

    /// <inheritdoc />
    public sealed override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        if (current.Review is not { } review)
        {
            return CommandResult.Reject("This case's review stages have not started.");
        }

        var (updated, problem, detail) = Change(current, review, context);
        return updated is null ? CommandResult.Reject(problem ?? "Nothing changed.") : CommandResult.Accept(updated, detail);
    }

    /// <summary>The changed case, or a plain-words problem; the detail is code-like (no personal data).</summary>
    protected abstract (ReviewCase? Updated, string? Problem, string? Detail) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context);

    /// <summary>A refusal.</summary>
    protected static (ReviewCase?, string?, string?) Refuse(string problem) => (null, problem, null);

    /// <summary>The case with its review changed.</summary>
    protected static (ReviewCase?, string?, string?) Done(ReviewCase c, ReviewProgress review, string detail) => (c with { Review = review }, null, detail);

    /// <summary>The roles on the stage the case is at (the default for stage moves).</summary>
    protected static IReadOnlyList<BoardRole> StageActors(ReviewCase current)
        => current.Review is { } r ? ReviewStages.Rule(r.Stage).Actors : [BoardRole.BusinessManager];

    /// <summary>Trimmed text, or null when blank.</summary>
    protected static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>An http(s) link, or null.</summary>
    protected static string? Link(string? text)
        => Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) ? link.AbsoluteUri : null;
}

/// <summary>The stage's actor moves it on: its requirements are checked (e.g. publication's checklist and notice period).</summary>
public sealed record AdvanceStageCommand : ReviewCommand
{
    /// <summary>The stage the card showed: a press for a stage already left changes nothing.</summary>
    public ReviewStage? Stage { get; init; }

    /// <summary>The review team and case team, when moving on from the first stage.</summary>
    public string? Team { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ReviewStageCompleted";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager];

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRolesOn(ReviewCase current) => StageActors(current);

    /// <inheritdoc />
    public override string Describe() => "move this review's stage on";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (Stage != review.Stage)
        {
            return Refuse("The review has moved to another stage since this card was shown.");
        }

        var withTeam = review.Stage == ReviewStage.ReviewTeam && Text(Team) is { } team ? review with { Team = team } : review;
        if (ReviewMachine.NotReady(current, withTeam, context) is { } problem)
        {
            return Refuse(problem);
        }

        var published = review.Stage == ReviewStage.Publication
            ? withTeam with { Publication = withTeam.Publication with { PublishedOn = context.Today, PublishedUntil = context.Today.AddMonths(context.Board.Review.PublicationMonths), PublishedBy = new(context.ActorObjectId, context.Now) } }
            : withTeam;
        var moved = ReviewMachine.MoveOn(current, published, context);
        return (moved, null, $"{review.Stage}->{moved.Review!.Stage}");
    }
}

/// <summary>A stage skipped, with a recorded reason (the stage's actors or the board chair; never the board's approval or publication).</summary>
public sealed record SkipStageCommand : ReviewCommand
{
    /// <summary>The stage the card showed.</summary>
    public ReviewStage? Stage { get; init; }

    /// <summary>Why (required; shown on the case, never logged).</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ReviewStageSkipped";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager, BoardRole.BoardChair];

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRolesOn(ReviewCase current)
        => current.Review is { } r ? ReviewStages.SkipActors(r.Stage) : PermittedRoles;

    /// <inheritdoc />
    public override string Describe() => "skip this review stage";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (Stage != review.Stage)
        {
            return Refuse("The review has moved to another stage since this card was shown.");
        }

        if (!ReviewStages.Rule(review.Stage).Skippable)
        {
            return Refuse($"{ReviewStages.Title(review.Stage, current.Rulebook)} cannot be skipped.");
        }

        if (Text(Reason) is not { } reason)
        {
            return Refuse("Please give the reason for skipping this stage: it is recorded with the review.");
        }

        var moved = ReviewMachine.MoveOn(current, review, context, reason);
        return (moved, null, $"{review.Stage}->{moved.Review!.Stage}");
    }
}

/// <summary>The terms of reference, scope and panel (members per agency, from the board's people).</summary>
public sealed record RecordTermsCommand : ReviewCommand
{
    /// <summary>Scope and key lines of enquiry.</summary>
    public string? Scope { get; init; }

    /// <summary>Link to the terms of reference document (optional).</summary>
    public string? DocumentUrl { get; init; }

    /// <summary>The panel chosen on the card: comma-separated object ids of the board's people.</summary>
    public string? PanelInput { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ReviewTermsRecorded";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager, BoardRole.SubGroupChair];

    /// <inheritdoc />
    public override string Describe() => "record the terms of reference and panel";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage >= ReviewStage.PanelSignOff)
        {
            return Refuse("The panel can no longer change: the report is with the panel for sign-off.");
        }

        if (Text(Scope) is not { } scope)
        {
            return Refuse("Please give the scope and key lines of enquiry.");
        }

        var link = Link(DocumentUrl);
        if (Text(DocumentUrl) is not null && link is null)
        {
            return Refuse("Please give the link to the terms of reference starting https://, or leave it empty.");
        }

        var people = (PanelInput ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(context.Board.FindPerson).OfType<BoardPerson>().DistinctBy(p => p.ObjectId, StringComparer.OrdinalIgnoreCase).ToList();
        if (people.Count == 0)
        {
            return Refuse("Please choose the panel members from the board's people.");
        }

        var seats = people.Select(p => new PanelSeat(p.ObjectId, p.AgencyId)).ToList();
        var parties = Imr.ImrCommissioning.WithParties(current.Parties, people.Select(p => new CaseParty(p.ObjectId, BoardRole.PanelMember, p.DisplayName)));
        var terms = new TermsOfReference(scope, link, seats, new(context.ActorObjectId, context.Now));
        return (current with { Review = review with { Terms = terms }, Parties = parties }, null, string.Create(CultureInfo.InvariantCulture, $"panel={seats.Count}"));
    }
}
