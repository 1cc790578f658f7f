using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Decisions;

/// <summary>A board with one person per role, and cases at each stage.</summary>
internal static class CaseFixtures
{
    public const string Referrer = "oid-referrer";
    public const string BusinessManager = "oid-business-manager";
    public const string SubGroupChair = "oid-subgroup-chair";
    public const string BoardChair = "oid-board-chair";
    public const string HeadOfSafeguarding = "oid-head-of-safeguarding";
    public const string Stranger = "oid-stranger";
    public const string OtherTenantStranger = "oid-other-tenant";

    public static readonly CaseReference Reference = CaseReference.Create(RulebookKind.Scr, 2026, 1);

    public static BoardConfiguration Board { get; } = new()
    {
        BoardId = "test",
        Name = "Test Safeguarding Children Board",
        TenantId = "tenant",
        People =
        [
            new(BusinessManager, "Bea Manager", null, [BoardRole.BusinessManager]),
            new(SubGroupChair, "Sid Chair", null, [BoardRole.SubGroupChair]),
            new(BoardChair, "Chris Chair", null, [BoardRole.BoardChair]),
            new(HeadOfSafeguarding, "Hana Head", null, [BoardRole.HeadOfSafeguarding]),
        ],
    };

    /// <summary>Another tenant's board, whose people press buttons on cards naming this board's cases.</summary>
    public static BoardConfiguration OtherBoard { get; } = new()
    {
        BoardId = "other",
        Name = "Other Safeguarding Children Board",
        TenantId = "tenant-other",
        People = [new(OtherTenantStranger, "Olly Other", null, [BoardRole.BoardChair])],
    };

    /// <summary>Everyone's name, for "the refusal names nobody".</summary>
    public static IReadOnlyList<string> Names { get; } = ["Bea Manager", "Sid Chair", "Chris Chair", "Hana Head", "Rita Referrer", "Olly Other"];

    /// <summary>Every actor the matrix tries, with the roles they hold on the case.</summary>
    public static IReadOnlyDictionary<string, BoardRole?> Actors { get; } = new Dictionary<string, BoardRole?>
    {
        [Referrer] = BoardRole.Referrer,
        [BusinessManager] = BoardRole.BusinessManager,
        [SubGroupChair] = BoardRole.SubGroupChair,
        [BoardChair] = BoardRole.BoardChair,
        [HeadOfSafeguarding] = BoardRole.HeadOfSafeguarding,
        [Stranger] = null,
        [OtherTenantStranger] = null,
    };

    public static ReviewCase NewCase(CaseStage stage = CaseStage.AwaitingRecommendation, long version = 3) => new()
    {
        Reference = Reference,
        BoardId = Board.BoardId,
        Rulebook = RulebookKind.Scr,
        Stage = stage,
        Version = version,
        ReferredAt = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero),
        Referral = new Referral(),
        Criteria = new CriteriaOutcome { Level = CriteriaLevel.Must, Summary = "A recommendation for the sub-group, not a decision." },
        Parties =
        [
            new(Referrer, BoardRole.Referrer, "Rita Referrer"),
            new(BusinessManager, BoardRole.BusinessManager, "Bea Manager"),
            new(SubGroupChair, BoardRole.SubGroupChair, "Sid Chair"),
            new(BoardChair, BoardRole.BoardChair, "Chris Chair"),
            new(HeadOfSafeguarding, BoardRole.HeadOfSafeguarding, "Hana Head"),
        ],
    };

    public static ReviewCase Recommended(RecommendationKind kind = RecommendationKind.Review, AlternativeReview? alternative = null) => NewCase(CaseStage.AwaitingChairDecision) with
    {
        Clocks = [new CaseClock(ClockKinds.ChairDecision, new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 10), "one month")],
        Recommendation = new SubGroupRecommendation
        {
            Kind = kind,
            Alternative = alternative,
            Rationale = "Meets reg 5(2)(a) and (b)(i).",
            ByObjectId = SubGroupChair,
            At = new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero),
        },
    };
}
