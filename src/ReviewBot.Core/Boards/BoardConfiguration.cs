using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Boards;

/// <summary>
/// A safeguarding board's own settings: its rulebook, agencies, people and local rules. Local practice
/// (e.g. Enfield's one-working-day checks) lives here, not in code.
/// </summary>
public sealed record BoardConfiguration
{
    /// <summary>Stable id, e.g. "enfield".</summary>
    public required string BoardId { get; init; }

    /// <summary>Display name, e.g. "Enfield Safeguarding Children Board".</summary>
    public required string Name { get; init; }

    /// <summary>The Entra tenant the board's staff sign in with.</summary>
    public required string TenantId { get; init; }

    /// <summary>The regime the board reviews under.</summary>
    public RulebookKind Rulebook { get; init; } = RulebookKind.Scr;

    /// <summary>Agencies referrals may name.</summary>
    public IReadOnlyList<Agency> Agencies { get; init; } = [];

    /// <summary>People and their board-level roles, by Entra object id.</summary>
    public IReadOnlyList<BoardPerson> People { get; init; } = [];

    /// <summary>The board's shared mailbox (meetings are organised from it).</summary>
    public string? BoardMailbox { get; init; }

    /// <summary>The board's Teams channel for notifications (never shows child names).</summary>
    public TeamChannel? Channel { get; init; }

    /// <summary>Working hours used for due times and meeting slots.</summary>
    public WorkingHours WorkingHours { get; init; } = new();

    /// <summary>How long a closed case is kept before the retention sweep erases it.</summary>
    public int RetentionDays { get; init; } = 365 * 6;

    /// <summary>How long an untouched referral draft lives (one reminder, then discarded).</summary>
    public int DraftLifetimeDays { get; init; } = 14;

    /// <summary>Reminders to the chair, in days relative to the decision due date (−7, −1, +1 = overdue).</summary>
    public IReadOnlyList<int> DecisionReminderOffsetDays { get; init; } = [-7, -1, 1];

    /// <summary>External bodies notified after a decision (e.g. Ofsted, the national panel, DfE).</summary>
    public IReadOnlyList<string> DecisionNotificationRecipients { get; init; } = ["Ofsted", "National panel"];

    /// <summary>
    /// Tasks set when a review is agreed. Defaults to Enfield 4.3's one-working-day checks (a local rule,
    /// so boards replace it in their configuration).
    /// </summary>
    public IReadOnlyList<TaskTemplate> ReviewInitiationTasks { get; init; } = TaskTemplate.EnfieldInitiationChecks;

    /// <summary>CSPR: where the 15-working-day rapid review count starts.</summary>
    public RapidReviewStart RapidReviewStartsFrom { get; init; } = RapidReviewStart.BecomingAware;

    /// <summary>SCR: where the chair's one-month decision clock starts (sources differ: domain.md step 3).</summary>
    public DecisionClockStart DecisionClockStartsFrom { get; init; } = DecisionClockStart.ReferralReachesBoard;

    /// <summary>SCR: where the 6-month completion clock starts (Enfield 4.4: the Ofsted notification; WT2013: initiation).</summary>
    public CompletionClockStart CompletionClockStartsFrom { get; init; } = CompletionClockStart.OfstedNotification;

    /// <summary>SCR: who notifies Ofsted of the serious incident as soon as it is known (Enfield 4.1: the Chair).</summary>
    public BoardRole IncidentNotificationOwner { get; init; } = BoardRole.BoardChair;

    /// <summary>
    /// Who tells the <see cref="DecisionNotificationRecipients"/> of a decision within one working day
    /// (Enfield 4.3 gives the day's tasks to the LA child protection adviser, the head of safeguarding).
    /// </summary>
    public BoardRole DecisionNotificationOwner { get; init; } = BoardRole.HeadOfSafeguarding;

    /// <summary>CSPR: who sends the serious incident notification (the local authority's safeguarding lead).</summary>
    public BoardRole PanelNotificationOwner { get; init; } = BoardRole.HeadOfSafeguarding;

    /// <summary>CSPR: who sees the rapid review through for the safeguarding partners.</summary>
    public BoardRole RapidReviewOwner { get; init; } = BoardRole.BusinessManager;

    /// <summary>
    /// Reminders of working-day clocks (CSPR notification and rapid review), in working days relative to the
    /// due date: −2 = two working days before, 0 = on the day, 1 = the working day after (overdue).
    /// </summary>
    public IReadOnlyList<int> StatutoryReminderOffsetWorkingDays { get; init; } = [-2, 0, 1];

    /// <summary>When IMRs are due and how they are chased.</summary>
    public ReviewBot.Core.Imr.ImrSettings Imr { get; init; } = new();

    /// <summary>The stages after a review is agreed: their clocks, reminders and publication's notice period.</summary>
    public ReviewBot.Core.Review.ReviewSettings Review { get; init; } = new();

