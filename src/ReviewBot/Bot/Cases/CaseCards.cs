using System.Globalization;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Bot.Cases;

/// <summary>
/// Card models for a case as one viewer should see it: the people who may act get the inputs and
/// buttons; everyone else gets the status. The server still checks every press.
/// </summary>
public static class CaseCards
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Roles that act on the recommendation card.</summary>
    public static readonly IReadOnlyList<BoardRole> RecommendationActors = [BoardRole.SubGroupChair, BoardRole.BusinessManager];

    /// <summary>Roles that act on the decision card.</summary>
    public static readonly IReadOnlyList<BoardRole> DecisionActors = [BoardRole.BoardChair];

    /// <summary>
    /// The recommendation card for <paramref name="viewer"/>, with the referral in full: only for people whose role
    /// lets them see it (<see cref="CaseViews.For"/> decides).
    /// </summary>
    public static RecommendationCard Recommendation(ReviewCase c, BoardConfiguration board, string? viewer, DateOnly today) => new()
    {
        CaseRef = c.Reference,
        Version = c.Version,
        CanAct = viewer is not null && RecommendationActors.Any(r => c.HasRole(viewer, r))
            && c.Stage is CaseStage.AwaitingRecommendation or CaseStage.MoreInformationRequested,
        RefreshUserIds = RefreshIds(c, RecommendationActors),
        ReviewName = ReviewName(c.Rulebook).ToLowerInvariant(),
        Referral = Digest(c),
        Outcome = ReferralCardMapper.Outcome(c.Criteria, today),
        Status = StageText(c),
        Made = c.Recommendation is { } r ? Made(r, c, board) : null,
    };

    /// <summary>The decision card for <paramref name="viewer"/>, with the referral when <paramref name="showsReferral"/> (the chair's own view); requires a recommendation.</summary>
    public static DecisionCard Decision(ReviewCase c, BoardConfiguration board, string? viewer, DateOnly today, bool showsReferral = false)
    {
        var clock = c.Clocks.LastOrDefault(k => k.Kind == ClockKinds.ChairDecision)
            ?? new CaseClock(ClockKinds.ChairDecision, today, today.AddMonths(1), "one month");
        return new DecisionCard
        {
            CaseRef = c.Reference,
            Version = c.Version,
            CanAct = viewer is not null && c.HasRole(viewer, BoardRole.BoardChair) && c.Stage == CaseStage.AwaitingChairDecision,
            RefreshUserIds = RefreshIds(c, DecisionActors),
            ReviewName = ReviewName(c.Rulebook).ToLowerInvariant(),
            Referral = showsReferral ? Digest(c) : null,
            Recommendation = Made(c.Recommendation ?? throw new InvalidOperationException($"{c.Reference} has no recommendation yet."), c, board),
            Outcome = ReferralCardMapper.Outcome(c.Criteria, today),
            Due = ReferralCardMapper.Clock(clock, today),
            Status = StageText(c),
            Made = c.Decision is { } d ? new DecisionMade
            {
                KindText = d.Kind == ChairDecisionKind.Approve ? $"{ReviewName(c.Rulebook)} agreed" : "Declined",
                Alternative = d.Alternative is { } a ? AlternativeText(a) : null,
                Reason = d.Reason,
                DepartsFromRecommendation = d.DepartsFromRecommendation,
                By = NameOf(d.ByObjectId, c, board),
                At = When(d.At, board),
            } : null,
        };
    }

    /// <summary>The child, the whole account, the agencies and the referrer.</summary>
    private static ReferralDigest Digest(ReviewCase c)
    {
        var referrer = c.Referral.Referrer;
        var who = string.Join(", ", new[] { referrer.Name, referrer.Role, referrer.Agency }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return ReferralDigest.Of(
            c.Referral.Child.Name ?? "(not given)",
            c.Referral.Summary ?? "(not given)",
            c.Referral.Agencies.Count > 0 ? string.Join("; ", c.Referral.Agencies.Select(a => a.Name)) : "(none given)",
            who.Length > 0 ? who : "(not given)");
    }

    /// <summary>Where the case stands: stage, who acts next, every clock with working days left.</summary>
    public static CaseStatusCard Status(ReviewCase c, DateOnly today, string? viewer = null, BoardConfiguration? board = null)
        => new(c.Reference, c.Version, StageText(c), NextActor(c), [.. c.Clocks.Select(k => ReferralCardMapper.Clock(k, today)), .. Review.ReviewCards.StatusClocks(c, today)], c.Tasks.Count(t => t.DoneAt is null), c.Tasks.Count)
        {
            Imrs = Imr.ImrCards.StatusLines(c, board, today),
            CanExtend = ExtendClockCommand.MayExtendAny(c, viewer),
        };

    /// <summary>The follow-up checklist after a decision.</summary>
    public static FollowUpChecklistCard Checklist(ReviewCase c, BoardConfiguration board)
        => new(c.Reference, c.Version, [.. c.Tasks.Select(t => new FollowUpTaskView(
            t.Id, t.Title, RoleNames.Of(t.OwnerRole), When(t.DueAt, board),
            t.DoneAt is { } done ? When(done, board) : null,
            t.DoneByObjectId is { } by ? NameOf(by, c, board) : null))])
        {
            RefreshUserIds = [.. Core.Effects.CaseEffects.ChecklistRecipients.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase).Take(CardLimits.MaxRefreshUserIds)],
        };

    /// <summary>"Only the … may …": the role that may act, never who holds it.</summary>
    public static NotAuthorisedCard NotAuthorised(ReviewCase c, IReadOnlyList<BoardRole> roles, string action)
        => new(c.Reference, RoleNames.Either(roles), action, StageText(c));

    /// <summary>The stage in words.</summary>
    public static string StageText(ReviewCase c) => Review.ReviewCards.StageText(c) ?? StageText(c.Stage, c.Rulebook, c.Decision?.Alternative);

    /// <summary>The stage in words, from the index fields lists have.</summary>
    public static string StageText(CaseStage stage, RulebookKind rulebook, AlternativeReview? alternative = null) => stage switch
    {
        CaseStage.AwaitingRecommendation => "Waiting for the sub-group's recommendation",
        CaseStage.AwaitingChairDecision => "Waiting for the chair's decision",
        CaseStage.MoreInformationRequested => "Waiting for more information from the referrer",
        CaseStage.ReviewInitiated => $"{ReviewName(rulebook)} agreed: follow-up tasks under way",
        CaseStage.AlternativeReviewAgreed => $"Declined: {(alternative is { } a ? AlternativeText(a).ToLowerInvariant() : "alternative review")} agreed",
        CaseStage.Closed => "Closed",
        _ => stage.ToString(),
    };

    /// <summary>Who acts next, in words.</summary>
    public static string NextActor(ReviewCase c) => Review.ReviewCards.NextActor(c) ?? c.Stage switch
    {
        CaseStage.AwaitingRecommendation => "The sub-group chair recommends; then the board chair decides",
        CaseStage.AwaitingChairDecision => "The board chair: decide",
        CaseStage.MoreInformationRequested => "The referrer replies with the information asked for; then the sub-group chair or board chair who asked",
        CaseStage.ReviewInitiated => "The head of safeguarding: follow-up tasks; the board chair writes to the agencies' chief executives",
        CaseStage.AlternativeReviewAgreed => "The head of safeguarding tells Ofsted and the national panel of the board chair's decision",
        _ => "No one",
    };

    /// <summary>The regime's review name.</summary>
    public static string ReviewName(RulebookKind rulebook)
        => rulebook == RulebookKind.Cspr ? "Child safeguarding practice review" : "Serious case review";

    /// <summary>An alternative review in words.</summary>
    public static string AlternativeText(AlternativeReview alternative) => alternative switch
    {
        AlternativeReview.ManagementReview => "Management review",
        AlternativeReview.LearningLessonsReview => "Learning lessons review",
        AlternativeReview.PartnershipReview => "Partnership review",
        _ => "No further review",
    };

    private static RecommendationMade Made(SubGroupRecommendation r, ReviewCase c, BoardConfiguration board) => new()
    {
        KindText = r.Kind == RecommendationKind.Review ? $"Recommend a {ReviewName(c.Rulebook).ToLowerInvariant()}" : "Recommend an alternative review",
        Alternative = r.Alternative is { } a ? AlternativeText(a) : null,
        Methodology = r.Methodology,
        LeadReviewer = r.ProposedLeadReviewer,
        Rationale = r.Rationale,
        By = NameOf(r.ByObjectId, c, board),
        At = When(r.At, board),
    };

    private static IReadOnlyList<string> RefreshIds(ReviewCase c, IReadOnlyList<BoardRole> roles)
        => [.. roles.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase).Take(CardLimits.MaxRefreshUserIds)];

    private static string NameOf(string objectId, ReviewCase c, BoardConfiguration board)
        => board.FindPerson(objectId)?.DisplayName
            ?? c.Parties.FirstOrDefault(p => p.ObjectId == objectId && p.DisplayName is not null)?.DisplayName
            ?? "a board member";

    private static string When(DateTimeOffset at, BoardConfiguration board)
    {
        return BoardTime.Local(board, at).ToString("d MMMM yyyy 'at' HH:mm", EnglishUk);
    }
}
