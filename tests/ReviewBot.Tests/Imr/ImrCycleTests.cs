using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Boards;
using ReviewBot.Tests.Bot;
using ReviewBot.Tests.Effects;

namespace ReviewBot.Tests.Imr;

/// <summary>
/// A whole IMR cycle on a fake clock across Christmas 2026, through the cards, chat, the deadline sweep, the outbox,
/// the Graph stand-in (mail, events, Teams installation) and the recording connector.
/// </summary>
public sealed class ImrCycleTests(ImrEnvironment env) : IClassFixture<ImrEnvironment>
{
    private const string Police = "police";

    [Fact]
    public async Task Reminders_come_on_their_working_days_escalate_to_panel_member_then_chair_move_with_an_extension_and_stop_on_submission()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, ImrPeople.Author); // the panel member never opened the app
        var c = await env.AgreedReviewAsync();

        // Commissioned: one request for the police, due 20 working days after Monday 30 November (25 and 28 December are bank holidays).
        var request = Assert.Single(c.ImrRequests);
        Assert.Equal((Police, new DateOnly(2026, 12, 30), ImrPeople.PanelMember), (request.AgencyId, request.DueOn, request.PanelMemberObjectId));
        Assert.Contains(c.Tasks, t => t.Id == "imr-letter:police" && t.OwnerRole == BoardRole.BoardChair);
        var managerCard = Assert.Single(env.Connector.PostsTo(Actors.BusinessManager, c.Reference, CardVerbs.ImrEdit));
        Assert.Contains("Dear Chief Executive", managerCard.Body!.ToJsonString(), StringComparison.Ordinal);

        // The panel member had no chat: ReviewBot was installed for them through Graph, then the 1:1 card sent.
        Assert.Contains(await env.Graph.RequestsAsync(), r => r.Method == "POST" && r.Path.Contains($"/users/{ImrPeople.PanelMember}/teamwork/installedApps", StringComparison.Ordinal));
        Assert.Single(await env.TeamsToAsync(ImrPeople.PanelMember, $"\"{CardVerbs.ImrSubmit}\""));

        // The business manager names the author: Teams card, mail from the board mailbox, calendar event on the due date.
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ImrEdit, c, new JsonObject { ["agencyId"] = Police, ["author"] = ImrPeople.Author, ["panelMember"] = ImrPeople.PanelMember, ["dueOn"] = "2026-12-30" });
        Assert.True(c.HasRole(ImrPeople.Author, BoardRole.ImrAuthor));
        var requestMail = Assert.Single(await env.MailsAsync($"IMR request: {c.Reference}"));
        Assert.Equal([ImrPeople.AuthorMail], requestMail.To);
        Assert.Equal(ImrPeople.Board.BoardMailbox, requestMail.From);
        Assert.Contains("Source of evidence", requestMail.Body, StringComparison.Ordinal);
        Assert.Contains("not been directly involved", requestMail.Body, StringComparison.Ordinal);
        var dueEvent = Assert.Single(await env.Graph.EventsAsync(), e => e.Subject == $"IMR due: {c.Reference} (Riverside Police)");
        Assert.StartsWith("2026-12-30", dueEvent.Start!.DateTime, StringComparison.Ordinal);
        var authorCard = Assert.Single(await env.TeamsToAsync(ImrPeople.Author, $"\"{CardVerbs.ImrIndependence}\""));
        Assert.Contains("Source of evidence", authorCard.Body!.ToJsonString(), StringComparison.Ordinal);

        c = await env.PressAsync(ImrPeople.Author, CardVerbs.ImrIndependence, c, new JsonObject { ["agencyId"] = Police, ["confirmed"] = "true" });
        Assert.Equal(ImrPeople.Author, c.ImrRequests[0].Independence!.ByObjectId);

        // Ten and three working days before, on the day, then every two working days after: the panel member from the
        // first overdue reminder, the chair once four working days overdue.
        await env.ExpectRemindersAsync(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 6), new()
        {
            [new DateOnly(2026, 12, 14)] = [ImrPeople.AuthorMail],
            [new DateOnly(2026, 12, 23)] = [ImrPeople.AuthorMail],
            [new DateOnly(2026, 12, 30)] = [ImrPeople.AuthorMail],
            [new DateOnly(2027, 1, 4)] = [ImrPeople.AuthorMail, ImrPeople.PanelMail],
            [new DateOnly(2027, 1, 6)] = [ImrPeople.AuthorMail, ImrPeople.ChairMail, ImrPeople.PanelMail],
        });
        Assert.Single(await env.TeamsToAsync(Actors.BoardChair, $"IMR overdue: {c.Reference}"));
        Assert.Equal(2, (await env.TeamsToAsync(ImrPeople.PanelMember, $"IMR overdue: {c.Reference}")).Count);
        Assert.Equal(5, (await env.TeamsToAsync(ImrPeople.Author, $"{c.Reference} (Riverside Police)")).Count);

        // An agreed extension to Friday 15 January moves the reminders (none is sent late for the new date).
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ImrExtend, c, new JsonObject { ["agencyId"] = Police, ["newDueOn"] = "2027-01-15", ["reason"] = "Records held by the court", ["agreedBy"] = "the board chair" });
        Assert.Equal(new DateOnly(2027, 1, 15), c.ImrRequests[0].DueOn);
        Assert.Single(await env.MailsAsync($"IMR deadline moved: {c.Reference}"));
        // The due-date event in the author's calendar moves: one event, on the new date (not a second beside the old).
        var movedEvent = Assert.Single(await env.Graph.EventsAsync(), e => e.Subject == $"IMR due: {c.Reference} (Riverside Police)");
        Assert.Equal(dueEvent.Id, movedEvent.Id);
        Assert.StartsWith("2027-01-15", movedEvent.Start!.DateTime, StringComparison.Ordinal);
        await env.ExpectRemindersAsync(new DateOnly(2027, 1, 7), new DateOnly(2027, 1, 12), new() { [new DateOnly(2027, 1, 12)] = [ImrPeople.AuthorMail] });

        // The author submits in chat with the link: the panel member is asked to confirm, and nothing more is chased.
        (await env.Host.PostAsync(env.Host.Activity("message", ImrPeople.Author, $"submitted {c.Reference} https://records.example.org/imr-police.docx"))).EnsureSuccessStatusCode();
        await env.Host.AfterResponsesAsync();
        c = await env.CaseAsync(c.Reference);
        Assert.Equal("https://records.example.org/imr-police.docx", c.ImrRequests[0].Submission!.DocumentUrl);
        Assert.Single(await env.TeamsToAsync(ImrPeople.PanelMember, $"IMR submitted: {c.Reference}"));
        await env.ExpectRemindersAsync(new DateOnly(2027, 1, 13), new DateOnly(2027, 1, 25), []);

        c = await env.PressAsync(ImrPeople.PanelMember, CardVerbs.ImrReceived, c, new JsonObject { ["agencyId"] = Police });
        Assert.Equal(ImrPeople.PanelMember, c.ImrRequests[0].ReceivedByObjectId);

        // Every reminder and escalation is in the audit trail.
        var audit = await env.AuditAsync(c.Reference);

        Assert.Equal(4, audit.Count(e => e.Action == "ImrReminderSent"));
        Assert.Equal(2, audit.Count(e => e.Action == "ImrEscalated"));
        Assert.Contains(audit, e => e.Action == "ImrIndependenceConfirmed");
        Assert.Contains(audit, e => e.Action == "ImrExtended" && e.Detail == "police:2026-12-30->2027-01-15");
    }
}
