namespace ReviewBot.Cards;

/// <summary>The card templates in <c>cards/</c>, by file name without <c>.json</c>.</summary>
public static class CardNames
{
    /// <summary>What the bot does, with buttons to start.</summary>
    public const string Welcome = "welcome";

    /// <summary>The commands.</summary>
    public const string Help = "help";

    /// <summary>One question of the referral conversation.</summary>
    public const string ReferralQuestion = "referral-question";

    /// <summary>All answers and the criteria outcome before submitting.</summary>
    public const string ReferralSummary = "referral-summary";

    /// <summary>To the referrer after submitting.</summary>
    public const string ReferralAcknowledgement = "referral-acknowledgement";

    /// <summary>To the board channel and business manager: no child name, no narrative.</summary>
    public const string ReferralNotification = "referral-notification";

    /// <summary>The sub-group's recommendation (actor and status views).</summary>
    public const string Recommendation = "recommendation";

    /// <summary>The board chair's decision (actor and status views).</summary>
    public const string Decision = "decision";

    /// <summary>Where a case stands.</summary>
    public const string CaseStatus = "case-status";

    /// <summary>Follow-up tasks after a review is agreed.</summary>
    public const string FollowUpChecklist = "follow-up-checklist";

    /// <summary>A person's own open tasks, soonest first, then the cases they follow.</summary>
    public const string MyTasks = "my-tasks";

    /// <summary>Someone acted without the role for it.</summary>
    public const string NotAuthorised = "not-authorised";

    /// <summary>To the business manager: the panel, a duration and the best slots for an extraordinary panel meeting.</summary>
    public const string PanelMeetingSlots = "panel-meeting-slots";

    /// <summary>A title and a text.</summary>
    public const string Message = "message";

    /// <summary>A reminder of an owned clock (CSPR notification, rapid review) with a "Mark done" button.</summary>
    public const string ClockReminder = "clock-reminder";

    /// <summary>One agency's IMR request.</summary>
    public const string ImrRequest = "imr-request";

    /// <summary>cards/clock-extension.json: record an agreed extension of a deadline.</summary>
    public const string ClockExtension = "clock-extension";

    /// <summary>An agreed review's current stage: who acts, its clock, its steps (actor and read-only views).</summary>
    public const string ReviewStage = "review-stage";

    /// <summary>cards/action-plan.json: the panel's overview of the action plan and learning.</summary>
    public const string ActionPlan = "action-plan";

    /// <summary>cards/action-item.json: one action, with its owner's progress form.</summary>
    public const string ActionItem = "action-item";

    /// <summary>cards/learning-dissemination.json: an agency's dissemination task.</summary>
    public const string LearningDissemination = "learning-dissemination";

    /// <summary>cards/export-links.json: the short-lived download links of a case's chronology and audit export.</summary>
    public const string ExportLinks = "export-links";

    /// <summary>cards/chronology-entry.json: the form to add a line to an agency's chronology, with its entries so far.</summary>
    public const string ChronologyEntry = "chronology-entry";

    /// <summary>Every card above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Welcome, Help, ReferralQuestion, ReferralSummary, ReferralAcknowledgement, ReferralNotification,
        Recommendation, Decision, CaseStatus, FollowUpChecklist, NotAuthorised, Message, PanelMeetingSlots, ClockReminder,
        ImrRequest,
        MyTasks,
        ClockExtension,
        ReviewStage, ActionPlan, ActionItem, LearningDissemination, ExportLinks,
        ChronologyEntry,
    ];
}
