using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Core.Review;

/// <summary>
/// Starts the stages when a review is agreed, says whether the current stage may move on, and moves it on (done or
/// skipped with a reason): each stage's clock runs in working days from the day it starts, and closing the last
/// stage closes the case.
/// </summary>
public static class ReviewMachine
{
    /// <summary>Task id prefix of the review's own follow-up tasks.</summary>
    public const string TaskPrefix = "review-";

    /// <summary>The case with its review stages started at the first stage, the proposed lead reviewer carried over.</summary>
    public static ReviewCase Begin(ReviewCase c, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        if (c.Review is not null)
        {
            return c;
        }

        var first = ReviewStage.ReviewTeam;
        return c with
        {
            Review = new ReviewProgress
            {
                Stage = first,
                StageStartedOn = context.Today,
                StageDueOn = DueOn(first, context.Today, null, context),
                LeadReviewer = new LeadReviewerAppointment { Name = Blank(c.Recommendation?.ProposedLeadReviewer) },
            },
        };
    }

    /// <summary>Why the current stage cannot move on yet, in plain words; null when it can.</summary>
    public static string? NotReady(ReviewCase c, ReviewProgress review, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(context);
        return review.Stage switch
        {
            ReviewStage.ReviewTeam when review.Team is null => "Please name the review team and case team first.",
            ReviewStage.TermsOfReference when review.Terms is null => "Please record the terms of reference, scope and panel first.",
            ReviewStage.LeadReviewer when !review.LeadReviewer.IsComplete => LeadReviewerMissing(review.LeadReviewer),
            ReviewStage.ImrsAndChronologies when c.ImrRequests.Any(r => !r.IsSubmitted) => "Some IMRs are not in yet: every agency's IMR and chronology must be submitted first.",
            ReviewStage.DraftOverviewReport when review.LatestOverview is null || review.Reports.All(r => r.Kind != ReportKind.ExecutiveSummary)
                => "Please record a version of the overview report and of the executive summary first.",
            ReviewStage.PanelSignOff when UnsignedPanelMembers(c, review).Count > 0 || review.LatestOverview is null
                => "Not every panel member has signed off the latest overview report yet.",
            ReviewStage.Publication => Publication.Blocked(c, review, context),
            ReviewStage.LearningDisseminated => Learning.LearningEvents.NotReady(c, context.Board, context.Now),
            ReviewStage.Closed => "The review is closed.",
            _ => null,
        };
    }

    /// <summary>Panel members on the case who have not signed off the latest overview report version.</summary>
    public static IReadOnlyList<string> UnsignedPanelMembers(ReviewCase c, ReviewProgress review)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(review);
        var label = review.LatestOverview?.Label;
        return [.. c.PartiesIn(BoardRole.PanelMember).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(id => !review.SignOffs.Any(s => s.VersionLabel == label && string.Equals(s.ObjectId, id, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The case moved on to the next stage, recording the one left (with the reason when skipped).</summary>
    public static ReviewCase MoveOn(ReviewCase c, ReviewProgress review, CaseCommandContext context, string? skippedReason = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(context);
        var left = new ReviewStageRecord(review.Stage, review.StageStartedOn, review.StageDueOn, context.Now, context.ActorObjectId, skippedReason);
        var next = ReviewStages.Next(review.Stage);
        var moved = review with
        {
            Stage = next,
            StageStartedOn = context.Today,
            StageDueOn = DueOn(next, context.Today, review.Publication.PlannedOn, context),
            History = [.. review.History, left],
        };
        var tasks = skippedReason is null && review.Stage == ReviewStage.LeadReviewer ? AppointmentNotices(c, context) : [];
        var updated = c with { Review = moved, Tasks = [.. c.Tasks, .. tasks] };
        return next == ReviewStage.Closed ? updated with { Stage = CaseStage.Closed, ClosedAt = context.Now } : updated;
    }

    /// <summary>The due date of a stage started on <paramref name="startedOn"/>: publication is due on its planned date once set.</summary>
    public static DateOnly DueOn(ReviewStage stage, DateOnly startedOn, DateOnly? plannedPublication, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return stage == ReviewStage.Publication && plannedPublication is { } planned && planned > startedOn
            ? planned
            : context.Calendar.AddWorkingDays(startedOn, context.Board.Review.WorkingDaysOf(stage));
    }

    /// <summary>A follow-up task of the review, owned by the business manager, due at the end of <paramref name="dueOn"/>.</summary>
    public static FollowUpTask Task(string id, string title, DateOnly dueOn, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FollowUpTask(TaskPrefix + id, title, BoardRole.BusinessManager, StatutoryTasks.EndOfWorkingDay(context.Board, dueOn));
    }

    /// <summary>A slug of a recipient's name for task ids.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Concat(text.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : '-')).Trim('-');
    }

    private static IEnumerable<FollowUpTask> AppointmentNotices(ReviewCase c, CaseCommandContext context)
    {
        var due = context.Calendar.AddWorkingDays(context.Today, 5);
        var who = c.Rulebook == RulebookKind.Cspr ? "reviewer" : "lead reviewer";
        return ReviewStages.NationalRecipients(c.Rulebook).Take(1).Select(recipient => Task(
            "appointment-" + Slug(recipient),
            string.Create(CultureInfo.InvariantCulture, $"Tell {recipient} the name of the {who} appointed (domain.md step 6)"),
            due,
            context));
    }

    private static string LeadReviewerMissing(LeadReviewerAppointment a)
    {
        var missing = new List<string>();
        if (a.Name is null)
        {
            missing.Add("the proposed lead reviewer's name");
        }

        if (a.ChairAgreed is null)
        {
            missing.Add("the board chair's agreement");
        }

        if (a.DirectorAgreed is null)
        {
            missing.Add("the director of children's services' agreement");
        }

        if (a.TrainingChecked is null || a.ReferencesChecked is null)
        {
            missing.Add("the training and reference checks");
        }

        if (a.IndependenceConfirmed is null)
        {
            missing.Add("the independence statement");
        }

        return $"The lead reviewer is not appointed yet: still needed {string.Join(", ", missing)}.";
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
