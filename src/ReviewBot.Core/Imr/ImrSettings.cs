namespace ReviewBot.Core.Imr;

/// <summary>
/// A board's IMR timetable (local practice, so configuration): when IMRs are due and when they are chased.
/// Offsets are working days relative to the due date (−10 = ten working days before, 0 = on the day).
/// </summary>
public sealed record ImrSettings
{
    /// <summary>Working days from the review being agreed (day 0) to the IMR deadline.</summary>
    public int DueWorkingDays { get; init; } = 20;

    /// <summary>Reminders to the author before and on the due date.</summary>
    public IReadOnlyList<int> ReminderOffsetWorkingDays { get; init; } = [-10, -3, 0];

    /// <summary>Once overdue, a reminder every this many working days (the first this many after the due date).</summary>
    public int OverdueEveryWorkingDays { get; init; } = 2;

    /// <summary>Overdue by at least this many working days: the board chair is told too (the panel member is told from the first overdue reminder).</summary>
    public int ChairEscalationAfterWorkingDays { get; init; } = 4;
}
