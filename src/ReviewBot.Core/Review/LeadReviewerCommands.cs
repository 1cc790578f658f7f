using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Core.Review;

/// <summary>A step of the lead reviewer's appointment, open until the lead reviewer stage is left.</summary>
public abstract record LeadReviewerCommand : ReviewCommand
{
    /// <inheritdoc />
    protected sealed override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage > ReviewStage.LeadReviewer)
        {
            return Refuse("The lead reviewer's appointment is already settled.");
        }

        return Change(current, review, review.LeadReviewer, context);
    }

    /// <summary>The command's own change of the appointment.</summary>
    protected abstract (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, LeadReviewerAppointment appointment, CaseCommandContext context);
}

/// <summary>The sub-group (or business manager) proposes the lead reviewer: a new name starts the agreements and checks again.</summary>
public sealed record ProposeLeadReviewerCommand : LeadReviewerCommand
{
    /// <summary>The proposed lead reviewer's name.</summary>
    public string? Name { get; init; }

    /// <summary>Their object id when the board knows them (optional).</summary>
    public string? PersonObjectId { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "LeadReviewerProposed";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.SubGroupChair, BoardRole.BusinessManager];

    /// <inheritdoc />
    public override string Describe() => "propose the lead reviewer";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, LeadReviewerAppointment appointment, CaseCommandContext context)
    {
        var person = context.Board.FindPerson(Text(PersonObjectId));
        if (Text(PersonObjectId) is not null && person is null)
        {
            return Refuse("Please choose the lead reviewer from the list, or type their name.");
        }

        if ((Text(Name) ?? person?.DisplayName) is not { } name)
        {
            return Refuse("Please give the proposed lead reviewer's name.");
        }

        var proposed = new LeadReviewerAppointment { Name = name, ObjectId = person?.ObjectId };
        var parties = person is null ? current.Parties
            : Imr.ImrCommissioning.WithParties(current.Parties, [new CaseParty(person.ObjectId, BoardRole.LeadReviewer, person.DisplayName)]);
        return (current with { Review = review with { LeadReviewer = proposed }, Parties = parties }, null, person is null ? "named" : "board-person");
    }
}

/// <summary>The board chair, or the director of children's services, agrees the proposed lead reviewer (both must: the flow chart).</summary>
public sealed record AgreeLeadReviewerCommand : LeadReviewerCommand
{
    /// <inheritdoc />
    public override string AuditAction => "LeadReviewerAgreed";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BoardChair, BoardRole.DirectorOfChildrensServices];

    /// <inheritdoc />
    public override string Describe() => "agree the lead reviewer";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, LeadReviewerAppointment appointment, CaseCommandContext context)
    {
        if (appointment.Name is null)
        {
            return Refuse("No lead reviewer has been proposed yet.");
        }

        var actor = context.ActorObjectId;
        var agreed = new Recorded(actor, context.Now);
        var asChair = current.HasRole(actor, BoardRole.BoardChair) && appointment.ChairAgreed is null;
        var asDirector = current.HasRole(actor, BoardRole.DirectorOfChildrensServices) && appointment.DirectorAgreed is null;
        if (!asChair && !asDirector)
        {
            return Refuse("Your agreement to this lead reviewer is already recorded.");
        }

        var changed = appointment with
        {
            ChairAgreed = asChair ? agreed : appointment.ChairAgreed,
            DirectorAgreed = asDirector ? agreed : appointment.DirectorAgreed,
        };
        return Done(current, review with { LeadReviewer = changed }, asChair && asDirector ? "chair+director" : asChair ? "chair" : "director");
    }
}

/// <summary>The checks made before appointment.</summary>
public enum LeadReviewerCheck
{
    /// <summary>Training and experience checked.</summary>
    Training,

    /// <summary>References taken up.</summary>
    References,
}

/// <summary>The business manager records a check of the lead reviewer (training, references).</summary>
public sealed record RecordLeadReviewerCheckCommand : LeadReviewerCommand
{
    /// <summary>Which check.</summary>
    public LeadReviewerCheck? Check { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "LeadReviewerChecked";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager];

    /// <inheritdoc />
    public override string Describe() => "record the lead reviewer's checks";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, LeadReviewerAppointment appointment, CaseCommandContext context)
    {
        if (appointment.Name is null)
        {
            return Refuse("No lead reviewer has been proposed yet.");
        }

        var done = new Recorded(context.ActorObjectId, context.Now);
        return Check switch
        {
            LeadReviewerCheck.Training when appointment.TrainingChecked is null => Done(current, review with { LeadReviewer = appointment with { TrainingChecked = done } }, "training"),
            LeadReviewerCheck.References when appointment.ReferencesChecked is null => Done(current, review with { LeadReviewer = appointment with { ReferencesChecked = done } }, "references"),
            null => Refuse("Please say which check was made."),
            _ => Refuse("That check is already recorded."),
        };
    }
}

/// <summary>The lead reviewer (or the business manager for them) confirms independence from the case as a recorded statement.</summary>
public sealed record ConfirmLeadReviewerIndependenceCommand : LeadReviewerCommand
{
    /// <summary>True when the statement was ticked.</summary>
    public bool Confirmed { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "LeadReviewerIndependenceConfirmed";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.LeadReviewer, BoardRole.BusinessManager];

    /// <inheritdoc />
    public override string Describe() => "confirm the lead reviewer's independence";

    /// <summary>The statement confirmed (domain.md step 6).</summary>
    public static string Statement(string name)
        => $"{name} is independent of the board and of the agencies involved, and has had no involvement with the child, the family or the professionals in this case.";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, LeadReviewerAppointment appointment, CaseCommandContext context)
    {
        if (appointment.Name is not { } name)
        {
            return Refuse("No lead reviewer has been proposed yet.");
        }

        if (!Confirmed)
        {
            return Refuse("Please tick the statement to confirm it.");
        }

        if (appointment.IndependenceConfirmed is not null)
        {
            return Refuse("The lead reviewer's independence is already confirmed.");
        }

        var byReviewer = appointment.ObjectId is { } id && string.Equals(id, context.ActorObjectId, StringComparison.OrdinalIgnoreCase);
        var confirmed = appointment with { IndependenceStatement = Statement(name), IndependenceConfirmed = new(context.ActorObjectId, context.Now) };
        return Done(current, review with { LeadReviewer = confirmed }, byReviewer ? "by-lead-reviewer" : "by-business-manager");
    }
}
