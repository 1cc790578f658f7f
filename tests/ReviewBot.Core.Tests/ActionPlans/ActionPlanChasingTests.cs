using ReviewBot.Core.ActionPlans;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Imr;
using ReviewBot.Core.Learning;
using ReviewBot.Core.Tests.Decisions;
using static ReviewBot.Core.Tests.ActionPlans.ActionPlanFixtures;

namespace ReviewBot.Core.Tests.ActionPlans;

public sealed class ActionPlanChasingTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    /// <summary>An action added on Monday 30 November 2026, due Wednesday 30 December (25 and 28 December are bank holidays).</summary>
    private static ReviewCase WithAction() => new SaveActionItemCommand
    {
        Case = CaseFixtures.Reference,
        CardVersion = 3,
        Action = new SmartAction("Audit twenty strategy discussions for the child's voice", Owner, "police", new DateOnly(2026, 12, 30), "Audit report to the panel with findings"),
    }.Apply(Agreed(), Context(CaseFixtures.BusinessManager)).Updated!;

    [Fact]
    public void Reminders_fall_on_working_days_across_Christmas_2026_and_escalate_to_the_panel_member_then_the_chair()
    {
        var c = WithAction();
        var sent = new List<(DateOnly Day, ImrEscalation Escalation, string[] To)>();
        for (var day = new DateOnly(2026, 12, 1); day <= new DateOnly(2027, 1, 6); day = day.AddDays(1))
        {
            var now = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 1)), TimeSpan.Zero);
            foreach (var due in ActionPlanChasing.For(c, Board).Where(d => d.DueAt <= now).ToList())
            {
                var change = ActionPlanChasing.Record(c, due, Board, now, Calendar);
                Assert.NotNull(change);
                Assert.Null(ActionPlanChasing.Record(change.Updated, due, Board, now, Calendar)); // exactly once
                c = change.Updated;
                var reminder = c.ActionPlan!.Items[0].Reminders[^1];
                sent.Add((day, reminder.Escalation, [.. reminder.Recipients]));
                Assert.Equal(reminder.Recipients.Count, change.Effects.Count(e => e.Kind == ActionPlanEffects.Reminder));
                Assert.StartsWith(reminder.Escalation == ImrEscalation.None ? "ActionReminderSent" : "ActionEscalated", change.Event.Action, StringComparison.Ordinal);
            }
        }

        Assert.Equal(
            [
                (new DateOnly(2026, 12, 14), ImrEscalation.None, "oid-owner-police"),
                (new DateOnly(2026, 12, 23), ImrEscalation.None, "oid-owner-police"),
                (new DateOnly(2026, 12, 30), ImrEscalation.None, "oid-owner-police"),
                (new DateOnly(2027, 1, 4), ImrEscalation.PanelMember, "oid-owner-police+oid-panel-police"),
                (new DateOnly(2027, 1, 6), ImrEscalation.Chair, "oid-owner-police+oid-panel-police+oid-board-chair"),
            ],
            sent.Select(s => (s.Day, s.Escalation, string.Join('+', s.To))).ToList());
    }

    [Fact]
    public void Completing_with_evidence_stops_the_reminders_and_a_completion_without_evidence_is_refused()
    {
        var c = WithAction();
        Assert.Contains(DeadlinePlanner.For(c, Board), ActionPlanChasing.Handles);
        var progress = new RecordActionProgressCommand { Case = c.Reference, CardVersion = c.Version, ItemId = "a1", Status = "Complete", Note = "Audit done and reported." };

        var refused = progress.Apply(c, Context(Owner, new DateOnly(2026, 12, 15)));
        Assert.Contains("evidence", refused.Problem, StringComparison.Ordinal);

        var done = (progress with { EvidenceUrl = "https://records.example.org/audit.docx" }).Apply(c, Context(Owner, new DateOnly(2026, 12, 15))).Updated!;
        var item = done.ActionPlan!.Items[0];
        Assert.Equal(("https://records.example.org/audit.docx", ActionItemStatus.Complete), (item.Completion!.EvidenceUrl, item.Status));
        Assert.DoesNotContain(DeadlinePlanner.For(done, Board), ActionPlanChasing.Handles);
        var cancel = Assert.Single(CaseEffects.ForChange(c, done, Board), e => e.Kind == CaseEffectKinds.CancelDeadlines);
        Assert.All(cancel.Deadlines!, d => Assert.StartsWith("action-reminder:a1:20261230:", d.Kind, StringComparison.Ordinal));

        // A pending entry claimed after completion records nothing.
        var pending = ActionPlanChasing.For(c, Board).First();
        Assert.Null(ActionPlanChasing.Record(done, pending, Board, pending.DueAt, Calendar));
    }

    [Fact]
    public void Progress_is_the_owners_alone_and_keeps_the_reminders_until_complete()
    {
        var c = WithAction();
        var update = new RecordActionProgressCommand { Case = c.Reference, CardVersion = c.Version, ItemId = "a1", Status = "AtRisk", Note = "Files requested." };
        Assert.Contains("owner", update.Apply(c, Context(CaseFixtures.BusinessManager)).Problem, StringComparison.Ordinal);
        Assert.Contains("day the update describes", (update with { AsOf = Today.AddDays(1) }).Apply(c, Context(Owner)).Problem, StringComparison.Ordinal);
        Assert.Contains("where the action stands", (update with { Status = "NotStarted" }).Apply(c, Context(Owner)).Problem, StringComparison.Ordinal);

        var atRisk = update.Apply(c, Context(Owner)).Updated!;
        Assert.Equal(ActionItemStatus.AtRisk, atRisk.ActionPlan!.Items[0].Status);
        Assert.Equal(ActionPlanChasing.For(c, Board), ActionPlanChasing.For(atRisk, Board));
    }

    [Fact]
    public void An_agency_with_no_panel_member_is_confirmed_by_the_business_manager_who_asked_so_the_review_can_close()
    {
        var c = new SaveActionItemCommand
        {
            Case = CaseFixtures.Reference,
            CardVersion = 3,
            Action = new SmartAction("Refresh the health visitors' neglect training", HealthOwner, "health", new DateOnly(2026, 12, 30), "Attendance records to the panel"),
        }.Apply(Agreed(), Context(CaseFixtures.BusinessManager)).Updated!;
        var started = new StartDisseminationCommand { Case = c.Reference, CardVersion = c.Version, DueOn = new DateOnly(2026, 12, 30) }.Apply(c, Context(CaseFixtures.BusinessManager)).Updated!;

        var task = Assert.Single(started.Learning!.Disseminations);
        Assert.Equal(("health", CaseFixtures.BusinessManager), (task.AgencyId, task.PanelMemberObjectId));
        Assert.Contains(CaseEffects.ForChange(c, started, Board), e => e.Kind == CaseEffectKinds.PostCard && e.Recipient == CaseFixtures.BusinessManager && e.Detail == "learning:health");
        Assert.DoesNotContain(started.Parties, p => p.Role == BoardRole.PanelMember && p.ObjectId == CaseFixtures.BusinessManager);

        var confirm = new ConfirmDisseminationCommand { Case = c.Reference, CardVersion = started.Version, AgencyId = "health", Note = "Shared in the health safeguarding forum." };
        Assert.Equal([BoardRole.BusinessManager], confirm.PermittedRolesOn(started));
        Assert.NotNull(confirm.Apply(started, Context(HealthOwner)).Problem);
        Assert.True(confirm.Apply(started, Context(CaseFixtures.BusinessManager)).Updated!.Learning!.Disseminations[0].IsConfirmed);
    }

    [Fact]
    public void An_agencys_dissemination_is_chased_to_its_panel_member_then_the_chair_and_stops_when_confirmed()
    {
        var c = WithAction(); // the action's agency is involved
        var started = new StartDisseminationCommand { Case = c.Reference, CardVersion = c.Version, DueOn = new DateOnly(2026, 12, 30) }.Apply(c, Context(CaseFixtures.BusinessManager)).Updated!;
        var task = Assert.Single(started.Learning!.Disseminations);
        Assert.Equal(("police", PoliceePanel), (task.AgencyId, task.PanelMemberObjectId));
        Assert.Contains(CaseEffects.ForChange(c, started, Board), e => e.Kind == CaseEffectKinds.PostCard && e.Recipient == PoliceePanel && e.Detail == "learning:police");

        var overdue = ActionPlanChasing.For(started, Board).Single(d => d.Kind == "learning-reminder:police:20261230:overdue1");
        Assert.Equal(new DateOnly(2027, 1, 4), DateOnly.FromDateTime(overdue.DueAt.UtcDateTime));
        var reminded = ActionPlanChasing.Record(started, overdue, Board, overdue.DueAt, Calendar)!;
        Assert.Equal("DisseminationEscalated", reminded.Event.Action);
        Assert.Equal([PoliceePanel], reminded.Updated.Learning!.Disseminations[0].Reminders[0].Recipients);

        var confirm = new ConfirmDisseminationCommand { Case = c.Reference, CardVersion = 5, AgencyId = "police", Note = "Briefed all staff." };
        Assert.Equal([BoardRole.PanelMember], confirm.PermittedRolesOn(started));
        Assert.Contains("panel member", confirm.Apply(started, Context(Owner)).Problem, StringComparison.Ordinal);
        var confirmed = confirm.Apply(started, Context(PoliceePanel)).Updated!;
        Assert.True(confirmed.Learning!.Disseminations[0].IsConfirmed);
        Assert.DoesNotContain(ActionPlanChasing.For(confirmed, Board), d => d.Kind.StartsWith(ActionPlanChasing.LearningPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_is_chased_once_the_case_is_closed()
        => Assert.Empty(ActionPlanChasing.For(WithAction() with { Stage = CaseStage.Closed }, Board));

    [Fact]
    public void The_IMR_planner_still_plans_what_it_did()
    {
        var c = Agreed() with { ImrRequests = [new ImrRequest("police", new DateOnly(2026, 12, 30)) { CommissionedOn = Today, DueSetOn = Today }] };
        Assert.Equal(
            ["imr-reminder:police:20261230:-10@2026-12-14", "imr-reminder:police:20261230:-3@2026-12-23", "imr-reminder:police:20261230:0@2026-12-30", "imr-reminder:police:20261230:overdue1@2027-01-04"],
            ImrReminderPlanner.For(c, Board).Select(d => $"{d.Kind}@{DateOnly.FromDateTime(d.DueAt.UtcDateTime):yyyy-MM-dd}"));
    }
}
