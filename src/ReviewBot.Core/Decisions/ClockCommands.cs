using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Decisions;

/// <summary>A clock's owner marks the step done (e.g. the Panel notification sent): who and when are recorded, and its reminders stop.</summary>
public sealed record CompleteClockCommand : CaseCommand
{
    /// <summary>Every stage in which a clock can still be open.</summary>
    internal static readonly IReadOnlyList<CaseStage> OpenStages =
    [
        CaseStage.AwaitingRecommendation, CaseStage.AwaitingChairDecision, CaseStage.MoreInformationRequested,
        CaseStage.ReviewInitiated, CaseStage.AlternativeReviewAgreed,
    ];

    /// <summary>The clock, e.g. <see cref="ClockKinds.PanelNotification"/>.</summary>
    public required string ClockKind { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ClockCompleted";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.HeadOfSafeguarding, BoardRole.BusinessManager];

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRolesOn(ReviewCase current)
        => OpenClock(current, ClockKind)?.OwnerRole is { } owner ? [owner] : PermittedRoles;

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => OpenStages;

    /// <inheritdoc />
    public override string Describe() => "mark this step done";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        var clock = OpenClock(current, ClockKind);
        if (clock?.OwnerRole is null)
        {
            return CommandResult.Reject("That step is not open on this case, so there is nothing to mark done.");
        }

        var done = clock with { CompletedAt = context.Now, CompletedByObjectId = context.ActorObjectId };
        return CommandResult.Accept(current with { Clocks = [.. current.Clocks.Select(c => ReferenceEquals(c, clock) ? done : c)] }, ClockKind);
    }

    internal static CaseClock? OpenClock(ReviewCase current, string kind)
        => current.Clocks.LastOrDefault(c => c.Kind == kind && c.CompletedAt is null);
}

/// <summary>
/// The chair or business manager records an agreed extension of a clock (e.g. the review's completion while
/// criminal proceedings run): reason, new date and who agreed, kept on the clock and in the audit trail.
/// </summary>
public sealed record ExtendClockCommand : CaseCommand
{
    /// <summary>The clock, e.g. <see cref="ClockKinds.ReviewCompletion"/>.</summary>
    public required string ClockKind { get; init; }

    /// <summary>The new due date.</summary>
    public DateOnly? NewDueOn { get; init; }

    /// <summary>Why (required).</summary>
    public string? Reason { get; init; }

    /// <summary>Who agreed the new date (required), e.g. "the board chair with the national panel".</summary>
    public string? AgreedBy { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ClockExtended";

    /// <summary>Roles that may extend a deadline.</summary>
    public static IReadOnlyList<BoardRole> Extenders { get; } = [BoardRole.BoardChair, BoardRole.BusinessManager];

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => Extenders;

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => CompleteClockCommand.OpenStages;

    /// <summary>True when <paramref name="viewer"/> may extend a deadline on the case and one is open (cards offer the form then).</summary>
    public static bool MayExtendAny(ReviewCase c, string? viewer)
        => viewer is not null && c.Clocks.Any(k => k.CompletedAt is null) && Extenders.Any(role => c.HasRole(viewer, role));

    /// <inheritdoc />
    public override string Describe() => "extend this deadline";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        var clock = CompleteClockCommand.OpenClock(current, ClockKind);
        if (clock is null)
        {
            return CommandResult.Reject("That deadline is not open on this case, so it cannot be extended.");
        }

        if (NewDueOn is not { } newDue || newDue <= clock.DueOn)
        {
            return CommandResult.Reject(string.Create(CultureInfo.InvariantCulture, $"Please give a new date after the current due date, {clock.DueOn:d MMMM yyyy}."));
        }

        if (string.IsNullOrWhiteSpace(Reason) || string.IsNullOrWhiteSpace(AgreedBy))
        {
            return CommandResult.Reject("Please give the reason for the extension and who agreed it: both are recorded.");
        }

        var extension = new ClockExtension(clock.DueOn, newDue, Reason.Trim(), AgreedBy.Trim(), context.ActorObjectId, context.Now);
        var extended = clock with { DueOn = newDue, Extensions = [.. clock.Extensions, extension] };
        return CommandResult.Accept(
            current with { Clocks = [.. current.Clocks.Select(c => ReferenceEquals(c, clock) ? extended : c)] },
            string.Create(CultureInfo.InvariantCulture, $"{ClockKind}:{clock.DueOn:yyyy-MM-dd}->{newDue:yyyy-MM-dd}"));
    }
}
