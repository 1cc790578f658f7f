using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Core.Imr;

/// <summary>A command on one agency's IMR request, while the review is under way.</summary>
public abstract record ImrCommand : CaseCommand
{
    /// <summary>The agency whose IMR it is.</summary>
    public required string AgencyId { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => [CaseStage.ReviewInitiated];

    /// <inheritdoc />
    public sealed override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        var request = current.ImrRequests.FirstOrDefault(r => r.AgencyId == AgencyId);
        if (request is null)
        {
            return CommandResult.Reject("No IMR has been asked of that agency on this case.");
        }

        var (changed, problem, detail) = Change(current, request, context);
        if (changed is null)
        {
            return CommandResult.Reject(problem ?? "Nothing changed.");
        }

        var updated = current with { ImrRequests = [.. current.ImrRequests.Select(r => ReferenceEquals(r, request) ? changed.Value.Request : r)], Parties = changed.Value.Parties ?? current.Parties };
        return CommandResult.Accept(updated, $"{AgencyId}:{detail}");
    }

    /// <summary>The changed request (and parties, when they change), or a plain-words problem.</summary>
    protected abstract ((ImrRequest Request, IReadOnlyList<CaseParty>? Parties)? Changed, string? Problem, string Detail) Change(ReviewCase current, ImrRequest request, CaseCommandContext context);

    /// <summary>A refusal.</summary>
    protected static ((ImrRequest, IReadOnlyList<CaseParty>?)?, string?, string) Refuse(string problem) => (null, problem, string.Empty);

    /// <summary>An accepted change of the request only.</summary>
    protected static ((ImrRequest, IReadOnlyList<CaseParty>?)?, string?, string) Done(ImrRequest request, string detail) => ((request, null), null, detail);

