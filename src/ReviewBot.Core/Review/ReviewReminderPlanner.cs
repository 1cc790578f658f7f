using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;

namespace ReviewBot.Core.Review;

/// <summary>
/// The deadline entries an agreed review needs: its current stage's reminders, and those of its own open tasks
/// (the notices to the national panel, seeking its advice), at the board's offsets in working days from the due date.
/// The sweeper re-derives them before acting, so an entry for a stage already left or a task ticked sends nothing.
/// </summary>
/// <remarks>
/// Kinds are <c>review-stage:{stage}:{started yyyyMMdd}:{offset}</c> and <c>review-task:{task id}:{due yyyyMMdd}:{offset}</c>:
/// a new stage, or a task moved to a new date, gives new kinds.
/// </remarks>
public static class ReviewReminderPlanner
{
    /// <summary>Kind prefix of a stage reminder.</summary>
    public const string StagePrefix = "review-stage:";

    /// <summary>Kind prefix of a review task's reminder.</summary>
    public const string TaskPrefix = "review-task:";

    /// <summary>Every review reminder the case needs now.</summary>
    public static IEnumerable<Deadline> For(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        if (c.Stage != CaseStage.ReviewInitiated || c.Review is not { Stage: not ReviewStage.Closed } review)
        {
            return [];
        }

        var stage = Offsets(board, review.StageStartedOn, review.StageDueOn)
            .Select(r => Entry(c, board, $"{StagePrefix}{review.Stage}:{review.StageStartedOn:yyyyMMdd}:{Number(r.Offset)}", r.Day));
        var tasks = c.Tasks.Where(t => t.DoneAt is null && t.Id.StartsWith(ReviewMachine.TaskPrefix, StringComparison.Ordinal))
            .SelectMany(t =>
            {
                var due = BoardTime.Today(board, t.DueAt);
                return Offsets(board, DateOnly.MinValue, due).Select(r => Entry(c, board, $"{TaskPrefix}{t.Id}:{due:yyyyMMdd}:{Number(r.Offset)}", r.Day));
            });
        return [.. stage, .. tasks];
    }

    /// <summary>True for a review reminder entry.</summary>
    public static bool IsReviewReminder(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Kind.StartsWith(StagePrefix, StringComparison.Ordinal) || deadline.Kind.StartsWith(TaskPrefix, StringComparison.Ordinal);
    }

    /// <summary>The task a task reminder is about, or null for a stage reminder.</summary>
    public static string? TaskOf(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Kind.StartsWith(TaskPrefix, StringComparison.Ordinal) ? deadline.Kind.Split(':')[1] : null;
    }

    /// <summary>The offset of a reminder in working days from the due date (negative = before).</summary>
    public static int OffsetOf(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return int.Parse(deadline.Kind.AsSpan(deadline.Kind.LastIndexOf(':') + 1), CultureInfo.InvariantCulture);
    }

    private static IEnumerable<(int Offset, DateOnly Day)> Offsets(BoardConfiguration board, DateOnly startedOn, DateOnly dueOn)
    {
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var dueDay = calendar.IsWorkingDay(dueOn) ? dueOn : calendar.AddWorkingDays(dueOn, -1);
        return board.Review.ReminderOffsetWorkingDays.Select(offset => (offset, calendar.AddWorkingDays(dueDay, offset))).Where(r => r.Item2 > startedOn);
    }

    private static Deadline Entry(ReviewCase c, BoardConfiguration board, string kind, DateOnly day)
        => new(board.BoardId, c.Reference, kind, BoardTime.At(board, day, board.WorkingHours.DayStart));

    private static string Number(int offset) => offset.ToString(CultureInfo.InvariantCulture);
}
