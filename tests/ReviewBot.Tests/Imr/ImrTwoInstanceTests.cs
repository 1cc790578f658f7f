using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Tests.Bot;
using ReviewBot.Tests.Effects;

namespace ReviewBot.Tests.Imr;

/// <summary>
/// Two instances of the app sweeping one Azurite, with one Graph stand-in and one connector, across a whole IMR
/// cycle: every request, reminder and escalation mail (sendMail) and every Teams message goes out exactly once.
/// </summary>
public sealed class ImrTwoInstanceTests(TwoImrInstances env) : IClassFixture<TwoImrInstances>
{
    private const string Police = "police";

    [Fact]
    public async Task Two_instances_send_each_IMR_mail_and_Teams_message_once_across_a_whole_cycle()
    {
        Assert.Equal(2, env.Hosts.Count);
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, ImrPeople.Author);
        var c = await env.AgreedReviewAsync();
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ImrEdit, c, new JsonObject { ["agencyId"] = Police, ["author"] = ImrPeople.Author, ["panelMember"] = ImrPeople.PanelMember, ["dueOn"] = "2026-12-30" });
        c = await env.PressAsync(ImrPeople.Author, CardVerbs.ImrIndependence, c, new JsonObject { ["agencyId"] = Police, ["confirmed"] = "true" });

        // Both instances sweep every day (ExpectRemindersAsync fails on any mail beyond the day's list).
        await env.ExpectRemindersAsync(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 8), new()
        {
            [new DateOnly(2026, 12, 14)] = [ImrPeople.AuthorMail],
            [new DateOnly(2026, 12, 23)] = [ImrPeople.AuthorMail],
            [new DateOnly(2026, 12, 30)] = [ImrPeople.AuthorMail],
            [new DateOnly(2027, 1, 4)] = [ImrPeople.AuthorMail, ImrPeople.PanelMail],
            [new DateOnly(2027, 1, 6)] = [ImrPeople.AuthorMail, ImrPeople.ChairMail, ImrPeople.PanelMail],
            [new DateOnly(2027, 1, 8)] = [ImrPeople.AuthorMail, ImrPeople.ChairMail, ImrPeople.PanelMail],
        });
        await env.ExpectRemindersAsync(new DateOnly(2027, 1, 9), new DateOnly(2027, 1, 10), []); // nothing late or doubled arrives after

        Assert.Single(await env.MailsAsync($"IMR request: {c.Reference}"));
        Assert.Single(await env.Graph.EventsAsync(), e => e.Subject == $"IMR due: {c.Reference} (Riverside Police)");
        Assert.Single(env.Connector.PostsTo(Actors.BusinessManager, c.Reference, CardVerbs.ImrEdit));
        Assert.Single(await env.TeamsToAsync(ImrPeople.Author, $"\"{CardVerbs.ImrIndependence}\""));
        Assert.Single(await env.TeamsToAsync(ImrPeople.PanelMember, $"\"{CardVerbs.ImrSubmit}\""));
        Assert.Equal(6, (await env.TeamsToAsync(ImrPeople.Author, $"{c.Reference} (Riverside Police)")).Count);
        Assert.Equal(3, (await env.TeamsToAsync(ImrPeople.PanelMember, $"IMR overdue: {c.Reference}")).Count);
        Assert.Equal(2, (await env.TeamsToAsync(Actors.BoardChair, $"IMR overdue: {c.Reference}")).Count);
    }
}