    /// <summary>True when <paramref name="actor"/> is <paramref name="objectId"/>.</summary>
    protected static bool Is(string? objectId, string actor) => string.Equals(objectId, actor, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The business manager names the author and panel member and sets the due date of an agency's IMR.</summary>
public sealed record EditImrCommand : ImrCommand
{
    /// <summary>The author (a person the board knows, with a mail address).</summary>
    public string? AuthorObjectId { get; init; }

    /// <summary>The agency's panel member.</summary>
    public string? PanelMemberObjectId { get; init; }

    /// <summary>The due date.</summary>
    public DateOnly? DueOn { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ImrRequestEdited";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager];

    /// <inheritdoc />
    public override string Describe() => "change this IMR request";

    /// <inheritdoc />
    protected override ((ImrRequest, IReadOnlyList<CaseParty>?)?, string?, string) Change(ReviewCase current, ImrRequest request, CaseCommandContext context)
    {
        var board = context.Board;
        var author = string.IsNullOrWhiteSpace(AuthorObjectId) ? null : board.FindPerson(AuthorObjectId);
        var panel = string.IsNullOrWhiteSpace(PanelMemberObjectId) ? null : board.FindPerson(PanelMemberObjectId);
        if (author is null || author.Email is null)
        {
            return Refuse("Please choose the IMR author from the list: ReviewBot needs someone the board knows, with a mail address.");
        }

        if (!string.IsNullOrWhiteSpace(PanelMemberObjectId) && panel is null)
        {
            return Refuse("Please choose the agency's panel member from the list.");
        }

        if (DueOn is not { } due || due <= context.Today)
        {
            return Refuse("Please give a due date after today, as a date such as 8/1/2027.");
        }

        if (request.IsSubmitted)
        {
            return Refuse("This IMR has been submitted, so its request can no longer be changed.");
        }

        var changed = request with
        {
            AuthorObjectId = author.ObjectId,
            PanelMemberObjectId = panel?.ObjectId ?? request.PanelMemberObjectId,
            DueOn = due,
            DueSetOn = due == request.DueOn ? request.DueSetOn : context.Today,
            Independence = Is(request.AuthorObjectId, author.ObjectId) ? request.Independence : null,
        };
        var parties = current.Parties.Where(p => !(p.Role == BoardRole.ImrAuthor && Is(p.ObjectId, request.AuthorObjectId ?? string.Empty) && !AuthorElsewhere(current, request, p.ObjectId))).ToList();
        List<CaseParty> added = [new(author.ObjectId, BoardRole.ImrAuthor, author.DisplayName)];
        if (panel is not null)
        {
            added.Add(new(panel.ObjectId, BoardRole.PanelMember, panel.DisplayName));
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"author{(Is(request.AuthorObjectId, author.ObjectId) ? "-kept" : "-named")}:due={due:yyyy-MM-dd}");
        return ((changed, ImrCommissioning.WithParties(parties, added)), null, detail);
    }

    private static bool AuthorElsewhere(ReviewCase c, ImrRequest except, string objectId)
        => c.ImrRequests.Any(r => !ReferenceEquals(r, except) && Is(r.AuthorObjectId, objectId));
}

/// <summary>The author confirms independence (Enfield 3.6): the statement is recorded with who and when.</summary>
public sealed record ConfirmIndependenceCommand : ImrCommand
{
    /// <summary>True when the author ticked the statement.</summary>
    public bool Confirmed { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ImrIndependenceConfirmed";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.ImrAuthor];

    /// <inheritdoc />
    public override string Describe() => "confirm the IMR author's independence";

    /// <inheritdoc />
    protected override ((ImrRequest, IReadOnlyList<CaseParty>?)?, string?, string) Change(ReviewCase current, ImrRequest request, CaseCommandContext context)
    {
        if (!Is(request.AuthorObjectId, context.ActorObjectId))
        {
            return Refuse("Only the named author of this IMR may confirm their independence.");
        }

        if (!Confirmed)
        {
            return Refuse("Please tick the statement to confirm it: an IMR author must not have been involved with the family nor line-managed anyone who was.");
        }

        if (request.Independence is not null)
        {
            return Refuse("You have already confirmed your independence for this IMR.");
        }

        var statement = ImrTexts.IndependenceStatement(ImrTexts.AgencyName(context.Board, request.AgencyId));
        return Done(request with { Independence = new ImrIndependence(statement, context.ActorObjectId, context.Now) }, "confirmed");
    }
}

/// <summary>The author (or the agency's panel member) submits the IMR with a link to the document: its reminders stop.</summary>
public sealed record SubmitImrCommand : ImrCommand
{
    /// <summary>Link to the document.</summary>
    public string? DocumentUrl { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ImrSubmitted";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.ImrAuthor, BoardRole.PanelMember];

    /// <inheritdoc />
    public override string Describe() => "mark this IMR submitted";

    /// <inheritdoc />
    protected override ((ImrRequest, IReadOnlyList<CaseParty>?)?, string?, string) Change(ReviewCase current, ImrRequest request, CaseCommandContext context)
    {
        var actor = context.ActorObjectId;
        var byPanel = Is(request.PanelMemberObjectId, actor);
        if (!Is(request.AuthorObjectId, actor) && !byPanel)
        {
            return Refuse("Only this IMR's author or the agency's panel member may mark it submitted.");
        }

        if (request.IsSubmitted)
        {
            return Refuse("This IMR is already marked submitted.");
        }

        if (!Uri.TryCreate(DocumentUrl?.Trim(), UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)
        {
            return Refuse("Please give the link to the IMR document, starting https:// (for example its SharePoint link).");
        }

        if (!byPanel && request.Independence is null)
        {
            return Refuse("Please confirm your independence statement first: it is recorded with the IMR.");
        }

        var submitted = request with { Submission = new ImrSubmission(link.AbsoluteUri, actor, context.Now) };
        return Done(byPanel ? submitted with { ReceivedAt = context.Now, ReceivedByObjectId = actor } : submitted, byPanel ? "by-panel-member" : "by-author");
    }
}

/// <summary>The agency's panel member confirms the submitted IMR arrived.</summary>
public sealed record ConfirmImrReceivedCommand : ImrCommand
{
    /// <inheritdoc />
    public override string AuditAction => "ImrReceiptConfirmed";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.PanelMember];

    /// <inheritdoc />
    public override string Describe() => "confirm this IMR was received";

    /// <inheritdoc />
    protected override ((ImrRequest, IReadOnlyList<CaseParty>?)?, string?, string) Change(ReviewCase current, ImrRequest request, CaseCommandContext context)
    {
        if (!Is(request.PanelMemberObjectId, context.ActorObjectId))
        {
            return Refuse("Only the agency's panel member may confirm its IMR arrived.");
        }

        return request.Submission is null ? Refuse("The IMR has not been submitted yet.")
            : request.ReceivedAt is not null ? Refuse("Receipt of this IMR is already confirmed.")
            : Done(request with { ReceivedAt = context.Now, ReceivedByObjectId = context.ActorObjectId }, "received");
    }
}

/// <summary>An agreed extension of an IMR's due date: new date, reason and who agreed; its reminders move.</summary>
public sealed record ExtendImrCommand : ImrCommand
{
    /// <summary>The new due date.</summary>
    public DateOnly? NewDueOn { get; init; }

    /// <summary>Why.</summary>
    public string? Reason { get; init; }

    /// <summary>Who agreed it.</summary>
    public string? AgreedBy { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ImrExtended";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager, BoardRole.BoardChair];

    /// <inheritdoc />
    public override string Describe() => "extend this IMR's deadline";

    /// <inheritdoc />
    protected override ((ImrRequest, IReadOnlyList<CaseParty>?)?, string?, string) Change(ReviewCase current, ImrRequest request, CaseCommandContext context)
    {
        if (request.IsSubmitted)
        {
            return Refuse("This IMR has been submitted: there is no deadline left to extend.");
        }

        if (NewDueOn is not { } newDue || newDue <= request.DueOn)
        {
            return Refuse($"Please give a new date after the current due date, {ImrTexts.Day(request.DueOn)}.");
        }

        if (string.IsNullOrWhiteSpace(Reason) || string.IsNullOrWhiteSpace(AgreedBy))
        {
            return Refuse("Please give the reason for the extension and who agreed it: both are recorded.");
        }

        var extension = new ClockExtension(request.DueOn, newDue, Reason.Trim(), AgreedBy.Trim(), context.ActorObjectId, context.Now);
        return Done(request with { DueOn = newDue, DueSetOn = context.Today, Extensions = [.. request.Extensions, extension] },
            string.Create(CultureInfo.InvariantCulture, $"{request.DueOn:yyyy-MM-dd}->{newDue:yyyy-MM-dd}"));
    }
}
