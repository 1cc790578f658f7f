using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;

namespace ReviewBot.Core.Decisions;

/// <summary>
/// Runs a <see cref="CaseCommand"/> against a case: checks the actor's role on the case (server side,
/// every press), refuses stale cards and wrong stages, and stores the change with its audit event in one
/// conditional write. A refusal for want of a role is audited, repeats by one actor and verb counted on one
/// record (a flood of forged presses cannot grow the case without bound); nothing else about a refusal is written.
/// Someone with no role on the case is told exactly what they would be told of a case that does not exist.
/// </summary>
public sealed class CaseWorkflow
{
    /// <summary>The audit action of a refused press.</summary>
    public const string RefusalAction = "ActionRefused";

    private readonly ICaseStore store;
    private readonly TimeProvider clock;
    private readonly WorkingDayCalendar calendar;
    private readonly Effects.CardMailing mailing;

    /// <summary>Creates the workflow; <paramref name="mailing"/> says which cards also go to Outlook (none by default).</summary>
    public CaseWorkflow(ICaseStore store, TimeProvider clock, WorkingDayCalendar calendar, Effects.CardMailing? mailing = null)
    {
        this.store = store;
        this.clock = clock;
        this.calendar = calendar;
        this.mailing = mailing ?? Effects.CardMailing.None;
    }

    /// <summary>Runs the command for <paramref name="actorObjectId"/>: one read, at most one write.</summary>
    public async Task<CaseActionResult> ExecuteAsync(
        BoardConfiguration board, CaseCommand command, string actorObjectId, string? correlationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var context = new CaseCommandContext(board, actorObjectId, now, BoardTime.Today(board, now), calendar);
        CaseActionResult? refusal = null;
        ReviewCase? before = null;
        var result = await store.UpdateAsync(board.BoardId, command.Case, latest =>
        {
            before = latest;
            (refusal, var change) = Refusal(latest, command, actorObjectId, board) is { } refused
                ? (refused, null)
                : Decide(latest, command, context, correlationId);
            return change;
        }, cancellationToken);

        if (result.NotFound)
        {
            return Unknown(command.Case);
        }

        if (result.Changed)
        {
            return new CaseActionResult(CaseActionStatus.Applied, result.Case) { Before = before };
        }

        if (refusal?.Status is CaseActionStatus.NotAuthorised or CaseActionStatus.NotFound)
        {
            await AuditRefusalAsync(board, result.Case!, command, actorObjectId, refusal.Status, correlationId, cancellationToken);
        }

        // A stranger learns nothing about the case, not even that it exists.
        return refusal?.Status == CaseActionStatus.NotFound
            ? refusal
            : (refusal ?? new CaseActionResult(CaseActionStatus.Stale, result.Case)) with { Case = result.Case };
    }

    /// <summary>
    /// What anyone without a role on a case is told when acting on it: exactly what they are told for a case
    /// that does not exist (and what <c>status</c> tells them), naming nobody.
    /// </summary>
    public static CaseActionResult Unknown(CaseReference reference)
        => new(CaseActionStatus.NotFound, null, CaseVisibility.UnknownCaseAnswer(reference));

    /// <summary>The refusal for want of a role, or null when the actor may issue the command.</summary>
    private static CaseActionResult? Refusal(ReviewCase latest, CaseCommand command, string actorObjectId, BoardConfiguration board)
    {
        var who = CaseVisibility.Of(latest, actorObjectId, board);
        if (!who.IsParty)
        {
            return Unknown(command.Case);
        }

        // A party is told which role may act, never who holds it.
        var permitted = command.PermittedRolesOn(latest);
        return who.HoldsAny(permitted)
            ? null
            : new CaseActionResult(CaseActionStatus.NotAuthorised, latest, $"Only {RoleNames.Either(permitted)} may {command.Describe()} on {latest.Reference}.", permitted);
    }

    private (CaseActionResult? Refusal, CaseChange? Change) Decide(ReviewCase latest, CaseCommand command, CaseCommandContext context, string? correlationId)
    {
        if (latest.Version != command.CardVersion)
        {
            return (new CaseActionResult(CaseActionStatus.Stale, latest, "This card was out of date, so nothing changed. Here is the case as it stands now."), null);
        }

        if (!command.Stages.Contains(latest.Stage))
        {
            return (new CaseActionResult(CaseActionStatus.WrongStage, latest, $"{latest.Reference} is no longer at a stage where you can {command.Describe()}."), null);
        }

        var applied = command.Apply(latest, context);
        if (applied.Updated is null)
        {
            return (new CaseActionResult(CaseActionStatus.Invalid, latest, applied.Problem), null);
        }

        var auditEvent = new CaseEvent
        {
            Case = latest.Reference,
            Action = command.AuditAction,
            ActorObjectId = context.ActorObjectId,
            At = context.Now,
            StageBefore = latest.Stage,
            StageAfter = applied.Updated.Stage,
            CorrelationId = correlationId,
            Detail = applied.Detail,
        };
        return (null, new CaseChange(applied.Updated, auditEvent) { Effects = Effects.CaseEffects.ForChange(latest, applied.Updated, context.Board, mailing) });
    }

    private Task AuditRefusalAsync(BoardConfiguration board, ReviewCase current, CaseCommand command, string actorObjectId, CaseActionStatus status, string? correlationId, CancellationToken cancellationToken)
        => store.RecordRefusalAsync(board.BoardId, new CaseEvent
        {
            Case = current.Reference,
            Action = RefusalAction,
            ActorObjectId = actorObjectId,
            At = clock.GetUtcNow(),
            StageBefore = current.Stage,
            StageAfter = current.Stage,
            CorrelationId = correlationId,
            Detail = $"{command.AuditAction}:{(status == CaseActionStatus.NotFound ? "not-a-party" : "not-authorised")}",
        }, cancellationToken);
}
