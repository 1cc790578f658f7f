using System.Globalization;
using ReviewBot.Core.Calendar;

namespace ReviewBot.Core.Imr;

/// <summary>Where one agency's IMR stands, in words: due, submitted, received, or overdue by N working days.</summary>
public static class ImrStatus
{
    /// <summary>Working days overdue today (0 when not overdue or submitted).</summary>
    public static int OverdueWorkingDays(ImrRequest request, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(calendar);
        return request.IsSubmitted || today <= request.DueOn ? 0 : calendar.WorkingDaysBetween(request.DueOn, today);
    }

    /// <summary>"Due Friday 8 January 2027 (5 working days left)", "Overdue by 3 working days", "Submitted on …".</summary>
    public static string Text(ImrRequest request, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(calendar);
        if (request.ReceivedAt is { } received)
        {
            return $"Received (confirmed by the panel member on {ImrTexts.Day(DateOnly.FromDateTime(received.UtcDateTime))})";
        }

        if (request.Submission is { } submitted)
        {
            return $"Submitted on {ImrTexts.Day(DateOnly.FromDateTime(submitted.At.UtcDateTime))}; waiting for the panel member to confirm";
        }

        var overdue = OverdueWorkingDays(request, today, calendar);
        if (overdue > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Overdue by {overdue} working day{(overdue == 1 ? string.Empty : "s")} (was due {ImrTexts.Day(request.DueOn)})");
        }

        var left = calendar.WorkingDaysBetween(today, request.DueOn);
        return string.Create(CultureInfo.InvariantCulture, $"Due {ImrTexts.Day(request.DueOn)} ({(left == 0 ? "today" : $"{left} working day{(left == 1 ? string.Empty : "s")} left")})");
    }
}
