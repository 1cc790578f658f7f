using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Tests.Storage;

/// <summary>Realistic cases for storage tests (invented people).</summary>
internal static class CaseSamples
{
    public const string Board = "test-board";
    public const string Referrer = "11111111-1111-1111-1111-111111111111";
    public const string Manager = "22222222-2222-2222-2222-222222222222";
    public const string Chair = "33333333-3333-3333-3333-333333333333";

    public static readonly DateTimeOffset ReferredAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static ReviewCase NewCase(CaseReference reference, string? summary = null, IReadOnlyList<KeyDate>? keyDates = null) => new()
    {
        Reference = reference,
        BoardId = Board,
        Rulebook = reference.Rulebook,
        Stage = CaseStage.AwaitingRecommendation,
        ReferredAt = ReferredAt,
        Referral = new Referral
        {
            Referrer = new Referrer { ObjectId = Referrer, Name = "Sam Referrer", Agency = "Police", Role = "DS" },
            Child = new Child { Name = "Child A", DateOfBirth = new DateOnly(2019, 5, 4), Incident = IncidentKind.SeriouslyHarmed, IncidentDate = new DateOnly(2026, 2, 20) },
            Family = [new FamilyMember("Parent B", "Mother")],
            Agencies = [new InvolvedAgency("Police", "police"), new InvolvedAgency("Health visiting", "health", StillInvolved: true)],
            Summary = summary ?? "Admitted to hospital with injuries.",
            KeyDates = keyDates ?? [new KeyDate(new DateOnly(2026, 2, 20), "Admitted")],
            CriteriaAnswers = new Dictionary<string, bool> { ["abuse-or-neglect"] = true, ["died"] = false },
        },
        Criteria = new CriteriaOutcome { Level = CriteriaLevel.Consider, Summary = "The board should consider a review." },
        Parties =
        [
            new CaseParty(Referrer, BoardRole.Referrer, "Sam Referrer"),
            new CaseParty(Manager, BoardRole.BusinessManager),
            new CaseParty(Chair, BoardRole.BoardChair),
        ],
        Clocks = [new CaseClock(ClockKinds.ChairDecision, new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 2), "Enfield 2.3")],
    };

    public static CaseEvent Event(CaseReference reference, string action, CaseStage? before = null, CaseStage? after = null) => new()
    {
        Case = reference,
        Action = action,
        ActorObjectId = Manager,
        At = ReferredAt,
        StageBefore = before,
        StageAfter = after,
        CorrelationId = "corr-" + action,
    };

    public static string Json(ReviewCase reviewCase) => System.Text.Json.JsonSerializer.Serialize(reviewCase, ReviewBot.Storage.StorageJson.Options);
}
