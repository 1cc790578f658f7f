using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Bot.Meetings;
using ReviewBot.Cards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Scheduling;
using ReviewBot.GraphStandIn;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Meetings;

/// <summary>
/// An extraordinary panel meeting from "Call a panel meeting" to the invite in the panel's calendars, through
/// /api/messages, the outbox and the real Graph SDK against the stand-in.
/// </summary>
public sealed class PanelMeetingFlowTests(MeetingHost host) : IClassFixture<MeetingHost>, IAsyncLifetime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly WorkingDayCalendar Days = WorkingDayCalendar.EnglandAndWales;

    public Task InitializeAsync() => host.StandIn.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Calling_a_panel_meeting_offers_the_business_manager_three_slots_that_avoid_a_busy_member()
    {
        var c = await host.NewCaseAsync();
        var (first, second) = NextWorkingDays();
        await host.StandIn.SetCalendarAsync(MeetingHost.PoliceMail, new CalendarSetup([new BusyTime(Local(first, 0), Local(second.AddDays(1), 0))], null));

        await host.PressAsync(Actors.SubGroupChair, CardVerbs.RecommendationPanel, c.Reference);
        var called = await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)?.Plan?.SlotsFoundFor == 1);

        var plan = PanelMeetings.Current(called)!.Plan!;
        Assert.Equal(3, plan.Offered.Count);
        Assert.Equal(Local(Days.AddWorkingDays(second, 1), 9), plan.Offered[0].Start); // the first working day Pat is free, at 09:00
        Assert.Equal(plan.Offered.OrderBy(s => s.Start), plan.Offered);
        Assert.All(plan.Offered, slot =>
        {
            var start = TimeZoneInfo.ConvertTime(slot.Start, London);
            Assert.True(Days.IsWorkingDay(DateOnly.FromDateTime(start.DateTime)), $"{start} is not a working day");
            Assert.InRange(start.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(17) - TimeSpan.FromMinutes(90));
            Assert.True(slot.End <= plan.Deadline);
            Assert.Empty(slot.Unavailable);
        });
        Assert.Equal([MeetingHost.PolicePanel, MeetingHost.CarePanel, Actors.BusinessManager, Actors.SubGroupChair], plan.Panel);
        await Eventually.HoldsAsync(() => host.SentTo(Actors.BusinessManager).Any(m => m.Contains("meeting.pick", StringComparison.Ordinal) && m.Contains(c.Reference.Value, StringComparison.Ordinal)));
        Assert.DoesNotContain(host.SentTo(Actors.BusinessManager), m => m.Contains("meeting.pick", StringComparison.Ordinal) && m.Contains("Test Child", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_slot_before_the_deadline_the_card_says_so_and_offers_the_next_window()
    {
        var c = await host.NewCaseAsync();
        var due = c.Clocks.Single(k => k.Kind == ClockKinds.ChairDecision).DueOn;
        await host.StandIn.SetCalendarAsync(MeetingHost.CareMail, new CalendarSetup([new BusyTime(DateTimeOffset.UtcNow.AddDays(-1), Local(due.AddDays(1), 0))], null));

        await host.PressAsync(Actors.BusinessManager, CardVerbs.RecommendationPanel, c.Reference);
        var plan = PanelMeetings.Current(await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)?.Plan?.SlotsFoundFor == 1))!.Plan!;

        Assert.All(plan.Offered, s => Assert.Equal([MeetingHost.CareMail], s.Unavailable));
        Assert.Equal(Local(Days.AddWorkingDays(due, 1), 9), plan.NextWindow?.Start);
        await Eventually.HoldsAsync(() => host.SentTo(Actors.BusinessManager).Any(m => m.Contains("No time before", StringComparison.Ordinal) && m.Contains("Pick the next window", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_pick_books_one_teams_meeting_with_the_panel_and_asks_each_agency_for_its_report()
    {
        var c = await OfferedAsync();
        var slot = (await host.PlanAsync(c.Reference)).Offered[0];

        await PickAsync(c.Reference, slot);
        var booked = await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.Status == PanelMeetingStatus.Scheduled);

        var meeting = PanelMeetings.Current(booked)!;
        var held = Assert.Single(await host.StandIn.EventsAsync());
        Assert.Equal(meeting.GraphEventId, held.Id);
        Assert.Equal($"{c.Reference}: extraordinary panel meeting", held.Subject);
        Assert.DoesNotContain("Test Child", held.Subject + held.Body?.Content, StringComparison.Ordinal);
        Assert.Contains("Riverside Police", held.Body?.Content, StringComparison.Ordinal);
        Assert.Equal([MeetingHost.PoliceMail, MeetingHost.CareMail, MeetingHost.ManagerMail, MeetingHost.ChairMail], held.Attendees!.Select(a => a.EmailAddress!.Address));
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", meeting.Plan!.JoinUrl, StringComparison.Ordinal);
        Assert.Equal(PanelPlanner.TransactionId(MeetingHost.MeetingBoard, meeting.Id), held.TransactionId);
        Assert.Equal(slot.Start, meeting.StartsAt);
        await Eventually.HoldsAsync(() => host.SentTo(MeetingHost.PolicePanel).Any(m => m.Contains("report or chronology", StringComparison.Ordinal)));
        await Eventually.HoldsAsync(() => host.SentTo(MeetingHost.CarePanel).Any(m => m.Contains("report or chronology", StringComparison.Ordinal)));
        Assert.Contains(await AuditAsync(c.Reference), e => e.Action == PanelMeetingOutcomes.Scheduled && e.ActorObjectId == MeetingEffectRunner.Actor);
    }

    [Fact]
    public async Task The_create_run_twice_with_one_transaction_id_makes_one_event()
    {
        var c = await OfferedAsync();
        await PickAsync(c.Reference, (await host.PlanAsync(c.Reference)).Offered[0]);
        var scheduled = await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.Status == PanelMeetingStatus.Scheduled);

        // As if the outbox ran the effect again on the case as it was (its completion lost): the same transactionId, the same event.
        var meeting = PanelMeetings.Current(scheduled)!;
        var asBooking = PanelMeetings.With(scheduled, meeting with { GraphEventId = null, Plan = meeting.Plan! with { Status = PanelMeetingStatus.Booking } });
        var runner = host.Services.GetRequiredService<MeetingEffectRunner>();
        await runner.RunAsync(MeetingHost.MeetingBoard, asBooking, new CaseEffect(MeetingEffectKinds.Create, Detail: meeting.Id), CancellationToken.None);

        Assert.Equal(2, (await host.StandIn.RequestsAsync()).Count(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal)));
        Assert.Single(await host.StandIn.EventsAsync());
        Assert.Single(await AuditAsync(c.Reference), e => e.Action == PanelMeetingOutcomes.Scheduled);
    }

    [Fact]
    public async Task A_required_members_decline_shows_on_the_case_card_and_in_status_and_asks_for_another_time()
    {
        var c = await BookedAsync();
        var eventId = PanelMeetings.Current(await host.CaseAsync(c.Reference))!.GraphEventId!;

        await host.StandIn.RespondAsync(eventId, MeetingHost.PoliceMail, "declined");
        await host.StandIn.RespondAsync(eventId, MeetingHost.CareMail, "tentativelyAccepted");
        await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.Responses.Count(r => r.Response != AttendeeResponse.None) == 2);

        // The recommendation card (the case card) is updated in place with each attendee's answer.
        await Eventually.HoldsAsync(() => host.Connector.Calls.Any(call => call.Method == "PUT" && call.Body!.ToJsonString() is var card
            && card.Contains("Pat Police (Riverside Police): Declined", StringComparison.Ordinal) && card.Contains("Cara Care (Children", StringComparison.Ordinal)));
        await Eventually.HoldsAsync(() => host.SentTo(Actors.BusinessManager).Any(m => m.Contains("declined (a required member). Find another time", StringComparison.Ordinal)));
        await host.PostAsync(host.Activity("message", Actors.BusinessManager, $"status {c.Reference}"));
        Assert.Contains(host.SentTo(Actors.BusinessManager), m => m.Contains("Pat Police (Riverside Police): Declined", StringComparison.Ordinal) && m.Contains("Tentative", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reschedule_moves_the_same_event_and_cancel_cancels_it_both_audited()
    {
        var c = await BookedAsync();
        var eventId = PanelMeetings.Current(await host.CaseAsync(c.Reference))!.GraphEventId!;

        await host.PressAsync(Actors.BusinessManager, CardVerbs.MeetingSearch, c.Reference, new JsonObject { ["range"] = "deadline" });
        var plan = PanelMeetings.Current(await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.SlotsFoundFor == 2))!.Plan!;
        var later = plan.Offered[1];
        await PickAsync(c.Reference, later);
        var moved = await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x) is { Plan.Status: PanelMeetingStatus.Scheduled } m && m.StartsAt == later.Start);

        Assert.Equal(eventId, PanelMeetings.Current(moved)!.GraphEventId);
        var held = Assert.Single(await host.StandIn.EventsAsync());
        Assert.Equal(later.Start, GraphTime.ToInstant(held.Start));

        await host.PressAsync(Actors.BusinessManager, CardVerbs.MeetingCancel, c.Reference);
        await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.Status == PanelMeetingStatus.Cancelled);

        Assert.True(Assert.Single(await host.StandIn.EventsAsync()).IsCancelled);
        var audit = await AuditAsync(c.Reference);
        Assert.Contains(audit, e => e.Action == PanelMeetingOutcomes.Rescheduled);
        Assert.Contains(audit, e => e.Action == "PanelMeetingCancelRequested" && e.ActorObjectId == Actors.BusinessManager);
        Assert.Contains(audit, e => e.Action == PanelMeetingOutcomes.Cancelled);
    }

    [Fact]
    public async Task A_throttled_create_is_retried_honouring_retry_after_into_one_event()
    {
        var c = await OfferedAsync();
        await host.StandIn.InjectAsync(new Fault { PathContains = "/events", Method = "POST", Status = 429, Times = 1, RetryAfterSeconds = 1 });

        await PickAsync(c.Reference, (await host.PlanAsync(c.Reference)).Offered[0]);
        await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.Status == PanelMeetingStatus.Scheduled);

        var posts = (await host.StandIn.RequestsAsync()).Where(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
        Assert.Single(await host.StandIn.EventsAsync());
    }

    [Fact]
    public async Task A_permanent_403_is_recorded_on_the_case_shown_to_the_business_manager_and_kept_for_retry()
    {
        var c = await OfferedAsync();
        await host.StandIn.InjectAsync(new Fault { PathContains = "/events", Method = "POST", Status = 403 });

        await PickAsync(c.Reference, (await host.PlanAsync(c.Reference)).Offered[0]);
        var refused = await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.Problem is not null);

        var problem = PanelMeetings.Current(refused)!.Plan!.Problem!;
        Assert.Contains("access was denied", problem, StringComparison.Ordinal);
        Assert.Contains("Application Calendars.ReadWrite", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("@", problem, StringComparison.Ordinal);
        Assert.Equal(PanelMeetingStatus.Booking, PanelMeetings.Current(refused)!.Plan!.Status);
        await Eventually.HoldsAsync(() => host.SentTo(Actors.BusinessManager).Any(m => m.Contains("access was denied", StringComparison.Ordinal)));
        await host.PostAsync(host.Activity("message", Actors.BusinessManager, $"status {c.Reference}"));
        Assert.Contains(host.SentTo(Actors.BusinessManager), m => m.Contains("Extraordinary panel meeting: Sending the invite", StringComparison.Ordinal) && m.Contains("New-ManagementRoleAssignment", StringComparison.Ordinal));

        // The administrator fixes the scope: the kept effect goes through by itself.
        (await host.StandIn.Admin.DeleteAsync("admin/faults")).EnsureSuccessStatusCode();
        var booked = await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.Status == PanelMeetingStatus.Scheduled);

        Assert.Null(PanelMeetings.Current(booked)!.Plan!.Problem);
        Assert.Single(await host.StandIn.EventsAsync());
    }

    [Fact]
    public async Task A_pick_is_answered_before_a_slow_graph_call_finishes()
    {
        var c = await OfferedAsync();
        await host.StandIn.InjectAsync(new Fault { DelayMs = 10_000 });

        var answer = await PickAsync(c.Reference, (await host.PlanAsync(c.Reference)).Offered[0]);

        // Answered with the card while the create is still waiting on Graph (or not yet sent).
        var heldWhenAnswered = (await host.StandIn.EventsAsync()).Count;
        Assert.Equal(200, answer["statusCode"]!.GetValue<int>());
        Assert.Contains("Sending the invite", answer.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, heldWhenAnswered);
        await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.Status == PanelMeetingStatus.Scheduled, 60);
        Assert.Single(await host.StandIn.EventsAsync());
    }

    private async Task<ReviewCase> OfferedAsync()
    {
        var c = await host.NewCaseAsync();
        await host.PressAsync(Actors.SubGroupChair, CardVerbs.RecommendationPanel, c.Reference);
        return await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)?.Plan?.SlotsFoundFor == 1 && PanelMeetings.Current(x)!.Plan!.Offered.Count == 3);
    }

    private async Task<ReviewCase> BookedAsync()
    {
        var c = await OfferedAsync();
        await PickAsync(c.Reference, (await host.PlanAsync(c.Reference)).Offered[0]);
        return await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)!.Plan!.Status == PanelMeetingStatus.Scheduled);
    }

    private Task<JsonObject> PickAsync(CaseReference reference, OfferedSlot slot)
        => host.PressAsync(Actors.BusinessManager, CardVerbs.MeetingPick, reference, new JsonObject
        {
            ["slotId"] = PanelSlotIds.Format(slot.Start, slot.End),
            ["panel"] = string.Join(",", MeetingHost.PolicePanel, MeetingHost.CarePanel, Actors.BusinessManager, Actors.SubGroupChair),
            ["durationMinutes"] = "90",
        });

    private async Task<List<CaseEvent>> AuditAsync(CaseReference reference)
    {
        var events = new List<CaseEvent>();
        await foreach (var e in host.Cases.ReadAuditAsync(MeetingHost.MeetingBoard.BoardId, reference, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    // The first two working days from now on which a 90-minute slot could still start.
    private static (DateOnly First, DateOnly Second) NextWorkingDays()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, London);
        var today = DateOnly.FromDateTime(now.DateTime);
        var first = Days.IsWorkingDay(today) && now.TimeOfDay < TimeSpan.FromHours(15.5) ? today : Days.AddWorkingDays(today, 1);
        return (first, Days.AddWorkingDays(first, 1));
    }

    private static DateTimeOffset Local(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }
}
