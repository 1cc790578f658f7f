using ReviewBot.Core.Scheduling;
using ReviewBot.Ports;
using ReviewBot.Testing;

namespace ReviewBot.Graph.Tests;

/// <summary>The page a person opens from the make run banner: each mailbox's invites (with .ics) and mails.</summary>
public sealed class StandInPageTests(GraphStandInFixture standIn) : StandInTest(standIn)
{
    [Fact]
    public async Task Lists_an_invite_under_each_attendee_with_its_ics()
    {
        var meeting = await Calendar.CreateAsync(BoardMailbox, new PanelInvite("SCR-2026-0001: extraordinary panel meeting", "<p>Agenda; bring your chronology</p>",
            new(London("2026-12-07 10:00"), London("2026-12-07 11:30")), "Europe/London", [new PanelAttendee(Megan, "Megan Bowen")], "tx-page"), default);
        await Mailer.SendAsync(BoardMailbox, new OutgoingMail([Adele], "SCR-2026-0001: IMR request", "<p>IMR</p>"), default);

        var page = await StandIn.Admin.GetStringAsync("/");
        var folded = await StandIn.Admin.GetStringAsync($"/events/{meeting.EventId}.ics");
        var ics = folded.Replace("\r\n ", "", StringComparison.Ordinal); // RFC 5545 unfolding

        var megansSection = page[page.IndexOf($"<h2>{Megan}</h2>", StringComparison.Ordinal)..];
        Assert.Contains("SCR-2026-0001: extraordinary panel meeting", megansSection, StringComparison.Ordinal);
        Assert.Contains($"/events/{meeting.EventId}.ics", megansSection, StringComparison.Ordinal);
        Assert.Contains("SCR-2026-0001: IMR request", page[page.IndexOf($"<h2>{Adele}</h2>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.All(folded.Split("\r\n"), line => Assert.True(line.Length <= 75));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261207T100000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{Megan}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Agenda\\; bring your chronology\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("X-MICROSOFT-SKYPETEAMSMEETINGURL:" + meeting.JoinUrl![..40], ics, StringComparison.Ordinal);
    }
}
