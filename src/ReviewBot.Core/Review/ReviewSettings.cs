namespace ReviewBot.Core.Review;

/// <summary>A board's settings for the stages after a review is agreed (local practice, so configuration).</summary>
public sealed record ReviewSettings
{
    /// <summary>Working days each stage has from the day it starts (day 0); a stage the board does not list gets <see cref="DefaultStageWorkingDays"/>.</summary>
    public IReadOnlyDictionary<ReviewStage, int> StageWorkingDays { get; init; } = new Dictionary<ReviewStage, int>
    {
        [ReviewStage.ReviewTeam] = 5,
        [ReviewStage.TermsOfReference] = 10,
        [ReviewStage.LeadReviewer] = 10,
        [ReviewStage.ImrsAndChronologies] = 25,
        [ReviewStage.PanelMeetings] = 20,
        [ReviewStage.DraftOverviewReport] = 20,
        [ReviewStage.PanelSignOff] = 10,
        [ReviewStage.BoardApproval] = 10,
        [ReviewStage.Publication] = 20,
        [ReviewStage.ActionPlanMonitoring] = 120,
        [ReviewStage.LearningDisseminated] = 40,
    };

    /// <summary>Working days of a stage the board does not list.</summary>
    public int DefaultStageWorkingDays { get; init; } = 20;

    /// <summary>Reminders of a stage's due date, in working days from it (−2 before, 0 on the day, 1 overdue).</summary>
    public IReadOnlyList<int> ReminderOffsetWorkingDays { get; init; } = [-2, 0, 1];

    /// <summary>Calendar days before publication by which the national panel is told (Enfield 5.3.3: one week).</summary>
    public int PublicationNoticeDays { get; init; } = 7;

    /// <summary>How long the report stays published (domain.md step 9: at least 12 months).</summary>
    public int PublicationMonths { get; init; } = 12;

    /// <summary>Working days of the stage <paramref name="stage"/>.</summary>
    public int WorkingDaysOf(ReviewStage stage) => StageWorkingDays.TryGetValue(stage, out var days) ? days : DefaultStageWorkingDays;
}
