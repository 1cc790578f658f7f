using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Imr;

namespace ReviewBot.Core.ActionPlans;

/// <summary>
/// The business manager adds an action to the plan, or edits one not yet complete. The owner gets the action's
/// card and a role on the case; the agency's panel member (who is told if it falls overdue) a role on it too.
/// </summary>
public sealed record SaveActionItemCommand : CaseCommand
{
    /// <summary>The item edited; null to add one.</summary>
    public string? ItemId { get; init; }

    /// <summary>The action as typed.</summary>
    public required SmartAction Action { get; init; }

    /// <inheritdoc />
    public override string AuditAction => ItemId is null ? "ActionItemAdded" : "ActionItemEdited";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.BusinessManager];

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => ActionPlanStages.AfterAgreement;

    /// <inheritdoc />
    public override string Describe() => ItemId is null ? "add an action to the action plan" : "change an action in the action plan";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        var plan = current.ActionPlan ?? new ActionPlan();
        var existing = ItemId is null ? null : plan.Find(ItemId);
        if (ItemId is not null && existing is null)
        {
            return CommandResult.Reject("That action is not in this case's action plan.");
        }

        if (existing?.IsComplete == true)
        {
            return CommandResult.Reject("That action is complete, so it can no longer be changed.");
        }

        var problems = Action.Problems(context.Board, context.Today);
        if (problems.Count > 0)
        {
            return CommandResult.Reject(string.Join(" ", problems));
        }

        var due = Action.DueOn!.Value;
        var item = existing is null
            ? new ActionPlanItem(NextId(plan), Action.What!.Trim(), Action.OwnerObjectId!, Action.AgencyId!, due, Action.Measure!.Trim()) { AddedOn = context.Today, DueSetOn = context.Today }
            : existing with
            {
                What = Action.What!.Trim(),
                OwnerObjectId = context.Board.FindPerson(Action.OwnerObjectId)!.ObjectId,
                AgencyId = Action.AgencyId!,
                Measure = Action.Measure!.Trim(),
                DueOn = due,
                DueSetOn = due == existing.DueOn ? existing.DueSetOn : context.Today,
            };
        item = item with { OwnerObjectId = context.Board.FindPerson(item.OwnerObjectId)!.ObjectId };
        var items = existing is null ? [.. plan.Items, item] : plan.Items.Select(i => ReferenceEquals(i, existing) ? item : i).ToList();
        var updated = current with { ActionPlan = plan with { Items = items } };
        updated = updated with { Parties = ActionPlanParties.For(updated, context.Board) };
        return CommandResult.Accept(updated, string.Create(CultureInfo.InvariantCulture, $"{item.Id}:{(existing is null ? "added" : "edited")}:{item.AgencyId}:due={due:yyyy-MM-dd}"));
    }

    private static string NextId(ActionPlan plan) => string.Create(CultureInfo.InvariantCulture, $"a{plan.Items.Count + 1}");
}

/// <summary>
/// The action's owner reports progress on its card: a status, a note and the day it describes; "complete" needs a
/// link to the evidence, and stops the reminders.
/// </summary>
public sealed record RecordActionProgressCommand : CaseCommand
{
    /// <summary>The item.</summary>
    public required string ItemId { get; init; }

    /// <summary>The status chosen (a <see cref="ActionItemStatus"/> name).</summary>
    public string? Status { get; init; }

    /// <summary>What was done.</summary>
    public string? Note { get; init; }

    /// <summary>The day the update describes (today when not given).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Link to the evidence, for a completion.</summary>
    public string? EvidenceUrl { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ActionProgressRecorded";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => [BoardRole.ActionOwner];

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => ActionPlanStages.AfterAgreement;

    /// <inheritdoc />
    public override string Describe() => "report progress on this action";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        var plan = current.ActionPlan ?? new ActionPlan();
        if (plan.Find(ItemId) is not { } item)
        {
            return CommandResult.Reject("That action is not in this case's action plan.");
        }

        if (!string.Equals(item.OwnerObjectId, context.ActorObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return CommandResult.Reject("Only the action's owner may report progress on it.");
        }

        if (item.IsComplete)
        {
            return CommandResult.Reject("This action is already complete.");
        }

        if (!Enum.TryParse<ActionItemStatus>(Status, ignoreCase: true, out var status) || status == ActionItemStatus.NotStarted || !Enum.IsDefined(status))
        {
            return CommandResult.Reject("Please choose where the action stands: on track, at risk or complete.");
        }

        if (string.IsNullOrWhiteSpace(Note) || Note.Length > SmartAction.MaximumLength)
        {
            return CommandResult.Reject($"Please say briefly what has been done (under {SmartAction.MaximumLength} characters).");
        }

        var asOf = AsOf ?? context.Today;
        if (asOf > context.Today || asOf < item.AddedOn)
        {
            return CommandResult.Reject("Please give the day the update describes: today or an earlier day since the action was added.");
        }

        var update = new ActionProgressUpdate(status, Note.Trim(), asOf, context.ActorObjectId, context.Now);
        var changed = item with { Status = status, Updates = [.. item.Updates, update] };
        if (status == ActionItemStatus.Complete)
        {
            if (!Uri.TryCreate(EvidenceUrl?.Trim(), UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
            {
                return CommandResult.Reject("Please give the link to the evidence that the action is complete, starting https://.");
            }

            changed = changed with { Completion = new ActionCompletion(link.AbsoluteUri, context.ActorObjectId, context.Now) };
        }

        var updated = current with { ActionPlan = plan with { Items = [.. plan.Items.Select(i => ReferenceEquals(i, item) ? changed : i)] } };
        return CommandResult.Accept(updated, $"{item.Id}:{Code(status)}");
    }

    /// <summary>The status as audit details and card values spell it.</summary>
    public static string Code(ActionItemStatus status) => status switch
    {
        ActionItemStatus.OnTrack => "on-track",
        ActionItemStatus.AtRisk => "at-risk",
        ActionItemStatus.Complete => "complete",
        _ => "not-started",
    };
}

/// <summary>The roles the action plan gives people on the case: each owner, and each owning agency's panel member.</summary>
public static class ActionPlanParties
{
    /// <summary>The case's parties with the action plan's roles brought in line with its items.</summary>
    public static IReadOnlyList<CaseParty> For(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var items = c.ActionPlan?.Items ?? [];
        var owners = items.Select(i => i.OwnerObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = c.Parties.Where(p => p.Role != BoardRole.ActionOwner || owners.Contains(p.ObjectId)).ToList();
        var added = items.Select(i => new CaseParty(i.OwnerObjectId, BoardRole.ActionOwner, board.FindPerson(i.OwnerObjectId)?.DisplayName))
            .Concat(items.Select(i => ImrCommissioning.PanelMemberOf(board, i.AgencyId)).OfType<BoardPerson>()
                .Select(p => new CaseParty(p.ObjectId, BoardRole.PanelMember, p.DisplayName)));
        return ImrCommissioning.WithParties(kept, added);
    }
}
