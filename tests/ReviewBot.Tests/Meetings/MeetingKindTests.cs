using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Learning;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Ports;
using ReviewBot.Core.Review;
using ReviewBot.GraphStandIn;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Meetings;

/// <summary>
/// Each kind of meeting the Graph flow arranges says what it is (the extraordinary panel meeting, a numbered review
/// panel meeting, the multi-agency learning event), and the learning event is called from the review stage card,
/// booked through the real Graph SDK against the stand-in, and holds the learning disseminated stage until it is held.
/// </summary>
public sealed class MeetingKindTests(MeetingHost host) : IClassFixture<MeetingHost>, IAsyncLifetime
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task InitializeAsync() => host.StandIn.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_extraordinary_panel_meeting_says_so_in_its_invite_and_teams_message()
    {
        var c = await host.NewCaseAsync();
        await host.PressAsync(Actors.SubGroupChair, CardVerbs.RecommendationPanel, c.Reference);

        var held = await BookAsync(c.Reference);

        Assert.Equal($"{c.Reference}: extraordinary panel meeting", held.Subject);
        Assert.Contains($"Extraordinary panel meeting for case {c.Reference}, to consider whether it meets the criteria", held.Body!.Content, StringComparison.Ordinal);
        await ExpectTeamsAsync(MeetingHost.PolicePanel, $"You are invited to the extraordinary panel meeting for case {c.Reference}", "report or chronology");
        await ExpectTeamsAsync(Actors.BusinessManager, $"Extraordinary panel meeting: {c.Reference}");
    }

    [Fact]
    public async Task Review_panel_meetings_are_numbered_in_their_invites_and_teams_messages()
    {
        var c = await AtStageAsync(ReviewStage.PanelMeetings);
        await host.PressAsync(Actors.BusinessManager, CardVerbs.ReviewMeeting, c.Reference);
        var first = await BookAsync(c.Reference);
        Assert.Equal($"{c.Reference}: review panel meeting 1", first.Subject);
        Assert.Contains("IMRs and chronologies", first.Body!.Content, StringComparison.Ordinal);
        await ExpectTeamsAsync(MeetingHost.PolicePanel, $"You are invited to review panel meeting 1 for case {c.Reference}", "Riverside Police's IMR or chronology");

        // Once the first has taken place the next is called: it is the second.
        await RewriteAsync(c.Reference, x => PanelMeetings.With(x, InThePast(PanelMeetings.Current(x)!)));
        await host.PressAsync(Actors.BusinessManager, CardVerbs.ReviewMeeting, c.Reference);
        var second = await BookAsync(c.Reference);

        Assert.Equal($"{c.Reference}: review panel meeting 2", second.Subject);
        Assert.Contains($"Review panel meeting 2 for case {c.Reference}", second.Body!.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("xtraordinary", second.Subject + second.Body.Content, StringComparison.Ordinal);
        await ExpectTeamsAsync(MeetingHost.CarePanel, $"You are invited to review panel meeting 2 for case {c.Reference}");
        await ExpectTeamsAsync(Actors.BusinessManager, $"Review panel meeting 2: {c.Reference}");
        Assert.Equal([PanelMeetingKinds.Review, PanelMeetingKinds.Review], (await host.CaseAsync(c.Reference)).Meetings.Select(m => m.Kind));
    }

    [Fact]
    public async Task The_learning_event_is_created_once_as_a_teams_meeting_with_each_agency_the_lead_reviewer_the_chair_and_the_business_manager()
    {
        var c = await AtStageAsync(ReviewStage.LearningDisseminated, WithDisseminations);
        await host.PressAsync(Actors.BusinessManager, CardVerbs.ReviewLearningEvent, c.Reference);
        var again = await AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewLearningEvent, c.Reference);
        Assert.Contains("already been called", again, StringComparison.Ordinal);

        var held = await BookAsync(c.Reference);

        var stored = await host.CaseAsync(c.Reference);
        var meeting = Assert.Single(stored.Meetings);
        Assert.Equal((PanelMeetingKinds.LearningEvent, meeting.Id), (meeting.Kind, stored.Learning!.EventMeetingId));
        Assert.Equal(1, (await host.StandIn.RequestsAsync()).Count(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal)));
        Assert.Equal($"{c.Reference}: multi-agency learning event", held.Subject);
        Assert.Contains("to share the learning from the SCR with the agencies involved", held.Body!.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Child", held.Subject + held.Body.Content, StringComparison.Ordinal);
        Assert.True(held.IsOnlineMeeting);
        Assert.Equal(PanelPlanner.TransactionId(MeetingHost.MeetingBoard, meeting.Id), held.TransactionId);
        Assert.Equal(
            [MeetingHost.PoliceMail, MeetingHost.CareMail, MeetingHost.LeadMail, MeetingHost.BoardChairMail, MeetingHost.ManagerMail],
            held.Attendees!.Select(a => a.EmailAddress!.Address));
        await ExpectTeamsAsync(MeetingHost.PolicePanel, $"You are invited to the multi-agency learning event for case {c.Reference}", "Riverside Police has disseminated");
        await ExpectTeamsAsync(Actors.BusinessManager, $"Multi-agency learning event: {c.Reference}");
    }

    [Fact]
    public async Task Learning_disseminated_moves_on_only_once_every_agency_confirmed_and_the_learning_event_was_held()
    {
        var c = await AtStageAsync(ReviewStage.LearningDisseminated, WithDisseminations);
        Assert.Contains("Multi-agency learning event: not yet called", await StageCardAsync(c.Reference), StringComparison.Ordinal);
        Assert.Contains("still waiting for Riverside Police, Children's Social Care", await AdvanceAsync(c.Reference), StringComparison.Ordinal);

        await host.PressAsync(MeetingHost.PolicePanel, CardVerbs.LearningConfirm, c.Reference, new JsonObject { ["agencyId"] = "police", ["note"] = "Team briefings." });
        await host.PressAsync(MeetingHost.CarePanel, CardVerbs.LearningConfirm, c.Reference, new JsonObject { ["agencyId"] = "csc", ["note"] = "Practice week." });
        Assert.Contains("learning event has not been called yet", await AdvanceAsync(c.Reference), StringComparison.Ordinal);

        await host.PressAsync(Actors.BusinessManager, CardVerbs.ReviewLearningEvent, c.Reference);
        await BookAsync(c.Reference);
        Assert.Contains("learning event has not taken place yet", await AdvanceAsync(c.Reference), StringComparison.Ordinal);
        Assert.Contains("Booked: the invite is in the panel's calendars", await StageCardAsync(c.Reference), StringComparison.Ordinal);
        Assert.Equal(ReviewStage.LearningDisseminated, (await host.CaseAsync(c.Reference)).Review!.Stage);

        // The event's time passes (written as if the clock had moved on): now the review closes.
        await RewriteAsync(c.Reference, x => PanelMeetings.With(x, InThePast(LearningEvents.Event(x)!)));
        await AdvanceAsync(c.Reference);
        var closed = await host.CaseAsync(c.Reference);
        Assert.Equal((CaseStage.Closed, ReviewStage.Closed), (closed.Stage, closed.Review!.Stage));
    }

    [Fact]
    public async Task A_learning_event_skipped_with_a_reason_lets_the_stage_move_on()
    {
        var c = await AtStageAsync(ReviewStage.LearningDisseminated, x => Confirmed(WithDisseminations(x)));

        Assert.Contains("Please give the reason", await AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewLearningEventSkip, c.Reference, new JsonObject { ["eventSkipReason"] = " " }), StringComparison.Ordinal);
        await AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewLearningEventSkip, c.Reference, new JsonObject { ["eventSkipReason"] = "Shared at the board's annual conference" });
        Assert.Contains("not held (Shared at the board's annual conference)", await StageCardAsync(c.Reference), StringComparison.Ordinal);
        await AdvanceAsync(c.Reference);

        Assert.Equal(ReviewStage.Closed, (await host.CaseAsync(c.Reference)).Review!.Stage);
    }

    [Fact]
    public async Task A_stranger_learns_nothing_and_another_role_is_told_which_role_calls_the_learning_event()
    {
        var c = await AtStageAsync(ReviewStage.LearningDisseminated, WithDisseminations);

        Assert.Contains(CaseVisibility.UnknownCaseAnswer(c.Reference), await AnswerAsync(Actors.Stranger, CardVerbs.ReviewLearningEvent, c.Reference), StringComparison.Ordinal);
        var refused = await AnswerAsync(Actors.SubGroupChair, CardVerbs.ReviewLearningEvent, c.Reference);
        Assert.Contains("Only the business manager may call the multi-agency learning event", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Bea Manager", refused, StringComparison.Ordinal);

        var stored = await host.CaseAsync(c.Reference);
        Assert.Empty(stored.Meetings);
        Assert.Null(stored.Learning!.EventMeetingId);
    }

    // A referral approved through the cards; the stages before stage are ReviewJourneyTests' subject, so the case is
    // written at the stage with its lead reviewer appointed (and whatever arrange adds).
    private async Task<ReviewCase> AtStageAsync(ReviewStage stage, Func<ReviewCase, ReviewCase>? arrange = null)
    {
        var c = await host.NewCaseAsync();
        await host.PressAsync(Actors.SubGroupChair, CardVerbs.RecommendationReview, c.Reference, new JsonObject { ["rationale"] = "Met.", ["leadReviewer"] = "Lee Lead" });
        await host.PressAsync(Actors.BoardChair, CardVerbs.DecisionApprove, c.Reference);
        await host.WhenCaseAsync(c.Reference, x => x.Review is not null);
        await RewriteAsync(c.Reference, x => (arrange ?? (y => y))(x with
        {
            Review = x.Review! with { Stage = stage, LeadReviewer = x.Review.LeadReviewer with { Name = "Lee Lead", ObjectId = MeetingHost.LeadReviewer } },
        }));
        return await host.CaseAsync(c.Reference);
    }

    private static ReviewCase WithDisseminations(ReviewCase c) => c with
    {
        Learning = new LearningPlan
        {
            Disseminations =
            [
                new AgencyDissemination("police", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)) { PanelMemberObjectId = MeetingHost.PolicePanel },
                new AgencyDissemination("csc", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)) { PanelMemberObjectId = MeetingHost.CarePanel },
            ],
        },
    };

    private static ReviewCase Confirmed(ReviewCase c) => c with
    {
        Learning = c.Learning! with { Disseminations = [.. c.Learning.Disseminations.Select(d => d with { ConfirmedAt = DateTimeOffset.UtcNow, ConfirmedByObjectId = d.PanelMemberObjectId, Note = "Briefings." })] },
    };

    // The meeting as if its time had passed: it started two hours ago.
    private static PanelMeeting InThePast(PanelMeeting m)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        return m with { StartsAt = start, Plan = m.Plan! with { Picked = m.Plan.Picked! with { Start = start, End = start.AddMinutes(90) } } };
    }

    private async Task RewriteAsync(CaseReference reference, Func<ReviewCase, ReviewCase> change)
    {
        var result = await host.Cases.UpdateAsync(MeetingHost.MeetingBoard.BoardId, reference, latest => new CaseChange(change(latest), new CaseEvent
        {
            Case = reference,
            Action = "TestArranged",
            ActorObjectId = "test",
            At = DateTimeOffset.UtcNow,
            StageBefore = latest.Stage,
            StageAfter = latest.Stage,
        }), CancellationToken.None);
        Assert.True(result.Changed);
    }

    // Waits for the slots, picks the first, waits for the invite; returns the event as the stand-in holds it.
    private async Task<GraphEvent> BookAsync(CaseReference reference)
    {
        var offered = await host.WhenCaseAsync(reference, x => PanelMeetings.Current(x)?.Plan is { Searching: false, Offered.Count: > 0, Status: PanelMeetingStatus.NotBooked });
        var slot = PanelMeetings.Current(offered)!.Plan!.Offered[0];
        await host.PressAsync(Actors.BusinessManager, CardVerbs.MeetingPick, reference, new JsonObject { ["slotId"] = PanelSlotIds.Format(slot.Start, slot.End) });
        var booked = await host.WhenCaseAsync(reference, x => PanelMeetings.Current(x)!.Plan!.Status == PanelMeetingStatus.Scheduled);
        var eventId = PanelMeetings.Current(booked)!.GraphEventId;
        return Assert.Single(await host.StandIn.EventsAsync(), e => e.Id == eventId);
    }

    private Task ExpectTeamsAsync(string actor, params string[] texts)
        => Eventually.HoldsAsync(() => host.SentTo(actor).Any(m => texts.All(t => Relaxed(m).Contains(t, StringComparison.Ordinal))), 15, $"No Teams message to {actor} with {string.Join(" / ", texts)}.");

    private async Task<string> AnswerAsync(string actor, string verb, CaseReference reference, JsonObject? fields = null)
    {
        var answer = await host.PressAsync(actor, verb, reference, fields);
        await host.AfterResponsesAsync();
        return answer["value"] is JsonValue text ? text.GetValue<string>() : answer["value"]?.ToJsonString(Readable) ?? string.Empty;
    }

    private Task<string> AdvanceAsync(CaseReference reference)
        => AnswerAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, reference, new JsonObject { ["stage"] = nameof(ReviewStage.LearningDisseminated) });

    private Task<string> StageCardAsync(CaseReference reference)
        => AnswerAsync(Actors.BusinessManager, CardVerbs.CaseRefresh, reference, new JsonObject { ["card"] = "review-stage" });

    private static string Relaxed(string json) => JsonNode.Parse(json)!.ToJsonString(Readable);
}
