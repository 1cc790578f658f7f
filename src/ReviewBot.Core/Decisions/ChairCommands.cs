using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Decisions;

/// <summary>The board chair approves or declines a review.</summary>
public sealed record DecideCommand : CaseCommand
{
    /// <summary>Approve or decline.</summary>
    public required ChairDecisionKind Kind { get; init; }

    /// <summary>The alternative review when declining.</summary>
    public AlternativeReview? Alternative { get; init; }

    /// <summary>The chair's reasons; required when departing from the recommendation.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ChairDecisionRecorded";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BoardChair];

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => [CaseStage.AwaitingChairDecision];

    /// <inheritdoc />
    public override string Describe() => Kind == ChairDecisionKind.Approve ? "approve the review" : "decline the review";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        var recommendation = current.Recommendation;
        var departs = recommendation is null
            || (Kind == ChairDecisionKind.Approve) != (recommendation.Kind == RecommendationKind.Review);
        if (departs && string.IsNullOrWhiteSpace(Reason))
        {
            return CommandResult.Reject("Please give your reasons: the decision differs from the sub-group's recommendation, and the reasons must be recorded.");
        }

        var alternative = Alternative ?? recommendation?.Alternative;
        if (Kind == ChairDecisionKind.Decline && alternative is null)
        {
            return CommandResult.Reject("Please choose the alternative review (or 'no further review') when declining.");
        }

        var decision = new ChairDecision
        {
            Kind = Kind,
            Alternative = Kind == ChairDecisionKind.Decline ? alternative : null,
            Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(),
            DepartsFromRecommendation = departs,
            ByObjectId = context.ActorObjectId,
            At = context.Now,
        };
        var decided = current with { Decision = decision, Clocks = CompleteDecisionClock(current.Clocks, context.Now) };
        return CommandResult.Accept(
            Kind == ChairDecisionKind.Approve ? Initiate(decided, context) : Decline(decided, context),
            Kind == ChairDecisionKind.Approve ? "approve" : $"decline:{alternative}");
    }

    private static ReviewCase Initiate(ReviewCase decided, CaseCommandContext context)
    {
        var tasks = StatutoryTasks.DecisionNotifications(context.Board, ChairDecisionKind.Approve, decided.Rulebook)
            .Concat(context.Board.ReviewInitiationTasks)
            .Select(t => Schedule(t, context));
        var initiated = decided with
        {
            Stage = CaseStage.ReviewInitiated,
            Tasks = [.. decided.Tasks, .. tasks],
        };
        return Review.ReviewMachine.Begin(Imr.ImrCommissioning.Commission(CompletionClock.StartIfDue(initiated, context), context), context);
    }

    private static ReviewCase Decline(ReviewCase decided, CaseCommandContext context)
    {
        var tasks = StatutoryTasks.DecisionNotifications(context.Board, ChairDecisionKind.Decline, decided.Rulebook).Select(t => Schedule(t, context));
        return decided with
        {
            Stage = CaseStage.AlternativeReviewAgreed,
            Decision = decided.Decision! with { NationalPanelScrutiny = decided.Rulebook == RulebookKind.Scr ? StatutoryTasks.DeclineScrutiny : null },
            Tasks = [.. decided.Tasks, .. tasks],
        };
    }

    private static IReadOnlyList<CaseClock> CompleteDecisionClock(IReadOnlyList<CaseClock> clocks, DateTimeOffset now)
        => [.. clocks.Select(c => c.Kind == ClockKinds.ChairDecision && c.CompletedAt is null ? c with { CompletedAt = now } : c)];

    private static FollowUpTask Schedule(TaskTemplate template, CaseCommandContext context)
        => new(template.Id, template.Title, template.OwnerRole, StatutoryTasks.EndOfWorkingDay(context.Board, context.Calendar.AddWorkingDays(context.Today, template.DueWorkingDays)));
}

/// <summary>Someone ticks a follow-up task on the checklist card.</summary>
public sealed record TickTaskCommand : CaseCommand
{
    /// <summary>The task.</summary>
    public required string TaskId { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "TaskTicked";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles =>
        [BoardRole.BusinessManager, BoardRole.HeadOfSafeguarding, BoardRole.BoardChair, BoardRole.SubGroupChair];

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages =>
    [
        CaseStage.AwaitingRecommendation, CaseStage.AwaitingChairDecision, CaseStage.MoreInformationRequested,
        CaseStage.ReviewInitiated, CaseStage.AlternativeReviewAgreed,
    ];

    /// <inheritdoc />
    public override string Describe() => "tick off this task";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        var task = current.Tasks.FirstOrDefault(t => t.Id == TaskId);
        if (task is null)
        {
            return CommandResult.Reject("That task is not on this case's checklist.");
        }

        if (task.DoneAt is not null)
        {
            return CommandResult.Reject("That task is already ticked.");
        }

        if (!current.HasRole(context.ActorObjectId, task.OwnerRole) && !current.HasRole(context.ActorObjectId, BoardRole.BusinessManager))
        {
            return CommandResult.Reject($"Only the {RoleNames.Of(task.OwnerRole)} or the business manager may tick this task.");
        }

        var done = task with { DoneAt = context.Now, DoneByObjectId = context.ActorObjectId };
        var ticked = current with { Tasks = [.. current.Tasks.Select(t => t.Id == TaskId ? done : t)] };
        return CommandResult.Accept(CompletionClock.StartIfDue(ticked, context), TaskId);
    }
}
