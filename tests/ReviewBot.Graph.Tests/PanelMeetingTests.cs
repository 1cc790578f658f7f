using ReviewBot.Core.Scheduling;
using ReviewBot.GraphStandIn;
using ReviewBot.Testing;

namespace ReviewBot.Graph.Tests;

/// <summary>Panel meetings created, retried, answered, moved and cancelled through the SDK.</summary>
public sealed class PanelMeetingTests(GraphStandInFixture standIn) : StandInTest(standIn)
{
    private static readonly TimeRange Monday = new(London("2026-12-07 10:00"), London("2026-12-07 11:30"));

    [Fact]
    public async Task Creates_a_teams_meeting_with_the_panel_as_attendees()
    {
        var meeting = await Calendar.CreateAsync(BoardMailbox, Invite("tx-1"), default);

        Assert.Equal(Monday, meeting.Time);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", meeting.JoinUrl, StringComparison.Ordinal);
        Assert.Equal([Megan, Adele], meeting.Attendees.Select(a => a.Email));
        Assert.All(meeting.Attendees, a => Assert.Equal(AttendeeResponse.None, a.Response));
        var held = Assert.Single(await StandIn.EventsAsync());
        Assert.Equal("SCR-2026-0001: extraordinary panel meeting", held.Subject);
        Assert.Equal("safeguarding-board@example.org", held.Organizer?.EmailAddress?.Address);
    }

    [Fact]
    public async Task The_same_transaction_id_twice_makes_one_meeting()
    {
        var first = await Calendar.CreateAsync(BoardMailbox, Invite("tx-retry"), default);
        var retried = await Calendar.CreateAsync(BoardMailbox, Invite("tx-retry"), default);
        var other = await Calendar.CreateAsync(BoardMailbox, Invite("tx-other"), default);

        Assert.Equal(first.EventId, retried.EventId);
        Assert.Equal(first.JoinUrl, retried.JoinUrl);
        Assert.NotEqual(first.EventId, other.EventId);
        Assert.Equal(2, (await StandIn.EventsAsync()).Count);
    }

    [Fact]
    public async Task A_throttled_create_is_retried_by_the_sdk_into_one_meeting()
    {
        await StandIn.InjectAsync(new Fault { PathContains = "/events", Method = "POST", Status = 429, Times = 1, RetryAfterSeconds = 1 });

        var meeting = await Calendar.CreateAsync(BoardMailbox, Invite("tx-throttled"), default);

        Assert.Equal(2, (await StandIn.RequestsAsync()).Count(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal)));
        Assert.Equal(meeting.EventId, Assert.Single(await StandIn.EventsAsync()).Id);
    }

    [Fact]
    public async Task Attendee_responses_are_read_back()
    {
        var meeting = await Calendar.CreateAsync(BoardMailbox, Invite("tx-2"), default);
        await StandIn.RespondAsync(meeting.EventId, Megan, "declined");
        await StandIn.RespondAsync(meeting.EventId, Adele, "tentativelyAccepted");

        var read = await Calendar.GetAsync(BoardMailbox, meeting.EventId, default);

        Assert.Equal([AttendeeResponse.Declined, AttendeeResponse.TentativelyAccepted], read.Attendees.Select(a => a.Response));
    }

    [Fact]
    public async Task Reschedule_moves_the_same_meeting_and_keeps_responses()
    {
        var meeting = await Calendar.CreateAsync(BoardMailbox, Invite("tx-3"), default);
        await StandIn.RespondAsync(meeting.EventId, Adele, "accepted");
        var tuesday = new TimeRange(London("2026-12-08 14:00"), London("2026-12-08 15:30"));

        var moved = await Calendar.UpdateAsync(BoardMailbox, meeting.EventId, new PanelEventChange(tuesday, "Europe/London"), default);

        Assert.Equal(meeting.EventId, moved.EventId);
        Assert.Equal(tuesday, (await Calendar.GetAsync(BoardMailbox, meeting.EventId, default)).Time);
        Assert.Equal(AttendeeResponse.Accepted, moved.Attendees.Single(a => a.Email == Adele).Response);
        Assert.Single(await StandIn.EventsAsync());
    }

    [Fact]
    public async Task Cancel_marks_the_meeting_cancelled_and_frees_the_time()
    {
        var meeting = await Calendar.CreateAsync(BoardMailbox, Invite("tx-4"), default);
        var day = new TimeRange(London("2026-12-07 00:00"), London("2026-12-08 00:00"));
        Assert.Equal([Monday], (await Calendar.GetAvailabilityAsync(BoardMailbox, [Megan], day, default))[0].Busy);

        await Calendar.CancelAsync(BoardMailbox, meeting.EventId, "Cancelled: the review is paused.", default);

        Assert.True((await Calendar.GetAsync(BoardMailbox, meeting.EventId, default)).IsCancelled);
        Assert.Empty((await Calendar.GetAvailabilityAsync(BoardMailbox, [Megan], day, default))[0].Busy);
    }

    private static PanelInvite Invite(string transactionId) => new(
        "SCR-2026-0001: extraordinary panel meeting",
        "<p>Agenda</p>",
        Monday,
        "Europe/London",
        [new PanelAttendee(Megan, "Megan Bowen"), new PanelAttendee(Adele, "Adele Vance")],
        transactionId);
}
