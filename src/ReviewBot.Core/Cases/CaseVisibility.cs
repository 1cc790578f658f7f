using ReviewBot.Core.Boards;
using ReviewBot.Core.Effects;

namespace ReviewBot.Core.Cases;

/// <summary>The cards a case is shown on.</summary>
public enum CaseCard
{
    /// <summary>Where the case stands (stage, who acts next, clocks): no referral details, rationale or reasons.</summary>
    Status,

    /// <summary>The sub-group's card: the referral in full, the criteria check and the recommendation.</summary>
    Recommendation,

    /// <summary>The chair's card: the recommendation and the decision (the referral only for the chair).</summary>
    Decision,

    /// <summary>The follow-up tasks after a decision.</summary>
    Checklist,
}

/// <summary>The card a person gets when they ask for one.</summary>
/// <param name="Card">The card they get: the status card unless their role lets them see the one asked for.</param>
/// <param name="ShowsReferral">Whether it carries the referral: the child, the account, the agencies, the referrer.</param>
public sealed record CaseCardView(CaseCard Card, bool ShowsReferral);

/// <summary>
/// Whether a person is a party on a case, their roles on it, and what they may see. The one place this is
/// decided: commands, cards, refreshes, updates in place, <c>status</c> and <c>my tasks</c> all ask it.
/// </summary>
public sealed class CaseVisibility
{
    /// <summary>Roles that see the referral on the recommendation card: the sub-group and the business manager who put it to them.</summary>
    private static readonly BoardRole[] ReferralReaders = [BoardRole.SubGroupChair, BoardRole.SubGroupMember, BoardRole.BusinessManager, BoardRole.BoardChair];

    /// <summary>Roles that see the follow-up checklist (task titles, owners, who ticked).</summary>
    private static readonly BoardRole[] ChecklistReaders = [BoardRole.BusinessManager, BoardRole.HeadOfSafeguarding, BoardRole.BoardChair, BoardRole.SubGroupChair];

    private readonly ReviewCase? reviewCase;

    private CaseVisibility(ReviewCase? reviewCase, IReadOnlyList<BoardRole> roles)
    {
        this.reviewCase = reviewCase;
        Roles = roles;
    }

    /// <summary>What a stranger sees: nothing, not even that the case exists.</summary>
    public static CaseVisibility Nobody { get; } = new(null, []);

    /// <summary>The person's roles on the case (empty for a stranger).</summary>
    public IReadOnlyList<BoardRole> Roles { get; }

    /// <summary>True when the person holds any role on the case.</summary>
    public bool IsParty => Roles.Count > 0;

    /// <summary>
    /// What <paramref name="objectId"/> may see of <paramref name="reviewCase"/> on <paramref name="board"/>. A case of
    /// another board, or an actor without an object id, is seen by nobody.
    /// </summary>
    public static CaseVisibility Of(ReviewCase reviewCase, string? objectId, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(reviewCase);
        ArgumentNullException.ThrowIfNull(board);
        if (string.IsNullOrWhiteSpace(objectId) || !string.Equals(reviewCase.BoardId, board.BoardId, StringComparison.Ordinal))
        {
            return Nobody;
        }

        var roles = reviewCase.Parties
            .Where(p => string.Equals(p.ObjectId, objectId, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Role)
            .Distinct()
            .Order()
            .ToList();
        return roles.Count == 0 ? Nobody : new CaseVisibility(reviewCase, roles);
    }

    /// <summary>
    /// The answer to anyone without a role on the case, the same whether or not it exists (and what <c>status</c>
    /// says for a reference nobody issued). Names nobody.
    /// </summary>
    public static string UnknownCaseAnswer(CaseReference reference)
        => $"I can't show you {reference}: either there is no such case or you don't have a role on it.";

    /// <summary>The card a posted card's purpose (or a refresh's <c>card</c> field) names; anything else is the status.</summary>
    public static CaseCard CardNamed(string? purpose) => purpose switch
    {
        CaseCardPurposes.Recommendation => CaseCard.Recommendation,
        CaseCardPurposes.Decision => CaseCard.Decision,
        CaseCardPurposes.Checklist => CaseCard.Checklist,
        _ => CaseCard.Status,
    };

    /// <summary>True when the person holds <paramref name="role"/> on the case.</summary>
    public bool Holds(BoardRole role) => Roles.Contains(role);

    /// <summary>True when the person holds any of <paramref name="roles"/> on the case.</summary>
    public bool HoldsAny(IEnumerable<BoardRole> roles) => roles.Any(Holds);

    /// <summary>
    /// The card the person gets on asking for <paramref name="requested"/>, whatever the request says: the referrer
    /// and other status-only parties always get the status card; the referral is on the decision card only for
    /// the board chair. In a shared conversation (a channel or group chat) everyone gets the status card.
    /// </summary>
    public CaseCardView CardFor(CaseCard requested, bool sharedConversation = false)
    {
        if (sharedConversation || reviewCase is null)
        {
            return new CaseCardView(CaseCard.Status, false);
        }

        var readsReferral = HoldsAny(ReferralReaders);
        return requested switch
        {
            CaseCard.Decision when reviewCase.Recommendation is null && readsReferral => new CaseCardView(CaseCard.Recommendation, true),
            CaseCard.Recommendation when readsReferral => new CaseCardView(CaseCard.Recommendation, true),
            CaseCard.Decision when readsReferral => new CaseCardView(CaseCard.Decision, Holds(BoardRole.BoardChair)),
            CaseCard.Checklist when HoldsAny(ChecklistReaders) => new CaseCardView(CaseCard.Checklist, false),
            _ => new CaseCardView(CaseCard.Status, false),
        };
    }
}
