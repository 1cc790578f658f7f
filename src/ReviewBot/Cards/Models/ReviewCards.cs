using ReviewBot.Core.Cases;

namespace ReviewBot.Cards.Models;

/// <summary>
/// Data for <c>cards/recommendation.json</c>, for the business manager and sub-group chair. One template,
/// two views: <see cref="CanAct"/> shows the inputs and actions; otherwise <see cref="Status"/> (and the
/// recommendation once <see cref="Made"/>). Hiding buttons is not security: handlers check the role.
/// </summary>
public sealed record RecommendationCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.Recommendation;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version when the card was rendered.</summary>
    public required long Version { get; init; }

    /// <summary>Whether this view is for someone who may recommend.</summary>
    public required bool CanAct { get; init; }

    /// <summary>Teams user ids (<c>29:...</c>) whose clients fetch their own view (at most 60).</summary>
    public required IReadOnlyList<string> RefreshUserIds { get; init => field = CardLimits.RefreshUserIds(value); }

    /// <summary>The review in short, for button titles: "SCR" or "local CSPR".</summary>
    public required string ReviewName { get; init; }

    /// <summary>The referral: whole while the recommendation waits, <see cref="ReferralDigest.InBrief"/> once it is <see cref="Made"/>.</summary>
    public required ReferralDigest Referral { get => Made is null ? field : field.InBrief(); init; }

    /// <summary>The criteria check.</summary>
    public required CriteriaOutcomeView Outcome { get; init; }

    /// <summary>Status in words, e.g. "Waiting for the sub-group chair's recommendation".</summary>
    public required string Status { get; init; }

    /// <summary>The recommendation, once made.</summary>
    public RecommendationMade? Made { get; init; }

    /// <summary>The extraordinary panel meeting in words, once one is called.</summary>
    public string? MeetingStatus { get; init; }

    /// <summary>The booked panel meeting with each attendee's answer.</summary>
    public BookedMeetingView? Meeting { get; init; }
}

/// <summary>
/// The referral as the sub-group and the chair see it: the child, the whole account of what happened (in
/// paragraphs), the agencies and the referrer. Only on the cards of people whose role lets them see it
/// (<see cref="Core.Cases.CaseVisibility"/>).
/// </summary>
public sealed record ReferralDigest
{
    /// <summary>Creates the digest from card data.</summary>
    /// <param name="childName">The child's name.</param>
    /// <param name="account">What happened, as paragraphs.</param>
    /// <param name="agencies">Agencies involved, e.g. "Northfield Police; Little Acorns Nursery".</param>
    /// <param name="referrer">Who referred, e.g. "Rita Referrer, designated safeguarding lead, Riverside School".</param>
    [System.Text.Json.Serialization.JsonConstructor]
    public ReferralDigest(string childName, IReadOnlyList<string> account, string agencies, string referrer)
    {
        ChildName = childName;
        Account = account;
        Agencies = agencies;
        Referrer = referrer;
    }

    /// <summary>The child's name.</summary>
    public string ChildName { get; init; }

    /// <summary>What happened, whole, in paragraphs (up to <see cref="CardLimits.Account"/> characters: more than any answer takes).</summary>
    public IReadOnlyList<string> Account { get; init; }

    /// <summary>Agencies involved, in one line (one text block however many there are).</summary>
    public string Agencies { get; init; }

    /// <summary>Who referred (name, role, agency).</summary>
    public string Referrer { get; init; }

    /// <summary>The digest of an account as typed: split into paragraphs, every word kept.</summary>
    public static ReferralDigest Of(string childName, string account, string agencies, string referrer)
        => new(childName, CardText.Paragraphs(CardText.Preview(account, CardLimits.Account), CardLimits.TextBlock), agencies, referrer);

    /// <summary>
    /// The digest once the viewer's step is done (the recommendation or decision made): the account cut to
    /// <see cref="CardLimits.AccountPreview"/> characters, so the card has room for what was decided.
    /// </summary>
    public ReferralDigest InBrief()
    {
        var kept = new List<string>();
        var left = CardLimits.AccountPreview;
        foreach (var paragraph in Account)
        {
            if (left < 40)
            {
                kept[^1] = kept[^1].EndsWith(CardText.ContinuesMarker, StringComparison.Ordinal) ? kept[^1] : kept[^1] + CardText.ContinuesMarker;
                break;
            }

            var shown = CardText.Preview(paragraph, left);
            kept.Add(shown);
            left -= shown.Length;
            if (!ReferenceEquals(shown, paragraph))
            {
                break;
            }
        }

        return this with { Account = kept };
    }
}

