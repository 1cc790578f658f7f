using ReviewBot.Bot.Effects;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Imr;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Ports;

namespace ReviewBot.Bot.Imr;

/// <summary>
/// What the deadline sweep does with a claimed IMR entry: one conditional case write that records the reminder,
/// audits it and holds its mails and Teams messages as outbox effects, then runs them at once. A repeat (another
/// instance, a restart after a crash) finds the reminder recorded and writes nothing.
/// </summary>
public sealed partial class ImrChaser(ICaseStore cases, EffectDispatcher dispatcher, WorkingDayCalendar calendar, TimeProvider clock, ILogger<ImrChaser> logger)
{
    /// <summary>Records and dispatches the reminder; true when this call sent it.</summary>
    public Task<bool> RemindAsync(BoardConfiguration board, Deadline deadline, CancellationToken cancellationToken)
        => RemindAsync(board, deadline, ImrChasing.Record, cancellationToken);

    /// <summary>The same for any obligation chased IMR-style: <paramref name="record"/> turns the entry into the change (e.g. <c>ActionPlanChasing.Record</c>).</summary>
    public async Task<bool> RemindAsync(BoardConfiguration board, Deadline deadline, Func<Core.Cases.ReviewCase, Deadline, BoardConfiguration, DateTimeOffset, WorkingDayCalendar, CaseChange?> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(deadline);
        var now = clock.GetUtcNow();
        var result = await cases.UpdateAsync(board.BoardId, deadline.Case, latest => record(latest, deadline, board, now, calendar), cancellationToken);
        if (result is not { Changed: true, Case: { } stored })
        {
            return false;
        }

        dispatcher.Dispatch(board.BoardId, stored.Reference, stored.Version);
        LogRecorded(logger, stored.Reference.Value, deadline.Kind);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "IMR reminder {Kind} on {CaseReference} recorded; its mails and messages are in the outbox")]
    private static partial void LogRecorded(ILogger logger, string caseReference, string kind);
}
