using ReviewBot.Core.Boards;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Imr;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Cases;

/// <summary>
/// One referred case and everything decided about it. Immutable: a change is a new value plus a
/// <see cref="CaseEvent"/>, written together by <see cref="Ports.ICaseStore"/>.
/// </summary>
public sealed record ReviewCase
{
    /// <summary>The case's public reference.</summary>
    public required CaseReference Reference { get; init; }

    /// <summary>The board that owns the case.</summary>
    public required string BoardId { get; init; }

    /// <summary>The regime the case is reviewed under.</summary>
    public required RulebookKind Rulebook { get; init; }

    /// <summary>Where the case stands.</summary>
    public required CaseStage Stage { get; init; }

    /// <summary>
    /// Increases by one with every stored change. Cards carry it so a stale or repeated action
    /// is recognised (the store sets it; handlers never do).
    /// </summary>
    public long Version { get; init; }

    /// <summary>When the referral was submitted.</summary>
    public required DateTimeOffset ReferredAt { get; init; }

    /// <summary>The referral form as the referrer completed it.</summary>
    public required Referral Referral { get; init; }

    /// <summary>What the criteria engine recommended at referral (a recommendation, not a decision).</summary>
    public required CriteriaOutcome Criteria { get; init; }

    /// <summary>People with a role on this case, by Entra object id.</summary>
    public IReadOnlyList<CaseParty> Parties { get; init; } = [];

    /// <summary>The sub-group's recommendation, once made.</summary>
    public SubGroupRecommendation? Recommendation { get; init; }

    /// <summary>The chair's decision, once made.</summary>
    public ChairDecision? Decision { get; init; }

    /// <summary>Dated obligations on the case (decision due, notifications, rapid review…).</summary>
    public IReadOnlyList<CaseClock> Clocks { get; init; } = [];

    /// <summary>Follow-up tasks (notifications, one-working-day checks), ticked off one by one.</summary>
    public IReadOnlyList<FollowUpTask> Tasks { get; init; } = [];

    /// <summary>Questions put to the referrer by the sub-group or the chair.</summary>
    public IReadOnlyList<InformationRequest> InformationRequests { get; init; } = [];

    /// <summary>Individual Management Reports asked of agencies.</summary>
    public IReadOnlyList<ImrRequest> ImrRequests { get; init; } = [];

    /// <summary>Panel meetings called for the case.</summary>
    public IReadOnlyList<PanelMeeting> Meetings { get; init; } = [];

    /// <summary>When the case was closed; retention runs from here.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>
    /// Set while something the case set off keeps failing after its last quick try (e.g. "couldn't reach Teams to
    /// post the decision card; retrying"): kept by the store beside the case, not part of its versioned state.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? DeliveryProblem { get; init; }

    /// <summary>The stages of an agreed review after the decision (src/ReviewBot.Core/Review); null before.</summary>
    public Review.ReviewProgress? Review { get; init; }

    /// <summary>The review's action plan (src/ReviewBot.Core/ActionPlans), once the first action is added.</summary>
    public ActionPlans.ActionPlan? ActionPlan { get; init; }

    /// <summary>Learning: dissemination per agency and the multi-agency learning event (src/ReviewBot.Core/Learning).</summary>
    public Learning.LearningPlan? Learning { get; init; }

    /// <summary>The agencies' chronology entries (Enfield Appendix 3), merged by date for the export (src/ReviewBot.Core/Export).</summary>
    public IReadOnlyList<Export.ChronologyEntry> Chronology { get; init; } = [];

