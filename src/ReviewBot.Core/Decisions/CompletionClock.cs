using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;

namespace ReviewBot.Core.Decisions;

/// <summary>
/// Starts an initiated SCR's 6-month completion clock once its start is known: the day Ofsted was notified
/// (the Ofsted task's tick, Enfield 4.4) or the decision to initiate (a board setting, as WT2013 says).
/// CSPR cases get no SCR clock.
/// </summary>
public static class CompletionClock
{
    /// <summary>The case with its completion clock, when it is initiated, has none yet, and its start is known.</summary>
    public static ReviewCase StartIfDue(ReviewCase c, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        if (c.Rulebook != RulebookKind.Scr || c.Stage != CaseStage.ReviewInitiated || c.Clocks.Any(k => k.Kind == ClockKinds.ReviewCompletion))
        {
            return c;
        }

        var ofsted = c.Tasks.FirstOrDefault(t => t.Id == StatutoryTasks.OfstedIncidentNotification);
        var basis = ofsted is null ? CompletionClockStart.Initiation : context.Board.CompletionClockStartsFrom; // cases referred before the Ofsted task existed
        DateOnly? start = basis == CompletionClockStart.Initiation
            ? context.Today
            : ofsted?.DoneAt is { } notified ? BoardTime.Today(context.Board, notified) : null;
        return start is { } day
            ? c with { Clocks = [.. c.Clocks, StatutoryClocks.ReviewCompletion(day, basis, context.Calendar)] }
            : c;
    }
}
