using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Imr;

/// <summary>
/// "Submitted" pressed on the author's IMR card (Action.Execute with the document link): that request's reminders
/// stop at once while another agency's go on; the panel member confirms; the IMR shows in each one's <c>my tasks</c>;
/// a party without the role is told the role, a stranger learns nothing.
/// </summary>
public sealed class ImrSubmitByCardTests(ImrEnvironment env) : IClassFixture<ImrEnvironment>
{
    private const string Police = "police";
    private const string Csc = "csc";
    private const string Link = "https://records.example.org/imr-police.docx";
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Submitting_on_the_card_stops_that_IMRs_reminders_at_once_and_the_other_agencys_go_on()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, ImrPeople.Author, ImrPeople.PanelMember, Actors.Stranger);
        var c = await env.AgreedReviewAsync(new InvolvedAgency("Children's Social Care", Csc));
        Assert.Equal([Police, Csc], c.ImrRequests.Select(r => r.AgencyId));
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ImrEdit, c, new JsonObject { ["agencyId"] = Police, ["author"] = ImrPeople.Author, ["panelMember"] = ImrPeople.PanelMember, ["dueOn"] = "2026-12-30" });
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ImrEdit, c, new JsonObject { ["agencyId"] = Csc, ["author"] = ImrPeople.CscAuthor, ["panelMember"] = ImrPeople.CscPanelMember, ["dueOn"] = "2026-12-30" });
        c = await env.PressAsync(ImrPeople.Author, CardVerbs.ImrIndependence, c, new JsonObject { ["agencyId"] = Police, ["confirmed"] = "true" });
        Assert.Contains("Send Riverside Police's IMR with its chronology", await MyTasksAsync(ImrPeople.Author), StringComparison.Ordinal);

        await env.ExpectRemindersAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14), new()
        {
            [new DateOnly(2026, 12, 14)] = [ImrPeople.AuthorMail, ImrPeople.CscAuthorMail],
        });

        // A party without the role is told which role may act; a stranger gets the unknown-case answer.
        var manager = await env.PressForAnswerAsync(Actors.BusinessManager, CardVerbs.ImrSubmit, c, new JsonObject { ["agencyId"] = Police, ["documentUrl"] = Link });
        Assert.Contains("the IMR author or the panel member", manager, StringComparison.Ordinal);
        var stranger = JsonNode.Parse(await env.PressForAnswerAsync(Actors.Stranger, CardVerbs.ImrSubmit, c, new JsonObject { ["agencyId"] = Police, ["documentUrl"] = Link }))!;
        Assert.Equal(CaseVisibility.UnknownCaseAnswer(c.Reference), (string?)stranger["value"]);
        Assert.Null((await env.CaseAsync(c.Reference)).ImrRequests[0].Submission);

        // The author presses "Submitted" on the card with the link.
        env.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.Zero));
        c = await env.PressAsync(ImrPeople.Author, CardVerbs.ImrSubmit, c, new JsonObject { ["agencyId"] = Police, ["documentUrl"] = Link });
        Assert.Equal((Link, ImrPeople.Author), (c.ImrRequests[0].Submission?.DocumentUrl, c.ImrRequests[0].Submission?.ByObjectId));
        Assert.Single(await env.TeamsToAsync(ImrPeople.PanelMember, $"IMR submitted: {c.Reference}"));
        Assert.DoesNotContain("Riverside Police's IMR", await MyTasksAsync(ImrPeople.Author), StringComparison.Ordinal);
        Assert.Contains("Confirm Riverside Police's submitted IMR arrived", await MyTasksAsync(ImrPeople.PanelMember), StringComparison.Ordinal);

        // Nothing more for the police; Children's Social Care is chased as before, up to the chair.
        await env.ExpectRemindersAsync(new DateOnly(2026, 12, 16), new DateOnly(2027, 1, 6), new()
        {
            [new DateOnly(2026, 12, 23)] = [ImrPeople.CscAuthorMail],
            [new DateOnly(2026, 12, 30)] = [ImrPeople.CscAuthorMail],
            [new DateOnly(2027, 1, 4)] = [ImrPeople.CscAuthorMail, ImrPeople.CscPanelMail],
            [new DateOnly(2027, 1, 6)] = [ImrPeople.CscAuthorMail, ImrPeople.ChairMail, ImrPeople.CscPanelMail],
        });

        // The panel member confirms it arrived.
        c = await env.PressAsync(ImrPeople.PanelMember, CardVerbs.ImrReceived, c, new JsonObject { ["agencyId"] = Police });
        Assert.Equal(ImrPeople.PanelMember, c.ImrRequests[0].ReceivedByObjectId);
        Assert.DoesNotContain("Riverside Police", await MyTasksAsync(ImrPeople.PanelMember), StringComparison.Ordinal);
    }

    /// <summary>The text of the last "my tasks" card in the person's 1:1 chat.</summary>
    private async Task<string> MyTasksAsync(string actor)
    {
        (await env.Host.PostAsync(env.Host.Activity("message", actor, "my tasks"))).EnsureSuccessStatusCode();
        return env.Connector.Calls.Last(call => call.Path.Contains("a:personal-" + actor, StringComparison.Ordinal)
            && call.Body?.ToJsonString().Contains("My tasks", StringComparison.Ordinal) == true).Body!.ToJsonString(Readable);
    }
}
