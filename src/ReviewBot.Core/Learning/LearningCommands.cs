using System.Globalization;
using ReviewBot.Core.ActionPlans;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Imr;

namespace ReviewBot.Core.Learning;

/// <summary>
/// The business manager asks every agency involved (those asked for an IMR or owning an action) to disseminate the
/// review's learning by a date; each agency's panel member gets the task on a card and is chased until they confirm.
/// </summary>
public sealed record StartDisseminationCommand : CaseCommand
{
    /// <summary>When the agencies should have disseminated it.</summary>
    public DateOnly? DueOn { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "DisseminationRequested";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager];

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => ActionPlanStages.AfterAgreement;

    /// <inheritdoc />
    public override string Describe() => "ask the agencies to disseminate the learning";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        if (DueOn is not { } due || due <= context.Today)
        {
            return CommandResult.Reject("Please give a date after today by which each agency should have disseminated the learning, such as 30/4/2027.");
        }

        var learning = current.Learning ?? new LearningPlan();
        var agencies = current.ImrRequests.Select(r => r.AgencyId)
            .Concat((current.ActionPlan?.Items ?? []).Select(i => i.AgencyId))
            .Distinct(StringComparer.Ordinal)
            .Where(a => learning.Disseminations.All(d => d.AgencyId != a))
            .ToList();
        if (agencies.Count == 0)
        {
            return CommandResult.Reject(learning.Disseminations.Count == 0
                ? "No agency is involved yet: agencies come from the IMRs and the action plan."
                : "Every agency involved has already been asked to disseminate the learning.");
        }

        var board = context.Board;
        // An agency with no panel member on the board is confirmed by the business manager who asked, so the review
        // can still close (and someone is chased for it).
        var tasks = agencies.Select(a => new AgencyDissemination(a, due) { SetOn = context.Today, PanelMemberObjectId = ImrCommissioning.PanelMemberOf(board, a)?.ObjectId ?? context.ActorObjectId }).ToList();
        var panel = agencies.Select(a => ImrCommissioning.PanelMemberOf(board, a)).OfType<BoardPerson>()
            .Select(p => new CaseParty(p.ObjectId, BoardRole.PanelMember, p.DisplayName));
        var updated = current with
        {
            Learning = learning with { Disseminations = [.. learning.Disseminations, .. tasks] },
            Parties = ImrCommissioning.WithParties(current.Parties, panel),
        };
        return CommandResult.Accept(updated, string.Create(CultureInfo.InvariantCulture, $"{string.Join('+', agencies)}:due={due:yyyy-MM-dd}"));
    }
}

/// <summary>An agency's panel member confirms, on the card, that the agency has disseminated the learning.</summary>
public sealed record ConfirmDisseminationCommand : CaseCommand
{
    /// <summary>The agency.</summary>
    public required string AgencyId { get; init; }

    /// <summary>How it was disseminated (briefings, newsletters, training).</summary>
    public string? Note { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "DisseminationConfirmed";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.PanelMember];

    /// <inheritdoc />
    /// <remarks>The business manager confirms for an agency that has no panel member on the board.</remarks>
    public override IReadOnlyList<BoardRole> PermittedRolesOn(ReviewCase current)
        => current?.Learning?.Disseminations.FirstOrDefault(d => d.AgencyId == AgencyId) is { } task
            && !current.Parties.Any(p => p.Role == BoardRole.PanelMember && string.Equals(p.ObjectId, task.PanelMemberObjectId, StringComparison.OrdinalIgnoreCase))
            ? [BoardRole.BusinessManager]
            : PermittedRoles;

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => ActionPlanStages.AfterAgreement;

    /// <inheritdoc />
    public override string Describe() => "confirm the agency has disseminated the learning";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        var learning = current.Learning ?? new LearningPlan();
        if (learning.Disseminations.FirstOrDefault(d => d.AgencyId == AgencyId) is not { } task)
        {
            return CommandResult.Reject("That agency has not been asked to disseminate the learning on this case.");
        }

        if (!string.Equals(task.PanelMemberObjectId, context.ActorObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return CommandResult.Reject("Only the agency's panel member (or, for an agency with none, the business manager who asked) may confirm its dissemination.");
        }

        if (task.IsConfirmed)
        {
            return CommandResult.Reject("This agency's dissemination is already confirmed.");
        }

        if (string.IsNullOrWhiteSpace(Note) || Note.Length > SmartAction.MaximumLength)
        {
            return CommandResult.Reject("Please say briefly how the learning was disseminated (briefings, newsletters, training…).");
        }

        var confirmed = task with { ConfirmedAt = context.Now, ConfirmedByObjectId = context.ActorObjectId, Note = Note.Trim() };
        var updated = current with { Learning = learning with { Disseminations = [.. learning.Disseminations.Select(d => ReferenceEquals(d, task) ? confirmed : d)] } };
        return CommandResult.Accept(updated, AgencyId + ":confirmed");
    }
}
