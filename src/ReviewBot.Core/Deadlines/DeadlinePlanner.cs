using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;

namespace ReviewBot.Core.Deadlines;

/// <summary>
/// Which reminders a case needs, derived from its open clocks and the board's reminder offsets. The
/// deadline index holds the result; the sweeper re-derives before acting, so a stale entry does nothing.
/// </summary>
public static class DeadlinePlanner
{
    /// <summary>Kind prefix of the chair's decision reminders; the suffix is the offset in days.</summary>
    public const string ChairDecisionReminder = "chair-decision-reminder:";

    /// <summary>Every reminder the case needs now.</summary>
    public static IReadOnlyList<Deadline> For(ReviewCase reviewCase, BoardConfiguration board)
    {
        if (reviewCase.Stage != CaseStage.AwaitingChairDecision)
        {
            return [];
        }

        return
        [
            .. reviewCase.Clocks
                .Where(c => c.Kind == ClockKinds.ChairDecision && c.CompletedAt is null)
                .SelectMany(clock => board.DecisionReminderOffsetDays
                    .Where(offset => clock.DueOn.AddDays(offset) > clock.StartedOn)
                    .Select(offset => new Deadline(
                        board.BoardId,
                        reviewCase.Reference,
                        ChairDecisionReminder + offset.ToString(CultureInfo.InvariantCulture),
                        BoardTime.At(board, clock.DueOn.AddDays(offset), board.WorkingHours.DayStart)))),
        ];
    }

    /// <summary>Reminders <paramref name="before"/> needed that <paramref name="after"/> no longer needs.</summary>
    public static IReadOnlyList<Deadline> NoLongerNeeded(ReviewCase before, ReviewCase after, BoardConfiguration board)
        => [.. For(before, board).Except(For(after, board))];

    /// <summary>True when the deadline is still one the case needs (the sweeper's check before acting).</summary>
    public static bool StillNeeded(Deadline deadline, ReviewCase reviewCase, BoardConfiguration board)
        => For(reviewCase, board).Contains(deadline);

    /// <summary>The offset in days of a chair reminder (negative = before the due date).</summary>
    public static int ReminderOffset(Deadline deadline)
        => int.Parse(deadline.Kind.AsSpan(ChairDecisionReminder.Length), CultureInfo.InvariantCulture);
}
