using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Ports;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Intake;

/// <summary>
/// Turns a submitted referral into a case: weighs the criteria, issues the reference, names the people
/// with a role on it, and stores it with its first audit event. A repeated submission (double click,
/// retry) returns the case the first one created.
/// </summary>
public sealed class ReferralIntake
{
    /// <summary>Board roles that hold a role on every new case of the board.</summary>
    public static readonly IReadOnlyList<BoardRole> BoardRolesOnEveryCase =
    [
        BoardRole.BusinessManager, BoardRole.SubGroupChair, BoardRole.SubGroupMember, BoardRole.BoardChair,
        BoardRole.HeadOfSafeguarding, BoardRole.DirectorOfChildrensServices,
    ];

    private readonly ICaseStore store;
    private readonly TimeProvider clock;

    /// <summary>Creates the intake.</summary>
    public ReferralIntake(ICaseStore store, TimeProvider clock)
    {
        this.store = store;
        this.clock = clock;
    }

    /// <summary>Opens the case for a referral; <paramref name="submissionId"/> makes it idempotent.</summary>
    public async Task<IntakeResult> SubmitAsync(
        BoardConfiguration board, Referral referral, string submissionId, string referrerObjectId, string? correlationId, CancellationToken cancellationToken)
    {
        var existing = await store.FindBySubmissionAsync(board.BoardId, submissionId, cancellationToken);
        if (existing is not null)
        {
            return new IntakeResult(existing, Created: false);
        }

        var now = clock.GetUtcNow();
        var today = BoardTime.Today(board, now);
        var outcome = Rulebook.For(board.Rulebook).Evaluate(referral, board, today);
        var reference = await store.AllocateReferenceAsync(board.BoardId, board.Rulebook, today.Year, cancellationToken);
        var newCase = new ReviewCase
        {
            Reference = reference,
            BoardId = board.BoardId,
            Rulebook = board.Rulebook,
            Stage = CaseStage.AwaitingRecommendation,
            ReferredAt = now,
            Referral = referral with { Referrer = referral.Referrer with { ObjectId = referrerObjectId } },
            Criteria = outcome,
            Parties = PartiesFor(board, referrerObjectId, referral.Referrer.Name),
            Clocks = [.. outcome.Clocks, .. ScrClocksAtReferral(board, today)],
            Tasks = board.Rulebook == RulebookKind.Scr ? [StatutoryTasks.OfstedIncident(board, today, WorkingDayCalendar.EnglandAndWales)] : [],
        };
        var created = new CaseEvent
        {
            Case = reference,
            Action = "ReferralSubmitted",
            ActorObjectId = referrerObjectId,
            At = now,
            StageAfter = CaseStage.AwaitingRecommendation,
            CorrelationId = correlationId,
            Detail = outcome.Level.ToString(),
        };
        var stored = await store.CreateAsync(newCase, created, submissionId, Effects.CaseEffects.ForNewCase(newCase, board), cancellationToken);
        return new IntakeResult(stored, Created: stored.Reference == reference);
    }

    // SCR: the chair's one-month clock starts when the referral reaches the board, unless the board counts from the chair.
    private static IEnumerable<CaseClock> ScrClocksAtReferral(BoardConfiguration board, DateOnly today)
        => board.Rulebook == RulebookKind.Scr && board.DecisionClockStartsFrom == DecisionClockStart.ReferralReachesBoard
            ? [StatutoryClocks.ChairDecision(today, DecisionClockStart.ReferralReachesBoard, WorkingDayCalendar.EnglandAndWales)]
            : [];

    private static IReadOnlyList<CaseParty> PartiesFor(BoardConfiguration board, string referrerObjectId, string? referrerName)
    {
        var boardParties = BoardRolesOnEveryCase.SelectMany(role => board.PeopleIn(role).Select(p => new CaseParty(p.ObjectId, role, p.DisplayName)));
        return [new CaseParty(referrerObjectId, BoardRole.Referrer, referrerName), .. boardParties];
    }
}

/// <summary>The case a submission produced.</summary>
/// <param name="Case">The case.</param>
/// <param name="Created">False when an earlier identical submission had already created it.</param>
public sealed record IntakeResult(ReviewCase Case, bool Created);