/// <summary>A sub-group recommendation as shown on cards.</summary>
public sealed record RecommendationMade
{
    /// <summary>e.g. "Serious case review" or "Alternative review".</summary>
    public required string KindText { get; init; }

    /// <summary>The alternative review in words, when one was recommended.</summary>
    public string? Alternative { get; init; }

    /// <summary>Proposed methodology, if given.</summary>
    public string? Methodology { get; init; }

    /// <summary>Proposed lead reviewer, if given.</summary>
    public string? LeadReviewer { get; init; }

    /// <summary>Why (cut to <see cref="CardLimits.Rationale"/>).</summary>
    public required string Rationale { get; init => field = CardText.Preview(value, CardLimits.Rationale); }

    /// <summary>Who, e.g. "Sub-group chair (name)".</summary>
    public required string By { get; init; }

    /// <summary>When, e.g. "Tue 3 Mar 2026, 14:05".</summary>
    public required string At { get; init; }
}

/// <summary>
/// Data for <c>cards/decision.json</c>, for the board chair; same two-view pattern as
/// <see cref="RecommendationCard"/>.
/// </summary>
public sealed record DecisionCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.Decision;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version when the card was rendered.</summary>
    public required long Version { get; init; }

    /// <summary>Whether this view is for someone who may decide.</summary>
    public required bool CanAct { get; init; }

    /// <summary>Teams user ids (<c>29:...</c>) whose clients fetch their own view (at most 60).</summary>
    public required IReadOnlyList<string> RefreshUserIds { get; init => field = CardLimits.RefreshUserIds(value); }

    /// <summary>The review in short, for button titles: "SCR" or "local CSPR".</summary>
    public required string ReviewName { get; init; }

    /// <summary>
    /// The referral: only on the board chair's own view, never on anyone else's (so not in their refresh). Whole
    /// while the decision waits, <see cref="ReferralDigest.InBrief"/> once it is <see cref="Made"/>.
    /// </summary>
    public ReferralDigest? Referral { get => Made is null ? field : field?.InBrief(); init; }

    /// <summary>The sub-group's recommendation.</summary>
    public required RecommendationMade Recommendation { get; init; }

    /// <summary>The criteria check.</summary>
    public required CriteriaOutcomeView Outcome { get; init; }

    /// <summary>The decision's due date and working days left.</summary>
    public required ClockView Due { get; init; }

    /// <summary>Status in words, e.g. "Waiting for the board chair's decision".</summary>
    public required string Status { get; init; }

    /// <summary>The decision, once made.</summary>
    public DecisionMade? Made { get; init; }
}

/// <summary>A chair's decision as shown on cards.</summary>
public sealed record DecisionMade
{
    /// <summary>e.g. "Serious case review approved" or "Declined".</summary>
    public required string KindText { get; init; }

    /// <summary>The alternative review in words, when declined.</summary>
    public string? Alternative { get; init; }

    /// <summary>The chair's reasons, if given (cut to <see cref="CardLimits.Rationale"/>).</summary>
    public string? Reason { get; init => field = value is null ? null : CardText.Preview(value, CardLimits.Rationale); }

    /// <summary>True when the chair did not follow the sub-group.</summary>
    public bool DepartsFromRecommendation { get; init; }

    /// <summary>Who, e.g. "Board chair (name)".</summary>
    public required string By { get; init; }

    /// <summary>When.</summary>
    public required string At { get; init; }
}

/// <summary>
/// Data for <c>cards/follow-up-checklist.json</c>: tasks after a review is agreed, each ticked on the card.
/// At most <see cref="CardLimits.ChecklistTasks"/> are shown (open ones first, in their order) so the card
/// fits a Teams message; the rest are counted in <see cref="NotShown"/> and reachable through "my tasks".
/// </summary>
public sealed record FollowUpChecklistCard : ICardModel
{
    /// <summary>Creates the checklist.</summary>
    /// <param name="caseRef">The case.</param>
    /// <param name="version">The case's version when rendered.</param>
    /// <param name="tasks">All the case's follow-up tasks.</param>
    [System.Text.Json.Serialization.JsonConstructor]
    public FollowUpChecklistCard(CaseReference caseRef, long version, IReadOnlyList<FollowUpTaskView> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        CaseRef = caseRef;
        Version = version;
        Tasks = [.. tasks.Select((task, i) => (task, i))
            .OrderBy(t => t.task.Done)
            .ThenBy(t => t.i)
            .Take(CardLimits.ChecklistTasks)
            .OrderBy(t => t.i)
            .Select(t => t.task)];
        NotShown = tasks.Count - Tasks.Count;
    }

