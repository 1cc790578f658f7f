using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Imr;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Imr;

/// <summary>
/// After downtime the sweep finds several of a request's reminders due at once. What it should do: send the latest
/// missed reminder once, worded for today (overdue by N working days, escalated as today's count says), and record
/// the earlier ones as superseded, not sent: three stale "due in N days" mails the same morning help nobody. No
/// reminder is sent once per missed interval, and the chase goes on from the day it was sent.
/// </summary>
public sealed class ImrDowntimeTests(ImrEnvironment env) : IClassFixture<ImrEnvironment>
{
    private const string Police = "police";

    [Fact]
    public async Task After_downtime_over_four_reminder_days_only_the_latest_missed_reminder_is_sent_once()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, ImrPeople.Author, ImrPeople.PanelMember);
        var c = await env.AgreedReviewAsync();
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ImrEdit, c, new JsonObject { ["agencyId"] = Police, ["author"] = ImrPeople.Author, ["panelMember"] = ImrPeople.PanelMember, ["dueOn"] = "2026-12-30" });

        // Down from Tuesday 1 December to Thursday 7 January: the reminders of 14, 23 and 30 December and the first
        // overdue one (4 January) were all missed. One goes out, overdue by 5 working days: author, chair and panel member.
        await env.ExpectRemindersAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), []);
        await env.ExpectRemindersAsync(new DateOnly(2027, 1, 7), new DateOnly(2027, 1, 7), new()
        {
            [new DateOnly(2027, 1, 7)] = [ImrPeople.AuthorMail, ImrPeople.ChairMail, ImrPeople.PanelMail],
        });
        var overdue = Assert.Single(await env.MailsAsync($"IMR overdue: {c.Reference}"), m => m.To.Contains(ImrPeople.AuthorMail));
        Assert.Contains("overdue by 5 working days", overdue.Body, StringComparison.Ordinal);
        Assert.Single(await env.TeamsToAsync(ImrPeople.Author, $"IMR overdue: {c.Reference}"));
        Assert.Empty(await env.TeamsToAsync(ImrPeople.Author, $"IMR reminder: {c.Reference}"));

        c = await env.CaseAsync(c.Reference);
        var reminders = c.ImrRequests[0].Reminders;
        Assert.Equal(["-10", "-3", "0", "overdue1"], reminders.Select(r => r.Key.Split(':')[^1]).Order(StringComparer.Ordinal));
        Assert.Equal(3, reminders.Count(r => r.Superseded && r.Recipients.Count == 0));
        Assert.Equal(ImrEscalation.Chair, Assert.Single(reminders, r => !r.Superseded).Escalation);

        // The chase goes on two working days after the one sent, not after the missed dates.
        await env.ExpectRemindersAsync(new DateOnly(2027, 1, 8), new DateOnly(2027, 1, 11), new()
        {
            [new DateOnly(2027, 1, 11)] = [ImrPeople.AuthorMail, ImrPeople.ChairMail, ImrPeople.PanelMail],
        });

        var audit = await env.AuditAsync(c.Reference);

        Assert.Equal(3, audit.Count(e => e.Action == "ImrReminderSuperseded"));
        Assert.Equal(2, audit.Count(e => e.Action == "ImrEscalated"));
        Assert.DoesNotContain(audit, e => e.Action == "ImrReminderSent");
    }
}
