using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;

namespace ReviewBot.Core.Decisions;

/// <summary>The sub-group chair recommends a review, or an alternative, to the board chair.</summary>
public sealed record RecommendCommand : CaseCommand
{
    /// <summary>Review or alternative review.</summary>
    public required RecommendationKind Kind { get; init; }

    /// <summary>Which alternative, for an alternative recommendation.</summary>
    public AlternativeReview? Alternative { get; init; }

    /// <summary>Proposed methodology.</summary>
    public string? Methodology { get; init; }

    /// <summary>Proposed lead reviewer.</summary>
    public string? ProposedLeadReviewer { get; init; }

    /// <summary>The sub-group's rationale (required).</summary>
    public string? Rationale { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "RecommendationMade";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.SubGroupChair];

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => [CaseStage.AwaitingRecommendation, CaseStage.MoreInformationRequested];

    /// <inheritdoc />
    public override string Describe() => "make the sub-group's recommendation";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        if (string.IsNullOrWhiteSpace(Rationale))
        {
            return CommandResult.Reject("Please give the sub-group's rationale: the chair needs it to decide.");
        }

        if (Kind == RecommendationKind.AlternativeReview && Alternative is null)
        {
            return CommandResult.Reject("Please choose which alternative review the sub-group recommends.");
        }

        var recommendation = new SubGroupRecommendation
        {
            Kind = Kind,
            Alternative = Kind == RecommendationKind.AlternativeReview ? Alternative : null,
            Methodology = Methodology?.Trim(),
            ProposedLeadReviewer = ProposedLeadReviewer?.Trim(),
            Rationale = Rationale.Trim(),
            ByObjectId = context.ActorObjectId,
            At = context.Now,
        };
        return CommandResult.Accept(
            current with
            {
                Stage = CaseStage.AwaitingChairDecision,
                Recommendation = recommendation,
                Clocks = WithDecisionClock(current, context),
            },
            Kind == RecommendationKind.Review ? "review" : $"alternative:{Alternative}");
    }

    // The clock runs from the referral reaching the board and never restarts; it starts here only when the
    // board counts from the chair (or for a case stored before the clock started at referral). SCR only.
    private static IReadOnlyList<CaseClock> WithDecisionClock(ReviewCase current, CaseCommandContext context)
        => current.Rulebook != RulebookKind.Scr || current.Clocks.Any(c => c.Kind == ClockKinds.ChairDecision)
            ? current.Clocks
            : [.. current.Clocks, StatutoryClocks.ChairDecision(context.Today, DecisionClockStart.ReferralReachesChair, context.Calendar)];
}

/// <summary>The sub-group, business manager or chair asks the referrer for more information.</summary>
public sealed record AskForInformationCommand : CaseCommand
{
    /// <summary>What to ask (required).</summary>
    public string? Question { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "MoreInformationRequested";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.SubGroupChair, BoardRole.BusinessManager, BoardRole.BoardChair];

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => [CaseStage.AwaitingRecommendation, CaseStage.AwaitingChairDecision];

    /// <inheritdoc />
    public override string Describe() => "ask the referrer for more information";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        if (string.IsNullOrWhiteSpace(Question))
        {
            return CommandResult.Reject("Please write what you would like the referrer to tell you.");
        }

        var request = new InformationRequest(Question.Trim(), context.ActorObjectId, context.Now, current.Stage);
        return CommandResult.Accept(current with
        {
            Stage = CaseStage.MoreInformationRequested,
            InformationRequests = [.. current.InformationRequests, request],
        });
    }
}

/// <summary>The sub-group chair or business manager calls an extraordinary panel meeting.</summary>
public sealed record CallPanelMeetingCommand : CaseCommand
{
    /// <inheritdoc />
    public override string AuditAction => "PanelMeetingRequested";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.SubGroupChair, BoardRole.BusinessManager];

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => [CaseStage.AwaitingRecommendation, CaseStage.MoreInformationRequested];

    /// <inheritdoc />
    public override string Describe() => "call an extraordinary panel meeting";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        if (current.Meetings.Any(m => m.Kind == Meetings.PanelMeetingKinds.Extraordinary && m.Plan?.Status != Meetings.PanelMeetingStatus.Cancelled && (m.StartsAt is null || m.StartsAt > context.Now)))
        {
            return CommandResult.Reject("An extraordinary panel meeting has already been called for this case: the business manager is arranging it.");
        }

        // The plan's first search is an outbox effect: times are found after the answer, never inside the turn.
        var meeting = Meetings.PanelMeetings.Called(current, Meetings.PanelMeetingKinds.Extraordinary, context);
        return CommandResult.Accept(current with { Meetings = [.. current.Meetings, meeting] }, meeting.Id);
    }
}
