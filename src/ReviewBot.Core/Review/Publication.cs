using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Core.Review;

/// <summary>
/// Publication's rules (domain.md step 9, Enfield 5.3.3; for CSPR the Panel and the Secretary of State): a planned
/// date; the national panel told the board's notice period before it (a task per recipient); publication blocked
/// until the anonymisation checklist is complete and the notice period has passed since the panel was told.
/// </summary>
public static class Publication
{
    /// <summary>Task id prefix of the notice to each national recipient.</summary>
    public const string NoticeTaskPrefix = ReviewMachine.TaskPrefix + "publication-notice-";

    /// <summary>Task id of seeking the national panel's advice on a decision not to publish.</summary>
    public const string AdviceTaskId = ReviewMachine.TaskPrefix + "publication-advice";

    /// <summary>The check in words, as the card lists it.</summary>
    public static string CheckText(AnonymisationCheck check) => check switch
    {
        AnonymisationCheck.NoNames => "No names of the child or family",
        AnonymisationCheck.NoDatesOfBirth => "No dates of birth of the child or family",
        AnonymisationCheck.NoAddresses => "No addresses of the child or family",
        AnonymisationCheck.NoSchools => "No schools of the child or family",
        _ => "The motivated-intruder test: a determined person without inside knowledge could not identify the child or family",
    };

    /// <summary>Why the report may not be published today, in plain words; null when it may.</summary>
    public static string? Blocked(ReviewCase c, ReviewProgress review, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(context);
        var plan = review.Publication;
        if (plan.PlannedOn is null)
        {
            return "Please set the planned publication date first.";
        }

        if (!plan.ChecklistComplete)
        {
            var open = Enum.GetValues<AnonymisationCheck>().Where(k => !plan.Checks.ContainsKey(k)).Select(CheckText);
            return $"The anonymisation checklist is not complete: {string.Join("; ", open)}.";
        }

        var notices = NoticeTasks(c).ToList();
        if (notices.Count == 0 || notices.Any(t => t.DoneAt is null))
        {
            return $"{Recipients(c)} must be told before publication: tick the notice task once they are.";
        }

        var allowedFrom = NoticePassesOn(c, context.Board)!.Value;
        return context.Today < allowedFrom
            ? $"The notice period has not passed: {Recipients(c)} must have the report {context.Board.Review.PublicationNoticeDays} days before it is published, so it can be published from {allowedFrom.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}."
            : null;
    }

    /// <summary>The first day the notice period allows publication, once every recipient is told.</summary>
    public static DateOnly? NoticePassesOn(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var notices = NoticeTasks(c).ToList();
        return notices.Count == 0 || notices.Any(t => t.DoneAt is null)
            ? null
            : notices.Max(t => BoardTime.Today(board, t.DoneAt!.Value)).AddDays(board.Review.PublicationNoticeDays);
    }

    /// <summary>The notice tasks on the case.</summary>
    public static IEnumerable<FollowUpTask> NoticeTasks(ReviewCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Tasks.Where(t => t.Id.StartsWith(NoticeTaskPrefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// The case's tasks with a notice per national recipient due the notice period before <paramref name="plannedOn"/>
    /// (on the working day before when that is not one); an open notice moves with a new date, a done one stays done.
    /// </summary>
    public static IReadOnlyList<FollowUpTask> WithNotices(ReviewCase c, DateOnly plannedOn, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var due = plannedOn.AddDays(-context.Board.Review.PublicationNoticeDays);
        while (!context.Calendar.IsWorkingDay(due))
        {
            due = due.AddDays(-1);
        }

        var wanted = ReviewStages.NationalRecipients(c.Rulebook).Select(recipient => ReviewMachine.Task(
            "publication-notice-" + ReviewMachine.Slug(recipient),
            $"Send the report to {recipient} before publication ({(c.Rulebook == RulebookKind.Cspr ? "Working Together 2018 ch 4; lead time a board setting" : "Enfield ESCB procedure 5.3.3")}), {context.Board.Review.PublicationNoticeDays} days ahead",
            due,
            context)).ToList();
        var kept = c.Tasks.Where(t => !wanted.Any(w => w.Id == t.Id && t.DoneAt is null)).ToList();
        return [.. kept, .. wanted.Where(w => kept.All(k => k.Id != w.Id))];
    }

    /// <summary>"the national panel", or "the Child Safeguarding Practice Review Panel and the Secretary of State".</summary>
    public static string Recipients(ReviewCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var names = ReviewStages.NationalRecipients(c.Rulebook);
        var text = string.Join(" and ", names);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
