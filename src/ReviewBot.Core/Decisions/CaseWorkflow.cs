using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;

namespace ReviewBot.Core.Decisions;

/// <summary>
/// Runs a <see cref="CaseCommand"/> against a case: checks the actor's role on the case (server side,
/// every press), refuses stale cards and wrong stages, and stores the change with its audit event in one
/// conditional write. A refusal for want of a role is audited; nothing else about a refusal is written.
/// </summary>
public sealed class CaseWorkflow
{
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
            var permitted = command.PermittedRolesOn(latest);
            (refusal, var change) = permitted.Any(role => latest.HasRole(actorObjectId, role))
                ? Decide(latest, command, context, correlationId)
                : (new CaseActionResult(CaseActionStatus.NotAuthorised, latest, $"Only {RoleNames.Either(permitted)} may {command.Describe()} on {latest.Reference}.", permitted), null);
            return change;
        }, cancellationToken);

        if (result.NotFound)
        {
            return new CaseActionResult(CaseActionStatus.NotFound, null, $"There is no case {command.Case}.");
        }

        if (result.Changed)
        {
            return new CaseActionResult(CaseActionStatus.Applied, result.Case) { Before = before };
        }

        if (refusal?.Status == CaseActionStatus.NotAuthorised)
        {
            await AuditRefusalAsync(board, result.Case!, command, actorObjectId, correlationId, cancellationToken);
        }

        return (refusal ?? new CaseActionResult(CaseActionStatus.Stale, result.Case)) with { Case = result.Case };
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

    private Task AuditRefusalAsync(BoardConfiguration board, ReviewCase current, CaseCommand command, string actorObjectId, string? correlationId, CancellationToken cancellationToken)
        => store.AppendEventAsync(board.BoardId, new CaseEvent
        {
            Case = current.Reference,
            Action = "ActionRefused",
            ActorObjectId = actorObjectId,
            At = clock.GetUtcNow(),
            StageBefore = current.Stage,
            StageAfter = current.Stage,
            CorrelationId = correlationId,
            Detail = $"{command.AuditAction}:not-authorised",
        }, cancellationToken);
}