    /// <summary>People holding <paramref name="role"/> on the board.</summary>
    public IEnumerable<BoardPerson> PeopleIn(BoardRole role) => People.Where(p => p.Roles.Contains(role));

    /// <summary>The person with this Entra object id, if the board knows them.</summary>
    public BoardPerson? FindPerson(string? objectId)
        => objectId is null ? null : People.FirstOrDefault(p => string.Equals(p.ObjectId, objectId, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An agency the board works with.</summary>
/// <param name="Id">Stable id, e.g. "police".</param>
/// <param name="Name">Display name.</param>
/// <param name="ContactEmail">Where IMR requests and chasers go.</param>
public sealed record Agency(string Id, string Name, string? ContactEmail = null);

/// <summary>A person known to the board.</summary>
/// <param name="ObjectId">Entra object id.</param>
/// <param name="DisplayName">Name shown on cards to people with a role on the case.</param>
/// <param name="Email">Mail address for Outlook invites and reminders.</param>
/// <param name="Roles">Board-level roles.</param>
/// <param name="AgencyId">Their agency, when they represent one.</param>
public sealed record BoardPerson(string ObjectId, string DisplayName, string? Email, IReadOnlyList<BoardRole> Roles, string? AgencyId = null);

/// <summary>A Teams channel.</summary>
/// <param name="TeamId">The team's id.</param>
/// <param name="ChannelId">The channel's id (<c>19:...@thread.tacv2</c>).</param>
/// <param name="ServiceUrl">The connector service URL for the tenant, once known.</param>
public sealed record TeamChannel(string TeamId, string ChannelId, string? ServiceUrl = null);

/// <summary>Working hours in the board's time zone.</summary>
/// <param name="TimeZoneId">IANA id, e.g. "Europe/London".</param>
/// <param name="Start">Start of day.</param>
/// <param name="End">End of day; due times fall here.</param>
public sealed record WorkingHours(string TimeZoneId = "Europe/London", TimeOnly Start = default, TimeOnly End = default)
{
    /// <summary>Start of the working day (09:00 unless set).</summary>
    public TimeOnly DayStart => Start == default ? new TimeOnly(9, 0) : Start;

    /// <summary>End of the working day (17:00 unless set).</summary>
    public TimeOnly DayEnd => End == default ? new TimeOnly(17, 0) : End;
}

/// <summary>CSPR rapid review start point (domain.md: differs by source, so configurable).</summary>
public enum RapidReviewStart
{
    /// <summary>From the day the local authority became aware of the incident.</summary>
    BecomingAware,

    /// <summary>From the day the notification was sent to the national Panel.</summary>
    NotificationSent,
}

/// <summary>SCR: the day the chair's one-month decision clock starts.</summary>
public enum DecisionClockStart
{
    /// <summary>When the referral reaches the board (the default: the earliest point any source names).</summary>
    ReferralReachesBoard,

    /// <summary>When the case reaches the chair, i.e. with the sub-group's recommendation (Enfield 4.2).</summary>
    ReferralReachesChair,
}

/// <summary>SCR: the day the 6-month completion clock starts.</summary>
public enum CompletionClockStart
{
    /// <summary>The notification to Ofsted (Enfield 4.4, the default).</summary>
    OfstedNotification,

    /// <summary>The decision to initiate the review (Working Together 2013).</summary>
    Initiation,
}

/// <summary>A follow-up task a board sets at a point in the process.</summary>
/// <param name="Id">Stable id within a case.</param>
/// <param name="Title">What to do (no personal data).</param>
/// <param name="OwnerRole">Who does it.</param>
/// <param name="DueWorkingDays">Working days after the trigger (day 0), due at the end of the working day.</param>
public sealed record TaskTemplate(string Id, string Title, BoardRole OwnerRole, int DueWorkingDays)
{
    /// <summary>Enfield 4.3: within one working day of the decision to initiate a review, all by the LA child protection adviser (head of safeguarding).</summary>
    public static IReadOnlyList<TaskTemplate> EnfieldInitiationChecks { get; } =
    [
        new("safety-other-children", "Confirm safety arrangements for any other children", BoardRole.HeadOfSafeguarding, 1),
        new("client-index", "Check the client index", BoardRole.HeadOfSafeguarding, 1),
        new("police-health-checks", "Check with the police and the designated doctor and nurse", BoardRole.HeadOfSafeguarding, 1),
        new("secure-files", "Secure the files", BoardRole.HeadOfSafeguarding, 1),
        new("inform-director", "Inform the director of children's services", BoardRole.HeadOfSafeguarding, 1),
        new("alert-agencies-imr", "Alert the agencies involved (letter from the chair to each chief executive) that they must produce an IMR", BoardRole.HeadOfSafeguarding, 1),
    ];
}
