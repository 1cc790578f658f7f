using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Export;
using ReviewBot.Core.Referrals;
using ReviewBot.Tests.Bot;
using ReviewBot.Tests.Effects;
using ReviewBot.Tests.Imr;

namespace ReviewBot.Tests.ActionPlans;

/// <summary>
/// Chronology entries by card against Azurite: the IMR author opens the form from the IMR card and adds entries to
/// the police's chronology, a bad date is asked again with what was typed kept, over-long text is refused by length,
/// people without the role are told who may, a stranger learns nothing, and the export holds what was added.
/// </summary>
public sealed partial class ChronologyEntryCardTests(ImrEnvironment env) : IClassFixture<ImrEnvironment>
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_author_adds_entries_by_card_the_form_asks_again_on_bad_input_and_the_export_holds_them()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, Actors.Referrer, Actors.Stranger, ImrPeople.Author, ImrPeople.PanelMember);
        var c = await env.AgreedReviewAsync(new InvolvedAgency("Children's Social Care", "csc"));
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ImrEdit, c, new JsonObject { ["agencyId"] = "police", ["author"] = ImrPeople.Author, ["panelMember"] = ImrPeople.PanelMember, ["dueOn"] = "2026-12-30" });
        Assert.NotEmpty(env.Connector.PostsTo(ImrPeople.Author, c.Reference, CardVerbs.ChronologyForm)); // the author's IMR card has the button

        // The author's form: the agency fixed, nothing recorded yet.
        // The author's form, a new message below the IMR card: the agency fixed, nothing recorded yet.
        Assert.Equal("The form to add to Riverside Police's chronology is below.", await AnswerAsync(ImrPeople.Author, CardVerbs.ChronologyForm, c, new JsonObject { ["agencyId"] = "police" }));
        var form = Assert.Single(await env.TeamsToAsync(ImrPeople.Author, "No entries yet in Riverside Police")).Body!.ToJsonString();
        Assert.Contains(CardVerbs.ChronologyAdd, form, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\":\"agencyId\"", form, StringComparison.Ordinal);

        // A date the bot cannot read: asked again in plain words, everything typed still there, nothing stored.
        var typed = new JsonObject
        {
            ["shownAgencyId"] = "police", ["occurredOn"] = "31/31/2026", ["occurredAt"] = "14:05", ["communication"] = "Strategy discussion with children's social care",
            ["route"] = "external", ["mode"] = "phone", ["childSeenAlone"] = "yes", ["sourceOfEvidence"] = "Police log 123",
        };
        var asked = await AnswerAsync(ImrPeople.Author, CardVerbs.ChronologyAdd, c, typed.DeepClone().AsObject());
        Assert.Contains("I couldn't read the date.", asked, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Strategy discussion with children's social care\"", asked, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Police log 123\"", asked, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"14:05\"", asked, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"external\"", asked, StringComparison.Ordinal);
        Assert.Empty((await env.CaseAsync(c.Reference)).Chronology);

        // Over-long text is refused by its length; a body past the limit never reaches a handler.
        var huge = await AnswerAsync(ImrPeople.Author, CardVerbs.ChronologyAdd, c, new JsonObject { ["shownAgencyId"] = "police", ["occurredOn"] = "2026-06-03", ["comment"] = new string('x', 50_000), ["communication"] = "Call", ["sourceOfEvidence"] = "Log" });
        Assert.Contains("The comment is 50,000 characters long", huge, StringComparison.Ordinal);
        var tooBig = await env.Host.PostAsync(env.Host.Invoke(ImrPeople.Author, CardVerbs.ChronologyAdd, new JsonObject { ["caseRef"] = c.Reference.Value, ["comment"] = new string('x', 400_000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Empty((await env.CaseAsync(c.Reference)).Chronology);

        // The date fixed: the entry is stored with an audit record and the card lists it.
        typed["occurredOn"] = "2026-06-03";
        var added = await AnswerAsync(ImrPeople.Author, CardVerbs.ChronologyAdd, c, typed);
        Assert.Contains("Added to Riverside Police's chronology: Wednesday 3 June 2026.", added, StringComparison.Ordinal);
        Assert.Contains("Riverside Police's chronology: 1 entry so far.", added, StringComparison.Ordinal);
        Assert.Contains("Wednesday 3 June 2026 at 14:05: Strategy discussion with children's social care (source: Police log 123)", added, StringComparison.Ordinal);
        var entry = Assert.Single((await env.CaseAsync(c.Reference)).Chronology);
        Assert.Equal((CommunicationRoute.External, CommunicationMode.Phone, true, ImrPeople.Author), (entry.Route, entry.Mode, entry.ChildSeenAlone, entry.RecordedByObjectId));
        Assert.Contains(await env.AuditAsync(c.Reference), e => e.Action == "ChronologyEntryRecorded" && e.ActorObjectId == ImrPeople.Author);

        // The author writes for the police only: children's social care's chronology is not theirs.
        var other = await AnswerAsync(ImrPeople.Author, CardVerbs.ChronologyAdd, c, new JsonObject { ["agencyId"] = "csc", ["occurredOn"] = "2026-06-04", ["communication"] = "Call", ["sourceOfEvidence"] = "Log" });
        Assert.Contains("Only the agency's IMR author, the business manager or the lead reviewer may add to its chronology.", other, StringComparison.Ordinal);

        // The business manager chooses the agency.
        await AnswerAsync(Actors.BusinessManager, CardVerbs.ChronologyForm, c, []);
        var managerForm = Assert.Single(await env.TeamsToAsync(Actors.BusinessManager, CardVerbs.ChronologyAdd)).Body!.ToJsonString();
        Assert.Contains("\"id\":\"agencyId\"", managerForm, StringComparison.Ordinal);
        var byManager = await AnswerAsync(Actors.BusinessManager, CardVerbs.ChronologyAdd, c, new JsonObject { ["shownAgencyId"] = "police", ["agencyId"] = "csc", ["occurredOn"] = "2026-05-01", ["childContact"] = "Home visit, child seen", ["sourceOfEvidence"] = "CSC case note" });
        Assert.Contains("Children's Social Care's chronology: 1 entry so far.", byManager, StringComparison.Ordinal);

        // Others with a role are told which role may add; a stranger hears what they would for no such case.
        foreach (var party in new[] { ImrPeople.PanelMember, Actors.Referrer })
        {
            var refused = await AnswerAsync(party, CardVerbs.ChronologyForm, c, new JsonObject { ["agencyId"] = "police" });
            Assert.Contains("the IMR author or the business manager or the lead reviewer", refused, StringComparison.Ordinal);
            Assert.DoesNotContain("Ian Author", refused, StringComparison.Ordinal);
        }

        Assert.Contains(CaseVisibility.UnknownCaseAnswer(c.Reference), await AnswerAsync(Actors.Stranger, CardVerbs.ChronologyForm, c, []), StringComparison.Ordinal);
        Assert.Contains(CaseVisibility.UnknownCaseAnswer(c.Reference), await AnswerAsync(Actors.Stranger, CardVerbs.ChronologyAdd, c, typed.DeepClone().AsObject()), StringComparison.Ordinal);
        Assert.Equal(2, (await env.CaseAsync(c.Reference)).Chronology.Count);

        // From an Outlook actionable message (which cannot post a new card) the author is sent to Teams; nothing renders or changes.
        var fromOutlook = await Outlook.OutlookInvokes.PostAsync(env.Host, ImrPeople.Author, CardVerbs.ChronologyAdd, new JsonObject { ["caseRef"] = c.Reference.Value, ["shownAgencyId"] = "police", ["occurredOn"] = "2026-06-05", ["communication"] = "Call", ["sourceOfEvidence"] = "Log" });
        Assert.Contains("added on the IMR card in Teams", (string?)fromOutlook["value"], StringComparison.Ordinal);
        Assert.Equal(2, (await env.CaseAsync(c.Reference)).Chronology.Count);

        // The merged chronology the business manager exports holds both entries, in date order.
        (await env.Host.PostAsync(env.Host.Activity("message", Actors.BusinessManager, $"export {c.Reference}"))).EnsureSuccessStatusCode();
        await env.Host.AfterResponsesAsync();
        var card = Assert.Single(await env.TeamsToAsync(Actors.BusinessManager, "/exports/"));
        var links = ExportLink().Matches(card.Body!.ToJsonString()).Select(m => m.Groups["path"].Value).ToList();
        var csv = await env.Host.CreateClient().GetStringAsync(new Uri(links[1], UriKind.Relative));
        var lines = csv.Split("\r\n");
        Assert.StartsWith("2026-05-01,,Children's Social Care,\"Home visit, child seen\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2026-06-03,14:05,Riverside Police,,,Yes,,,Strategy discussion with children's social care,External,Phone,,Police log 123,,Ian Author", lines[2], StringComparison.Ordinal);
    }

    /// <summary>Presses a button with the case's current version; the invoke's answer as people read it.</summary>
    private async Task<string> AnswerAsync(string actor, string verb, ReviewCase c, JsonObject data)
    {
        var answer = await env.PressForAnswerAsync(actor, verb, c, data);
        return JsonNode.Parse(answer)!["value"] is JsonValue text ? text.GetValue<string>() : JsonNode.Parse(answer)!["value"]!.ToJsonString(Readable);
    }

    [GeneratedRegex(@"https?://[^/""]+(?<path>/exports/[^""\\]+)")]
    private static partial Regex ExportLink();
}
