using ReviewBot.Core.Cases;

namespace ReviewBot.Cards.Models;

/// <summary>
/// Data for <c>cards/action-plan.json</c>: the panel's overview of the action plan (every action: agency, owner, due,
/// status, overdue by N working days) and of learning dissemination; the business manager also gets the forms to add
/// or change an action and to ask the agencies to disseminate the learning. Hidden inputs are not security.
/// </summary>
public sealed record ActionPlanCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ActionPlan;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version when rendered.</summary>
    public required long Version { get; init; }

    /// <summary>The card's purpose, for refresh.</summary>
    public string Card { get; init; } = Core.ActionPlans.ActionPlanEffects.OverviewCard;

    /// <summary>"3 actions: 1 complete, 1 overdue…".</summary>
    public required string Summary { get; init; }

    /// <summary>Every action.</summary>
    public IReadOnlyList<ActionPlanLine> Items { get; init; } = [];

    /// <summary>Each agency's dissemination.</summary>
    public IReadOnlyList<DisseminationLine> Disseminations { get; init; } = [];

    /// <summary>The business manager may add or change actions.</summary>
    public bool CanAdd { get; init; }

    /// <summary>The business manager may ask the agencies to disseminate the learning.</summary>
    public bool CanStartDissemination { get; init; }

    /// <summary>Open actions the business manager may change (choice values are item ids; "new" = a new action).</summary>
    public IReadOnlyList<PersonChoice> EditChoices { get; init; } = [];

    /// <summary>People who may own an action.</summary>
    public IReadOnlyList<PersonChoice> OwnerChoices { get; init; } = [];

    /// <summary>The board's agencies.</summary>
    public IReadOnlyList<PersonChoice> AgencyChoices { get; init; } = [];

    /// <summary>Teams user ids whose clients fetch their own view.</summary>
    public required IReadOnlyList<string> RefreshUserIds { get; init => field = CardLimits.RefreshUserIds(value); }
}

/// <summary>One action on the overview.</summary>
/// <param name="Id">The item id (a1, a2…).</param>
/// <param name="What">The action.</param>
/// <param name="Agency">The owning agency.</param>
/// <param name="Owner">The owner's name.</param>
/// <param name="Due">The due date in words.</param>
/// <param name="Status">Where it stands, with "overdue by N working days".</param>
/// <param name="Overdue">True when overdue (attention colour).</param>
/// <param name="Measure">How completion is measured.</param>
public sealed record ActionPlanLine(string Id, string What, string Agency, string Owner, string Due, string Status, bool Overdue, string Measure);

/// <summary>One agency's dissemination on the overview.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Status">Due, overdue by N working days, or confirmed.</param>
/// <param name="Overdue">True when overdue.</param>
public sealed record DisseminationLine(string Agency, string Status, bool Overdue);

/// <summary>A choice on a card: its title and value.</summary>
/// <param name="Name">What is shown.</param>
/// <param name="ObjectId">The value sent back (an object id, agency id or item id).</param>
public sealed record PersonChoice(string Name, string ObjectId);

/// <summary>
/// Data for <c>cards/action-item.json</c>: one action as its owner and the panel see it; the owner reports progress
/// (status, note, date) and completes it with a link to the evidence.
/// </summary>
public sealed record ActionItemCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ActionItem;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version when rendered.</summary>
    public required long Version { get; init; }

    /// <summary>The card's purpose (<c>action:{id}</c>), for refresh.</summary>
    public required string Card { get; init; }

    /// <summary>The item id.</summary>
    public required string ItemId { get; init; }

    /// <summary>The action as a line of the overview.</summary>
    public required ActionPlanLine Item { get; init; }

    /// <summary>Progress so far, oldest first, in words.</summary>
    public IReadOnlyList<string> Updates { get; init; } = [];

    /// <summary>The evidence link, once complete.</summary>
    public string? EvidenceUrl { get; init; }

    /// <summary>Today for the date input (yyyy-MM-dd).</summary>
    public required string TodayValue { get; init; }

    /// <summary>The owner may report progress.</summary>
    public bool CanUpdate { get; init; }

    /// <summary>Teams user ids whose clients fetch their own view.</summary>
    public required IReadOnlyList<string> RefreshUserIds { get; init => field = CardLimits.RefreshUserIds(value); }
}

/// <summary>Data for <c>cards/learning-dissemination.json</c>: an agency's task to disseminate the learning, confirmed by its panel member.</summary>
public sealed record DisseminationCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.LearningDissemination;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version when rendered.</summary>
    public required long Version { get; init; }

    /// <summary>The card's purpose (<c>learning:{agency}</c>), for refresh.</summary>
    public required string Card { get; init; }

    /// <summary>The agency's id.</summary>
    public required string AgencyId { get; init; }

    /// <summary>The agency and where its dissemination stands.</summary>
    public required DisseminationLine Line { get; init; }

    /// <summary>How it was disseminated, once confirmed.</summary>
    public string? Note { get; init; }

    /// <summary>The agency's panel member may confirm.</summary>
    public bool CanConfirm { get; init; }

    /// <summary>Teams user ids whose clients fetch their own view.</summary>
    public required IReadOnlyList<string> RefreshUserIds { get; init => field = CardLimits.RefreshUserIds(value); }
}

/// <summary>Data for <c>cards/export-links.json</c>: the export's download links, sent only to the person's 1:1 chat.</summary>
/// <param name="CaseRef">The case.</param>
/// <param name="Minutes">How long the links work.</param>
/// <param name="DocumentUrl">The readable HTML document.</param>
/// <param name="ChronologyCsvUrl">The merged chronology as CSV.</param>
/// <param name="AuditCsvUrl">The audit trail as CSV.</param>
public sealed record ExportLinksCard(CaseReference CaseRef, int Minutes, string DocumentUrl, string ChronologyCsvUrl, string AuditCsvUrl) : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ExportLinks;
}