    /// <summary>The case.</summary>
    public CaseReference CaseRef { get; }

    /// <summary>The case's version when rendered.</summary>
    public long Version { get; }

    /// <summary>The tasks shown.</summary>
    public IReadOnlyList<FollowUpTaskView> Tasks { get; }

    /// <summary>Tasks left off the card.</summary>
    public int NotShown { get; }

    /// <summary>
    /// Who fetches the checklist as it stands when they see it (at most 60): tasks come later (publication's
    /// notice) and every tick moves the case's version, so the card as first sent would soon be out of date.
    /// </summary>
    public IReadOnlyList<string> RefreshUserIds { get; init => field = CardLimits.RefreshUserIds(value); } = [];

    /// <inheritdoc />
    string ICardModel.CardName => CardNames.FollowUpChecklist;
}

/// <summary>A follow-up task as shown on the checklist.</summary>
/// <param name="TaskId">Stable id within the case.</param>
/// <param name="Title">What to do.</param>
/// <param name="OwnerRole">The owning role in words.</param>
/// <param name="DueAt">When due, e.g. "Wed 18 Mar 2026, 17:00".</param>
/// <param name="DoneAt">When ticked, if it was.</param>
/// <param name="DoneBy">Who ticked it, if known.</param>
public sealed record FollowUpTaskView(string TaskId, string Title, string OwnerRole, string DueAt, string? DoneAt = null, string? DoneBy = null)
{
    /// <summary>Ticked (the card then shows when, and no Tick button).</summary>
    public bool Done => DoneAt is not null;
}

/// <summary>
/// Data for <c>cards/my-tasks.json</c>: what waits for the person, soonest first, then the cases they only follow.
/// Case references, what to do and due dates only: no child, family or account (the list lives on in a chat).
/// </summary>
public sealed record MyTasksCard : ICardModel
{
    /// <summary>Creates the list; at most <see cref="CardLimits.MyTasks"/> of each are shown, the rest counted.</summary>
    /// <param name="tasks">The person's open tasks, soonest first.</param>
    /// <param name="following">Open cases where they hold a role but have no task.</param>
    [System.Text.Json.Serialization.JsonConstructor]
    public MyTasksCard(IReadOnlyList<MyTaskView> tasks, IReadOnlyList<FollowedCaseView> following)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(following);
        Tasks = [.. tasks.Take(CardLimits.MyTasks)];
        Following = [.. following.Take(CardLimits.MyTasks)];
        var notShown = tasks.Count - Tasks.Count + following.Count - Following.Count;
        More = notShown > 0 ? $"…and {notShown} more. Type status and a reference for any case." : null;
    }

    /// <summary>The tasks shown.</summary>
    public IReadOnlyList<MyTaskView> Tasks { get; }

    /// <summary>The followed cases shown.</summary>
    public IReadOnlyList<FollowedCaseView> Following { get; }

    /// <summary>How many were left off, in words; null when none were.</summary>
    public string? More { get; }

    /// <inheritdoc />
    string ICardModel.CardName => CardNames.MyTasks;
}

/// <summary>One task on "my tasks".</summary>
/// <param name="CaseRef">The case, e.g. "SCR-2026-0007".</param>
/// <param name="What">What to do.</param>
/// <param name="Due">e.g. "Due Wednesday 18 March 2026" or "No due date".</param>
/// <param name="Overdue">Shown in the attention colour when true.</param>
public sealed record MyTaskView(string CaseRef, string What, string Due, bool Overdue = false);

/// <summary>A case the person follows on "my tasks".</summary>
/// <param name="CaseRef">The case.</param>
/// <param name="Status">Where it stands, in words.</param>
public sealed record FollowedCaseView(string CaseRef, string Status);
