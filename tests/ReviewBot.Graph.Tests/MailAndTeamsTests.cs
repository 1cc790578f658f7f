using ReviewBot.Ports;
using System.Text;
using ReviewBot.Testing;

namespace ReviewBot.Graph.Tests;

/// <summary>sendMail from the board mailbox, and installing the app for a user before a proactive message.</summary>
public sealed class MailAndTeamsTests(GraphStandInFixture standIn) : StandInTest(standIn)
{
    [Fact]
    public async Task Mail_is_sent_from_the_board_mailbox_and_saved_to_sent_items()
    {
        var ics = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

        await Mailer.SendAsync(BoardMailbox, new OutgoingMail([Megan, Adele], "SCR-2026-0001: IMR due", "<p>Due 8 January 2027.</p>",
            [new MailAttachment("imr-due.ics", "text/calendar", ics)]), default);

        var mail = Assert.Single(await StandIn.MailsAsync());
        Assert.Equal(BoardMailbox, mail.From);
        Assert.Equal([Megan, Adele], mail.To);
        Assert.Equal("SCR-2026-0001: IMR due", mail.Subject);
        Assert.Equal(["imr-due.ics"], mail.Attachments);
        Assert.True(mail.SaveToSentItems);
    }

    [Fact]
    public async Task Not_installed_then_installed_then_the_chat()
    {
        var first = await Installer.EnsureInstalledAsync(MeganId, default);
        var again = await Installer.EnsureInstalledAsync(MeganId, default);

        Assert.True(first.NewlyInstalled);
        Assert.Matches("^19:.+@unq.gbl.spaces$", first.ChatId);
        Assert.False(again.NewlyInstalled);
        Assert.Equal(first.ChatId, again.ChatId);
        Assert.Single(await StandIn.RequestsAsync(), r => r.Method == "POST");
    }

    [Fact]
    public async Task A_refused_installation_is_a_typed_failure_naming_the_fix()
    {
        await StandIn.RefuseInstallAsync(MeganId);

        var failure = await Assert.ThrowsAsync<Microsoft365Exception>(() => Installer.EnsureInstalledAsync(MeganId, default));

        Assert.Equal(Microsoft365FailureKind.AccessDenied, failure.Kind);
        Assert.Contains("TeamsAppInstallation.ReadWriteSelfForUser.All", failure.WhatToFix, StringComparison.Ordinal);
    }
}
