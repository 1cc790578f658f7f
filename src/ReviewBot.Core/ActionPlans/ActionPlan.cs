using ReviewBot.Core.Imr;

namespace ReviewBot.Core.ActionPlans;

/// <summary>
/// The review's action plan (Enfield 5.3.2, Handsworth Grange): SMART recommendations, each with an owner in an
/// agency and a due date, monitored by the panel. Items are chased like IMRs until their owner completes them.
/// </summary>
public sealed record ActionPlan
{
    /// <summary>The items, in the order they were added.</summary>
    public IReadOnlyList<ActionPlanItem> Items { get; init; } = [];

    /// <summary>The item with <paramref name="id"/>, if any.</summary>
    public ActionPlanItem? Find(string? id) => Items.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
}

/// <summary>One SMART action: what, who owns it in which agency, by when, and how completion is measured.</summary>
/// <param name="Id">Stable id within the case (<c>a1</c>, <c>a2</c>…): also in reminder kinds and card data.</param>
/// <param name="What">The action, specific enough to act on (may name no one: it is shown, never logged).</param>
/// <param name="OwnerObjectId">The owner (a person the board knows).</param>
/// <param name="AgencyId">The agency that owns the action.</param>
/// <param name="DueOn">When it is due (the latest agreed date).</param>
/// <param name="Measure">How the panel will know it is done.</param>
public sealed record ActionPlanItem(string Id, string What, string OwnerObjectId, string AgencyId, DateOnly DueOn, string Measure)
{
    /// <summary>The day the item was added.</summary>
    public DateOnly AddedOn { get; init; }

    /// <summary>The day the current due date was set: reminders for days before it are not sent late.</summary>
    public DateOnly DueSetOn { get; init; }

    /// <summary>Where it stands, as its owner last said.</summary>
    public ActionItemStatus Status { get; init; } = ActionItemStatus.NotStarted;

    /// <summary>Progress updates by the owner, oldest first.</summary>
    public IReadOnlyList<ActionProgressUpdate> Updates { get; init; } = [];

    /// <summary>The completion with its evidence, once complete: reminders stop.</summary>
    public ActionCompletion? Completion { get; init; }

    /// <summary>Reminders and escalations sent, oldest first (the same record as an IMR's).</summary>
    public IReadOnlyList<ImrReminder> Reminders { get; init; } = [];

    /// <summary>True once completed.</summary>
    public bool IsComplete => Completion is not null;
}

/// <summary>Where an action stands.</summary>
public enum ActionItemStatus
{
    /// <summary>Nothing reported yet.</summary>
    NotStarted,

    /// <summary>Under way and expected on time.</summary>
    OnTrack,

    /// <summary>Under way but at risk of missing its date.</summary>
    AtRisk,

    /// <summary>Done, with evidence.</summary>
    Complete,
}

/// <summary>A progress update on an action, as its owner gave it on the card.</summary>
/// <param name="Status">The status reported.</param>
/// <param name="Note">What was done (shown to the panel, never logged).</param>
/// <param name="AsOf">The day the update describes.</param>
/// <param name="ByObjectId">Who gave it.</param>
/// <param name="At">When it was recorded.</param>
public sealed record ActionProgressUpdate(ActionItemStatus Status, string Note, DateOnly AsOf, string ByObjectId, DateTimeOffset At);

/// <summary>An action completed.</summary>
/// <param name="EvidenceUrl">Link to the evidence (the document stays in the agency's store).</param>
/// <param name="ByObjectId">Who completed it.</param>
/// <param name="At">When.</param>
public sealed record ActionCompletion(string EvidenceUrl, string ByObjectId, DateTimeOffset At);
