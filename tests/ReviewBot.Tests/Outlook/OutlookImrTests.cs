using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Tests.Bot;
using ReviewBot.Tests.Cards;
using ReviewBot.Tests.Imr;

namespace ReviewBot.Tests.Outlook;

/// <summary>The IMR environment (fake clock, Graph stand-in) with Outlook actionable messages configured.</summary>
public sealed class OutlookImrEnvironment : ImrEnvironment
{
    protected override IReadOnlyDictionary<string, string>? ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["Outlook:OriginatorId"] = OutlookCardsFixture.OriginatorId,
    };
}

/// <summary>
/// The IMR card mailed to its author as an Outlook actionable message, and the author's presses from Outlook
/// (channel <c>outlook</c>) authorised exactly as the same presses in Teams.
/// </summary>
public sealed class OutlookImrTests(OutlookImrEnvironment env) : IClassFixture<OutlookImrEnvironment>
{
    private const string Police = "police";
    private const string Card = "imr:police";

    [Fact]
    public async Task A_named_author_is_mailed_the_IMR_card_as_a_1_4_actionable_message_carrying_the_request()
    {
        var c = await AuthorNamedAsync();

        var mail = Assert.Single(await env.MailsAsync($"IMR request: {c.Reference}"));
        Assert.Equal([ImrPeople.AuthorMail], mail.To);
        Assert.Equal(ImrPeople.Board.BoardMailbox, mail.From);
        Assert.Contains("Source of evidence", mail.Body, StringComparison.Ordinal); // the request itself, for clients without cards
        var card = OutlookInvokes.CardIn(mail.Body);
        Assert.Equal("1.4", (string?)card["version"]);
        Assert.Equal(OutlookCardsFixture.OriginatorId, (string?)card["originator"]);
        Assert.All(OutlookInvokes.Actions(card), a => Assert.Equal("Action.Execute", (string?)a["type"]));
        Assert.Equal([CardVerbs.ImrIndependence], OutlookInvokes.Verbs(card)); // the author's view: confirm first, then submit
        Assert.Equal(Card, (string?)card["refresh"]!["action"]!["data"]!["card"]);
        Assert.Null(card["refresh"]!["userIds"]);
        var official = OfficialAdaptiveCards.Run([new OfficialRequest("mailed", OutlookInvokes.Template("imr-request"), null, card, Version: "1.4")])["mailed"];
        Assert.Empty(official.ParseErrors);
        Assert.Empty(official.ValidationErrors);

        // One mail to the author about the request, not the card and a second request beside it; Teams has the card too.
        Assert.Single(await env.Graph.MailsAsync(), m => m.To.Contains(ImrPeople.AuthorMail) && m.Subject.Contains(c.Reference.Value, StringComparison.Ordinal));
        Assert.Single(await env.TeamsToAsync(ImrPeople.Author, $"\"{CardVerbs.ImrIndependence}\""), p => p.Body!.ToJsonString().Contains(c.Reference.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_author_confirms_independence_and_marks_the_IMR_submitted_from_Outlook()
    {
        var c = await AuthorNamedAsync();

        var confirmed = OutlookInvokes.CardOf(await OutlookInvokes.PostAsync(env.Host, ImrPeople.Author, CardVerbs.ImrIndependence, Data(c, ("confirmed", "true"))));
        await env.Host.AfterResponsesAsync();
        c = await env.CaseAsync(c.Reference);
        Assert.Equal(ImrPeople.Author, c.ImrRequests[0].Independence!.ByObjectId);
        Assert.Equal("1.4", (string?)confirmed["version"]);
        Assert.Equal([CardVerbs.ImrSubmit], OutlookInvokes.Verbs(confirmed));

        var submitted = OutlookInvokes.CardOf(await OutlookInvokes.PostAsync(env.Host, ImrPeople.Author, CardVerbs.ImrSubmit, Data(c, ("documentUrl", "https://records.example.org/imr-police.docx"))));
        await env.Host.AfterResponsesAsync();
        c = await env.CaseAsync(c.Reference);
        Assert.Equal(("https://records.example.org/imr-police.docx", ImrPeople.Author), (c.ImrRequests[0].Submission!.DocumentUrl, c.ImrRequests[0].Submission!.ByObjectId));
        Assert.Equal("1.4", (string?)submitted["version"]);
        Assert.Empty(OutlookInvokes.Actions(submitted));
        Assert.Single(await env.TeamsToAsync(ImrPeople.PanelMember, $"IMR submitted: {c.Reference}")); // the reference names this case // the panel member asked to confirm, as from Teams
    }

    public static TheoryData<string> Pressers => [ImrPeople.Author, Actors.SubGroupChair, Actors.Referrer, Actors.Stranger];

    [Theory]
    [MemberData(nameof(Pressers))]
    public async Task Confirming_independence_from_Outlook_is_authorised_as_in_Teams(string actor)
    {
        var fromOutlook = await AuthorNamedAsync();
        var fromTeams = await AuthorNamedAsync();

        var outlookAnswer = await OutlookInvokes.PostAsync(env.Host, actor, CardVerbs.ImrIndependence, Data(fromOutlook, ("confirmed", "true")));
        var teamsAnswer = (await (await env.Host.PostAsync(env.Host.Invoke(actor, CardVerbs.ImrIndependence, Data(fromTeams, ("confirmed", "true"))))).Content.ReadFromJsonAsync<JsonObject>())!;

        var afterOutlook = (await env.CaseAsync(fromOutlook.Reference)).ImrRequests[0];
        var afterTeams = (await env.CaseAsync(fromTeams.Reference)).ImrRequests[0];
        Assert.Equal(afterTeams.Independence is null, afterOutlook.Independence is null);
        Assert.Equal(actor == ImrPeople.Author, afterOutlook.Independence is not null);
        if (actor == Actors.Stranger)
        {
            // No role on the case: the answer for an unknown reference, from Outlook as from Teams.
            Assert.Equal(CaseVisibility.UnknownCaseAnswer(fromOutlook.Reference), (string?)outlookAnswer["value"]);
            Assert.Equal(CaseVisibility.UnknownCaseAnswer(fromTeams.Reference), (string?)teamsAnswer["value"]);
        }
        else if (actor != ImrPeople.Author)
        {
            // A party without the role: told which role may act, never who holds it; the same words as in Teams.
            var refusal = OutlookInvokes.Texts(OutlookInvokes.CardOf(outlookAnswer));
            Assert.Contains(refusal, t => t.Contains(RoleNames.Of(BoardRole.ImrAuthor), StringComparison.Ordinal));
            Assert.DoesNotContain("Ian Author", outlookAnswer.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(
                OutlookInvokes.Texts(OutlookInvokes.CardOf(teamsAnswer)).Select(t => t.Replace(fromTeams.Reference.Value, "REF", StringComparison.Ordinal)),
                refusal.Select(t => t.Replace(fromOutlook.Reference.Value, "REF", StringComparison.Ordinal)));
            Assert.Equal("1.4", (string?)OutlookInvokes.CardOf(outlookAnswer)["version"]);
        }
        else
        {
            Assert.Equal("1.4", (string?)OutlookInvokes.CardOf(outlookAnswer)["version"]);
        }

        await AssertRefusalAuditedAsync(fromOutlook.Reference, actor, audited: actor != ImrPeople.Author);
    }

    [Fact]
    public async Task Opening_the_mail_refreshes_the_IMR_card_as_each_reader_may_see_it()
    {
        var c = await AuthorNamedAsync();
        var refresh = Data(c, ("card", Card));

        var author = OutlookInvokes.CardOf(await OutlookInvokes.PostAsync(env.Host, ImrPeople.Author, CardVerbs.CaseRefresh, refresh, "automatic"));
        var manager = OutlookInvokes.CardOf(await OutlookInvokes.PostAsync(env.Host, Actors.BusinessManager, CardVerbs.CaseRefresh, refresh, "automatic"));
        var panel = OutlookInvokes.CardOf(await OutlookInvokes.PostAsync(env.Host, ImrPeople.PanelMember, CardVerbs.CaseRefresh, refresh, "automatic"));
        var stranger = await OutlookInvokes.PostAsync(env.Host, Actors.Stranger, CardVerbs.CaseRefresh, refresh, "automatic");

        Assert.Equal([CardVerbs.ImrIndependence], OutlookInvokes.Verbs(author));
        Assert.Equal([CardVerbs.ImrEdit, CardVerbs.ImrExtend], OutlookInvokes.Verbs(manager));
        Assert.Equal([CardVerbs.ImrSubmit], OutlookInvokes.Verbs(panel));
        Assert.Contains("Dear Chief Executive", manager.ToJsonString(), StringComparison.Ordinal); // the chair's letter: business manager and chair only
        Assert.DoesNotContain("Dear Chief Executive", author.ToJsonString(), StringComparison.Ordinal);
        Assert.All(new[] { author, manager, panel }, card => Assert.Equal("1.4", (string?)card["version"]));
        Assert.Equal(CaseVisibility.UnknownCaseAnswer(c.Reference), (string?)stranger["value"]);
    }

    /// <summary>An agreed review whose police IMR the business manager gave to the author (who has a Teams chat).</summary>
    private async Task<ReviewCase> AuthorNamedAsync()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, ImrPeople.Author, ImrPeople.PanelMember);
        var c = await env.AgreedReviewAsync();
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ImrEdit, c, new JsonObject { ["agencyId"] = Police, ["author"] = ImrPeople.Author, ["panelMember"] = ImrPeople.PanelMember, ["dueOn"] = "2026-12-30" });
        Assert.True(c.HasRole(ImrPeople.Author, BoardRole.ImrAuthor));
        return c;
    }

    private static JsonObject Data(ReviewCase c, params (string Name, string Value)[] fields)
    {
        var data = new JsonObject { ["caseRef"] = c.Reference.Value, ["version"] = c.Version.ToString(CultureInfo.InvariantCulture), ["agencyId"] = Police };
        foreach (var (name, value) in fields)
        {
            data[name] = value;
        }

        return data;
    }

    private async Task AssertRefusalAuditedAsync(CaseReference reference, string actor, bool audited)
    {
        var refused = false;
        await foreach (var e in env.Host.Cases.ReadAuditAsync(ImrPeople.Board.BoardId, reference, CancellationToken.None))
        {
            refused |= e.Action == "ActionRefused" && e.ActorObjectId == actor;
        }

        Assert.Equal(audited, refused);
    }
}
