using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Deadlines;

/// <summary>
/// Which reminders a case needs, derived from its open clocks and the board's reminder offsets. The
/// deadline index holds the result; the sweeper re-derives before acting, so a stale entry does nothing.
/// </summary>
/// <remarks>
/// The chair's decision clock is reminded in calendar days (<see cref="BoardConfiguration.DecisionReminderOffsetDays"/>)
/// from the day it starts until the decision, including while more information is awaited. Working-day
/// clocks with an owner (the CSPR notification and rapid review) are reminded on working days
/// (<see cref="BoardConfiguration.StatutoryReminderOffsetWorkingDays"/>) until the owner marks them done.
/// </remarks>
public static class DeadlinePlanner
{
    /// <summary>Kind prefix of the chair's decision reminders; the suffix is the offset in days.</summary>
    public const string ChairDecisionReminder = "chair-decision-reminder:";

    /// <summary>Kind prefix of an owned clock's reminders: <c>clock-reminder:{clock kind}:{offset in working days}</c>.</summary>
    public const string ClockReminder = "clock-reminder:";

    private static readonly CaseStage[] DecisionPending =
        [CaseStage.AwaitingRecommendation, CaseStage.AwaitingChairDecision, CaseStage.MoreInformationRequested];

    /// <summary>Every reminder the case needs now.</summary>
    public static IReadOnlyList<Deadline> For(ReviewCase reviewCase, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(reviewCase);
        ArgumentNullException.ThrowIfNull(board);
        return [.. DecisionReminders(reviewCase, board), .. OwnedClockReminders(reviewCase, board), .. Imr.ImrReminderPlanner.For(reviewCase, board), .. Review.ReviewReminderPlanner.For(reviewCase, board), .. ActionPlans.ActionPlanChasing.For(reviewCase, board)];
    }

    /// <summary>Reminders <paramref name="before"/> needed that <paramref name="after"/> no longer needs.</summary>
    public static IReadOnlyList<Deadline> NoLongerNeeded(ReviewCase before, ReviewCase after, BoardConfiguration board)
        => [.. For(before, board).Except(For(after, board))];

    /// <summary>True when the deadline is still one the case needs (the sweeper's check before acting).</summary>
    public static bool StillNeeded(Deadline deadline, ReviewCase reviewCase, BoardConfiguration board)
        => For(reviewCase, board).Contains(deadline);

    /// <summary>The offset of a reminder (negative = before the due date): days for the chair's, working days for an owned clock's.</summary>
    public static int ReminderOffset(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var offset = deadline.Kind.AsSpan(deadline.Kind.LastIndexOf(':') + 1);
        return int.Parse(offset, CultureInfo.InvariantCulture);
    }

    /// <summary>The clock an owned-clock reminder is about, or null for a chair's decision reminder.</summary>
    public static string? ReminderClockKind(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Kind.StartsWith(ClockReminder, StringComparison.Ordinal)
            ? deadline.Kind[ClockReminder.Length..deadline.Kind.LastIndexOf(':')]
            : null;
    }

    private static IEnumerable<Deadline> DecisionReminders(ReviewCase reviewCase, BoardConfiguration board)
        => !DecisionPending.Contains(reviewCase.Stage)
            ? []
            : reviewCase.Clocks
                .Where(c => c.Kind == ClockKinds.ChairDecision && c.CompletedAt is null)
                .SelectMany(clock => board.DecisionReminderOffsetDays
                    .Where(offset => clock.DueOn.AddDays(offset) > clock.StartedOn)
                    .Select(offset => new Deadline(
                        board.BoardId,
                        reviewCase.Reference,
                        ChairDecisionReminder + offset.ToString(CultureInfo.InvariantCulture),
                        BoardTime.At(board, clock.DueOn.AddDays(offset), board.WorkingHours.DayStart))));

    private static IEnumerable<Deadline> OwnedClockReminders(ReviewCase reviewCase, BoardConfiguration board)
    {
        if (!reviewCase.Stage.IsOpen())
        {
            return [];
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        return reviewCase.Clocks
            .Where(c => c.OwnerRole is not null && c.CompletedAt is null)
            .SelectMany(clock => board.StatutoryReminderOffsetWorkingDays
                .Select(offset => (offset, day: calendar.AddWorkingDays(clock.DueOn, offset)))
                .Where(r => r.day > clock.StartedOn)
                .Select(r => new Deadline(
                    board.BoardId,
                    reviewCase.Reference,
                    $"{ClockReminder}{clock.Kind}:{r.offset.ToString(CultureInfo.InvariantCulture)}",
                    BoardTime.At(board, r.day, board.WorkingHours.DayStart))));
    }
}