    /// <summary>True when <paramref name="objectId"/> holds <paramref name="role"/> on this case.</summary>
    public bool HasRole(string objectId, BoardRole role)
        => Parties.Any(p => p.Role == role && string.Equals(p.ObjectId, objectId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The people holding <paramref name="role"/> on this case.</summary>
    public IEnumerable<CaseParty> PartiesIn(BoardRole role) => Parties.Where(p => p.Role == role);
}

/// <summary>A person's role on one case. Object ids are opaque strings, never parsed.</summary>
/// <param name="ObjectId">Entra object id (<c>from.aadObjectId</c>).</param>
/// <param name="Role">The role held on the case.</param>
/// <param name="DisplayName">Shown on cards to people with a role on the case; never logged.</param>
public sealed record CaseParty(string ObjectId, BoardRole Role, string? DisplayName = null);

/// <summary>The SCR sub-group's (or business manager's) recommendation to the chair.</summary>
public sealed record SubGroupRecommendation
{
    /// <summary>What the sub-group recommends.</summary>
    public required RecommendationKind Kind { get; init; }

    /// <summary>The alternative review, when <see cref="Kind"/> is <see cref="RecommendationKind.AlternativeReview"/>.</summary>
    public AlternativeReview? Alternative { get; init; }

    /// <summary>Proposed methodology (e.g. SCIE systems model).</summary>
    public string? Methodology { get; init; }

    /// <summary>Proposed lead reviewer.</summary>
    public string? ProposedLeadReviewer { get; init; }

    /// <summary>Why; required.</summary>
    public required string Rationale { get; init; }

    /// <summary>Who recommended (Entra object id).</summary>
    public required string ByObjectId { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>The kinds of recommendation the sub-group can make.</summary>
public enum RecommendationKind
{
    /// <summary>Recommend a serious case review (or local CSPR).</summary>
    Review,

    /// <summary>Recommend another kind of review.</summary>
    AlternativeReview,
}

/// <summary>Reviews a board may commission instead (domain.md, "Criteria not met").</summary>
public enum AlternativeReview
{
    /// <summary>In-house management review (Enfield 3.2).</summary>
    ManagementReview,

    /// <summary>Learning lessons review (Handsworth Grange).</summary>
    LearningLessonsReview,

    /// <summary>Multi-agency partnership review.</summary>
    PartnershipReview,

    /// <summary>No further review.</summary>
    NoFurtherReview,
}

/// <summary>The chair's decision.</summary>
public sealed record ChairDecision
{
    /// <summary>What the chair decided.</summary>
    public required ChairDecisionKind Kind { get; init; }

    /// <summary>The alternative review when declined.</summary>
    public AlternativeReview? Alternative { get; init; }

    /// <summary>Reasons; required when the chair does not follow the recommendation.</summary>
    public string? Reason { get; init; }

    /// <summary>True when the decision differs from the sub-group's recommendation.</summary>
    public bool DepartsFromRecommendation { get; init; }

    /// <summary>For a decision not to initiate: that the national panel may scrutinise it, with the source.</summary>
    public string? NationalPanelScrutiny { get; init; }

    /// <summary>Who decided (Entra object id).</summary>
    public required string ByObjectId { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>The chair's options.</summary>
public enum ChairDecisionKind
{
    /// <summary>Initiate the review.</summary>
    Approve,

    /// <summary>Do not initiate; record the alternative.</summary>
    Decline,
}

/// <summary>A dated obligation on a case. The deadline index mirrors these for the sweeper.</summary>
/// <param name="Kind">What is due, e.g. <see cref="ClockKinds.ChairDecision"/>.</param>
/// <param name="StartedOn">Day 0 of the count.</param>
/// <param name="DueOn">The last day on which it is on time.</param>
/// <param name="Rule">The rule that sets it, with its source (shown to people).</param>
/// <param name="CompletedAt">When it was met, if it was.</param>
public sealed record CaseClock(string Kind, DateOnly StartedOn, DateOnly DueOn, string Rule, DateTimeOffset? CompletedAt = null)
{
    /// <summary>The role that must meet it (reminded, and may mark it done); null for a clock no one marks done by hand.</summary>
    public BoardRole? OwnerRole { get; init; }

    /// <summary>Who marked it done (Entra object id).</summary>
    public string? CompletedByObjectId { get; init; }

    /// <summary>Agreed extensions, oldest first; <see cref="DueOn"/> is the latest new date.</summary>
    public IReadOnlyList<ClockExtension> Extensions { get; init; } = [];
}

/// <summary>An agreed change to a clock's due date (e.g. criminal proceedings delay a review).</summary>
/// <param name="PreviousDueOn">The due date before this extension.</param>
/// <param name="NewDueOn">The new due date.</param>
/// <param name="Reason">Why (shown to people on the case; never logged).</param>
/// <param name="AgreedBy">Who agreed it, as recorded (e.g. "the board chair and the national panel").</param>
/// <param name="ByObjectId">Who recorded it.</param>
/// <param name="At">When it was recorded.</param>
public sealed record ClockExtension(DateOnly PreviousDueOn, DateOnly NewDueOn, string Reason, string AgreedBy, string ByObjectId, DateTimeOffset At);

/// <summary>Names of the clocks the workflow sets.</summary>
public static class ClockKinds
{
    /// <summary>SCR: the chair decides within one month of the referral reaching the board (or the chair: a board setting).</summary>
    public const string ChairDecision = "chair-decision";

    /// <summary>CSPR: a looked-after child's death notified to the Secretary of State and Ofsted (s16C(2)).</summary>
    public const string LookedAfterDeathNotification = "looked-after-death-notification";

    /// <summary>CSPR: serious incident notification to the national Panel within 5 working days.</summary>
    public const string PanelNotification = "panel-notification";

    /// <summary>CSPR: rapid review within 15 working days.</summary>
    public const string RapidReview = "rapid-review";

    /// <summary>SCR: review completes within 6 months of the Ofsted notification (or of initiation: a board setting).</summary>
    public const string ReviewCompletion = "review-completion";

    /// <summary>
    /// No longer set: no source gives the national panel a 14-day deadline for a decline's reasons. Kept so
    /// cases stored with it still read; a decline now records that the panel may scrutinise it.
    /// </summary>
    public const string NationalPanelReasons = "national-panel-reasons";
}

/// <summary>A follow-up task on a case, ticked off on a card; each tick is audited.</summary>
/// <param name="Id">Stable id within the case.</param>
/// <param name="Title">What to do (no personal data).</param>
/// <param name="OwnerRole">The role that owns it.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="DoneAt">When it was ticked.</param>
/// <param name="DoneByObjectId">Who ticked it.</param>
public sealed record FollowUpTask(string Id, string Title, BoardRole OwnerRole, DateTimeOffset DueAt, DateTimeOffset? DoneAt = null, string? DoneByObjectId = null);

/// <summary>A question put to the referrer. The question may hold personal data: shown, never logged.</summary>
/// <param name="Question">What was asked.</param>
/// <param name="ByObjectId">Who asked.</param>
/// <param name="At">When.</param>
/// <param name="StageWhenAsked">The stage the case was at, so it can return there.</param>
public sealed record InformationRequest(string Question, string ByObjectId, DateTimeOffset At, CaseStage StageWhenAsked);

/// <summary>A panel meeting; its scheduling state is in <see cref="Meetings.PanelMeetingPlan"/> (src/ReviewBot.Core/Meetings).</summary>
/// <param name="Id">Stable id within the case (also the Graph transactionId).</param>
/// <param name="Kind">e.g. "extraordinary".</param>
/// <param name="StartsAt">Start, once scheduled.</param>
/// <param name="GraphEventId">The Outlook event id, once created.</param>
public sealed record PanelMeeting(string Id, string Kind, DateTimeOffset? StartsAt = null, string? GraphEventId = null)
{
    /// <summary>Panel, duration, slots offered, booking, responses and problems (null for a meeting stored before scheduling existed).</summary>
    public Meetings.PanelMeetingPlan? Plan { get; init; }
}

/// <summary>
/// A card posted about a case, kept so every copy can be updated in place. Bookkeeping beside the case,
/// not part of it: recording one must not change the case's version (the card just sent carries it).
/// </summary>
/// <param name="Purpose">Which card, e.g. "recommendation" or "decision".</param>
/// <param name="ConversationId">Where it was posted.</param>
/// <param name="ActivityId">The posted activity's id.</param>
/// <param name="ViewerObjectId">Whose 1:1 chat it is in (null for a channel), for the viewer's own view.</param>
public sealed record PostedCard(string Purpose, string ConversationId, string ActivityId, string? ViewerObjectId);
