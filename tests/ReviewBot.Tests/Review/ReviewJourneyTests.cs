using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Review;
using ReviewBot.Tests.Bot;
using ReviewBot.Tests.Effects;

namespace ReviewBot.Tests.Review;

/// <summary>
/// A whole review from "review agreed" to closed, by card presses on a fake clock across Christmas 2026: each stage's
/// clock reminds its actor on its working day, the lead reviewer is agreed twice and checked, a panel meeting goes
/// through the Graph meeting flow, the panel signs off, and publication waits for the checklist and the notice period.
/// </summary>
public sealed class ReviewJourneyTests(ReviewEnvironment env) : IClassFixture<ReviewEnvironment>
{
    private const string Reminder = "Reminder: this stage is due on";

    [Fact]
    public async Task A_review_runs_from_agreed_to_closed_by_card_presses_with_each_stage_clock_firing_on_its_working_day()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, Actors.Referrer, ReviewPeople.Director, ReviewPeople.PanelMember, ReviewPeople.LeadReviewer);
        var c = await env.AgreedReviewAsync(); // Monday 14 December 2026

        // The first stage: five working days, its card to the business manager; the status says who acts and when.
        Assert.Equal((ReviewStage.ReviewTeam, new DateOnly(2026, 12, 21)), (c.Review!.Stage, c.Review.StageDueOn));
        Assert.Single(env.Host.Connector.PostsTo(Actors.BusinessManager, c.Reference, CardVerbs.ReviewAdvance));
        (await env.Host.PostAsync(env.Host.Activity("message", Actors.Referrer, $"status {c.Reference}"))).EnsureSuccessStatusCode();
        Assert.Single(await env.TeamsToAsync(Actors.Referrer, "Serious case review: Review team and case team", "Monday 21 December 2026", "The business manager names the review team"));

        // A stranger learns nothing; the referrer is told which role acts, never who.
        Assert.Contains(CaseVisibility.UnknownCaseAnswer(c.Reference), await env.AnswerAsync(Actors.Stranger, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.ReviewTeam)), StringComparison.Ordinal);
        var refused = await env.AnswerAsync(Actors.Referrer, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.ReviewTeam));
        Assert.Contains("Only the business manager may move this review", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Bea Manager", refused, StringComparison.Ordinal);

        // The police's IMR comes in early, so its chasing stops.
        c = await env.PressAsync(ReviewPeople.PanelMember, CardVerbs.ImrSubmit, c, new JsonObject { ["agencyId"] = "police", ["documentUrl"] = "https://records.example.org/imr-police.docx" });
        Assert.True(c.ImrRequests[0].IsSubmitted);

        // Reminders two working days before, on the day and the working day after; then ten working days over Christmas.
        await ExpectStageRemindersAsync(Actors.BusinessManager, "Review team and case team", new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 22),
            [new DateOnly(2026, 12, 17), new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 22)]);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.ReviewTeam, new() { ["team"] = "Bea Manager, Sid Chair (review team); Pat Panel (case team)" }));
        Assert.Equal((ReviewStage.TermsOfReference, new DateOnly(2027, 1, 8)), (c.Review!.Stage, c.Review.StageDueOn));
        await ExpectStageRemindersAsync(Actors.BusinessManager, "Terms of reference, scope and panel", new DateOnly(2026, 12, 23), new DateOnly(2027, 1, 8),
            [new DateOnly(2027, 1, 6), new DateOnly(2027, 1, 8)]);

        c = await env.PressAsync(Actors.SubGroupChair, CardVerbs.ReviewTerms, c, new JsonObject { ["scope"] = "Agency contact from birth", ["panel"] = ReviewPeople.PanelMember });
        c = await env.PressAsync(Actors.SubGroupChair, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.TermsOfReference));
        Assert.Equal(ReviewStage.LeadReviewer, c.Review!.Stage);

        // The lead reviewer: proposed, agreed by the chair and the director, checked, independence confirmed.
        Assert.Single(env.Host.Connector.PostsTo(ReviewPeople.Director, c.Reference, CardVerbs.ReviewLeadAgree));
        c = await env.PressAsync(Actors.SubGroupChair, CardVerbs.ReviewLeadPropose, c, new JsonObject { ["leadPerson"] = ReviewPeople.LeadReviewer });
        c = await env.PressAsync(Actors.BoardChair, CardVerbs.ReviewLeadAgree, c, []);
        Assert.Contains("director of children's services' agreement", await env.AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.LeadReviewer)), StringComparison.Ordinal);
        c = await env.PressAsync(ReviewPeople.Director, CardVerbs.ReviewLeadAgree, c, []);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewLeadCheck, c, new JsonObject { ["check"] = "Training" });
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewLeadCheck, c, new JsonObject { ["check"] = "References" });
        c = await env.PressAsync(ReviewPeople.LeadReviewer, CardVerbs.ReviewLeadIndependence, c, new JsonObject { ["confirmed"] = "true" });
        Assert.Equal(ReviewPeople.LeadReviewer, c.Review!.LeadReviewer.IndependenceConfirmed!.ByObjectId);
        await ExpectStageReminderAsync(c, Actors.BusinessManager);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.LeadReviewer));
        Assert.Contains(c.Tasks, t => t.Id == "review-appointment-the-national-panel" && t.DoneAt is null);

        // At the IMRs and chronologies stage its card offers the chronology form; the lead reviewer adds an entry.
        Assert.NotEmpty(env.Host.Connector.PostsTo(Actors.BusinessManager, c.Reference, CardVerbs.ChronologyForm));
        var added = await env.AnswerAsync(ReviewPeople.LeadReviewer, CardVerbs.ChronologyAdd, c, new JsonObject { ["shownAgencyId"] = "police", ["occurredOn"] = "2026-06-03", ["communication"] = "Strategy discussion", ["sourceOfEvidence"] = "Police log 123" });
        Assert.Contains("Riverside Police's chronology: 1 entry so far.", added, StringComparison.Ordinal);
        c = await env.CaseAsync(c.Reference);
        Assert.Equal(ReviewPeople.LeadReviewer, Assert.Single(c.Chronology).RecordedByObjectId);

        await ExpectStageReminderAsync(c, Actors.BusinessManager);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.ImrsAndChronologies));

        // Panel meetings go through the Graph meeting flow: the business manager gets the slot card.
        Assert.Equal(ReviewStage.PanelMeetings, c.Review!.Stage);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewMeeting, c, []);
        Assert.Single(c.Meetings);
        await Eventually.HoldsAsync(() => env.Host.Connector.PostsTo(Actors.BusinessManager, c.Reference, CardVerbs.MeetingPick).Count == 1, 15, "The slot card did not come.");
        await ExpectStageReminderAsync(c, Actors.BusinessManager);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.PanelMeetings));

        // The report's versions are links; the lead reviewer moves the draft on.
        c = await env.PressAsync(ReviewPeople.LeadReviewer, CardVerbs.ReviewReport, c, new JsonObject { ["reportKind"] = "OverviewReport", ["reportUrl"] = "https://docs.example.org/overview-v1.docx", ["reportLabel"] = "v1" });
        c = await env.PressAsync(ReviewPeople.LeadReviewer, CardVerbs.ReviewReport, c, new JsonObject { ["reportKind"] = "ExecutiveSummary", ["reportUrl"] = "https://docs.example.org/summary-v1.docx", ["reportLabel"] = "v1" });
        await ExpectStageReminderAsync(c, ReviewPeople.LeadReviewer);
        c = await env.PressAsync(ReviewPeople.LeadReviewer, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.DraftOverviewReport));

        // Each panel member signs off on their card before the stage moves on.
        Assert.Single(env.Host.Connector.PostsTo(ReviewPeople.PanelMember, c.Reference, CardVerbs.ReviewSignOff));
        Assert.Contains("Not every panel member has signed off", await env.AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.PanelSignOff)), StringComparison.Ordinal);
        c = await env.PressAsync(ReviewPeople.PanelMember, CardVerbs.ReviewSignOff, c, new JsonObject { ["versionLabel"] = "v1" });
        await ExpectStageReminderAsync(c, Actors.BusinessManager);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.PanelSignOff));

        // The chair approves; the completion clock with its extension shows on the stage card.
        await ExpectStageReminderAsync(c, Actors.BoardChair);
        c = await env.PressAsync(Actors.BoardChair, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.BoardApproval));
        Assert.Equal(ReviewStage.Publication, c.Review!.Stage);

        await PublishAsync(c);
        c = await env.CaseAsync(c.Reference);

        // Action plan monitoring skipped only with a reason; learning disseminated closes the review.
        Assert.Contains("Please give the reason", await env.AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewSkip, c, Stage(ReviewStage.ActionPlanMonitoring, new() { ["reason"] = " " })), StringComparison.Ordinal);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewSkip, c, Stage(ReviewStage.ActionPlanMonitoring, new() { ["reason"] = "Monitored by the joint action plan" }));
        await ExpectStageReminderAsync(c, Actors.BusinessManager);

        // Learning disseminated waits for every agency's confirmation and the learning event (held, or skipped with a reason).
        Assert.Contains("have not been asked to disseminate", await env.AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.LearningDisseminated)), StringComparison.Ordinal);
        var today = Core.Boards.BoardTime.Today(ReviewPeople.Board, env.Clock.GetUtcNow());
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.LearningStart, c, new JsonObject { ["disseminateBy"] = today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        c = await env.PressAsync(ReviewPeople.PanelMember, CardVerbs.LearningConfirm, c, new JsonObject { ["agencyId"] = "police", ["note"] = "Team briefings." });
        Assert.Contains("learning event has not been called yet", await env.AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.LearningDisseminated)), StringComparison.Ordinal);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewLearningEventSkip, c, Stage(ReviewStage.LearningDisseminated, new() { ["eventSkipReason"] = "Shared at the board's annual conference" }));
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.LearningDisseminated));
        Assert.Equal((CaseStage.Closed, ReviewStage.Closed), (c.Stage, c.Review!.Stage));
        Assert.NotNull(c.ClosedAt);

        var audit = await env.AuditAsync(c.Reference);
        Assert.Equal(10, audit.Count(e => e.Action == "ReviewStageCompleted"));
        Assert.Single(audit, e => e.Action == "ReviewStageSkipped" && e.Detail == "ActionPlanMonitoring->LearningDisseminated");
        Assert.Equal(2, audit.Count(e => e.Action == "LeadReviewerAgreed"));
        Assert.Contains(audit, e => e.Action == "ReviewReportSignedOff" && e.ActorObjectId == ReviewPeople.PanelMember);
        Assert.Contains(audit, e => e.Action == "ActionRefused" && e.ActorObjectId == Actors.Stranger);
    }

    // Publication: blocked until the checklist is complete and the national panel has had its notice period.
    private async Task PublishAsync(ReviewCase c)
    {
        var today = Core.Boards.BoardTime.Today(ReviewPeople.Board, env.Clock.GetUtcNow());
        var planned = today.AddDays(14);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewPublicationPlan, c, new JsonObject { ["plannedOn"] = planned.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var notice = Assert.Single(Publication.NoticeTasks(c));
        Assert.Contains("checklist is not complete", await Publish(c), StringComparison.Ordinal);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAnonymisation, c, new JsonObject { ["checks"] = "NoNames,NoDatesOfBirth,NoAddresses,NoSchools" });
        Assert.Contains("motivated-intruder", await Publish(c), StringComparison.Ordinal);
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAnonymisation, c, new JsonObject { ["checks"] = "MotivatedIntruderTest" });
        Assert.Contains("must be told before publication", await Publish(c), StringComparison.Ordinal);

        // The notice task is reminded on its due day (the notice period before the planned date), then ticked.
        var noticeDue = Core.Boards.BoardTime.Today(ReviewPeople.Board, notice.DueAt);
        var reminders = (await env.TeamsToAsync(Actors.BusinessManager, "Review task due", "Send the report to the national panel")).Count;
        await env.SweepOnAsync(noticeDue);
        // Its reminders two working days before and on the day both come (the clock jumped to the day).
        await Eventually.HoldsAsync(() => env.TeamsToAsync(Actors.BusinessManager, "Review task due", "Send the report to the national panel").GetAwaiter().GetResult().Count == reminders + 2, 15, "The notice task was not reminded.");
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.TaskTick, c, new JsonObject { ["taskId"] = notice.Id });
        await env.SweepOnAsync(noticeDue.AddDays(6));
        Assert.Contains("notice period has not passed", await Publish(c), StringComparison.Ordinal);
        Assert.Equal(ReviewStage.Publication, (await env.CaseAsync(c.Reference)).Review!.Stage);

        await env.SweepOnAsync(noticeDue.AddDays(7));
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.Publication));
        Assert.Equal((ReviewStage.ActionPlanMonitoring, noticeDue.AddDays(7), noticeDue.AddDays(7).AddMonths(12)), (c.Review!.Stage, c.Review.Publication.PublishedOn!.Value, c.Review.Publication.PublishedUntil!.Value));
    }

    private Task<string> Publish(ReviewCase c) => env.AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, Stage(ReviewStage.Publication));

    private static JsonObject Stage(ReviewStage stage, JsonObject? data = null)
    {
        data ??= [];
        data["stage"] = stage.ToString();
        return data;
    }

    // The current stage's first reminder (two working days before its due date) comes on its day and not the day before.
    private async Task ExpectStageReminderAsync(ReviewCase c, string actor)
    {
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var review = (await env.CaseAsync(c.Reference)).Review!;
        var due = calendar.IsWorkingDay(review.StageDueOn) ? review.StageDueOn : calendar.AddWorkingDays(review.StageDueOn, -1);
        var first = calendar.AddWorkingDays(due, -2);
        await ExpectStageRemindersAsync(actor, ReviewStages.Title(review.Stage, c.Rulebook), first.AddDays(-1), first, [first]);
    }

    private async Task ExpectStageRemindersAsync(string actor, string stageTitle, DateOnly from, DateOnly to, DateOnly[] expected)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var before = await StageRemindersAsync(actor, stageTitle);
            await env.SweepOnAsync(day);
            if (expected.Contains(day))
            {
                // The hosted sweep may have claimed the entry first and still be sending it.
                await Eventually.HoldsAsync(() => StageRemindersAsync(actor, stageTitle).GetAwaiter().GetResult() > before, 15, $"{day:ddd d MMM yyyy}: no reminder of {stageTitle} to {actor}.");
            }

            var sent = await StageRemindersAsync(actor, stageTitle) - before;
            Assert.True(sent == (expected.Contains(day) ? 1 : 0), $"{day:ddd d MMM yyyy}: {sent} reminders of {stageTitle} to {actor}.");
        }
    }

    private async Task<int> StageRemindersAsync(string actor, string stageTitle)
        => (await env.TeamsToAsync(actor, $"Serious case review: {stageTitle}", "this stage")).Count(call => call.Body!.ToJsonString().Contains(Reminder, StringComparison.Ordinal) || call.Body!.ToJsonString().Contains("Overdue: this stage", StringComparison.Ordinal));
}
