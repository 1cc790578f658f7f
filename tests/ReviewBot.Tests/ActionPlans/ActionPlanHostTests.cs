using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Cards;
using ReviewBot.Core.ActionPlans;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Export;
using ReviewBot.Tests.Bot;
using ReviewBot.Tests.Imr;

namespace ReviewBot.Tests.ActionPlans;

/// <summary>
/// The action plan and the export against Azurite, the outbox, the deadline sweep and the recording connector, on the
/// IMR environment's fake clock (Monday 30 November 2026): an action chased exactly once per reminder, progress to
/// completion stopping its reminders, and the export readable only by the business manager and the chair.
/// </summary>
public sealed partial class ActionPlanHostTests(ImrEnvironment env) : IClassFixture<ImrEnvironment>
{
    private const string Owner = ImrPeople.Author; // a police officer the board knows, with a mail address

    [Fact]
    public async Task An_action_is_reminded_once_per_entry_on_its_working_days_and_completing_it_stops_the_reminders()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, Owner, ImrPeople.PanelMember);
        var c = await env.AgreedReviewAsync();

        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ActionSave, c, new JsonObject
        {
            ["itemId"] = "new", ["what"] = "Audit twenty strategy discussions for the child's voice", ["owner"] = Owner, ["agencyId"] = "police",
            ["dueOn"] = "2026-12-30", ["measure"] = "Audit report to the panel with its findings",
        });
        var item = Assert.Single(c.ActionPlan!.Items);
        Assert.True(c.HasRole(Owner, Core.Boards.BoardRole.ActionOwner));
        Assert.Single(await env.TeamsToAsync(Owner, $"\"{CardVerbs.ActionProgress}\"")); // the owner's card, with the progress form

        // Ten working days before the due date (25 and 28 December are bank holidays): one reminder, however often the sweep runs.
        await env.SweepOnAsync(new DateOnly(2026, 12, 11));
        Assert.Empty(await RemindersToOwnerAsync(c));
        await env.SweepOnAsync(new DateOnly(2026, 12, 14));
        await env.SweepOnAsync(new DateOnly(2026, 12, 14));
        await Eventually.HoldsAsync(() => RemindersToOwnerAsync(c).GetAwaiter().GetResult().Count == 1, 15, "the first reminder did not arrive");
        await env.SweepOnAsync(new DateOnly(2026, 12, 23));
        await Eventually.HoldsAsync(() => RemindersToOwnerAsync(c).GetAwaiter().GetResult().Count == 2, 15, "the second reminder did not arrive");
        Assert.Equal(2, (await env.CaseAsync(c.Reference)).ActionPlan!.Items[0].Reminders.Count);

        // Progress on the card (at risk) keeps the reminders; the owner completes it with evidence and they stop.
        c = await env.PressAsync(Owner, CardVerbs.ActionProgress, c, new JsonObject { ["itemId"] = item.Id, ["status"] = "at-risk", ["note"] = "Files requested from records.", ["asOf"] = "2026-12-23" });
        Assert.Equal(ActionItemStatus.AtRisk, c.ActionPlan!.Items[0].Status);
        c = await env.PressAsync(Owner, CardVerbs.ActionProgress, c, new JsonObject { ["itemId"] = item.Id, ["status"] = "complete", ["note"] = "Audit done." });
        Assert.Equal(ActionItemStatus.AtRisk, c.ActionPlan!.Items[0].Status); // no evidence link: refused, nothing changed
        c = await env.PressAsync(Owner, CardVerbs.ActionProgress, c, new JsonObject { ["itemId"] = item.Id, ["status"] = "complete", ["note"] = "Audit done.", ["evidenceUrl"] = "https://records.example.org/audit.docx" });
        Assert.True(c.ActionPlan!.Items[0].IsComplete);
        foreach (var day in new[] { new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 6) })
        {
            await env.SweepOnAsync(day);
        }

        Assert.Equal(2, (await RemindersToOwnerAsync(c)).Count);
        Assert.Empty(await env.TeamsToAsync(ImrPeople.PanelMember, $"Action overdue: {c.Reference}"));

        // The panel member (one for the owning agency) reads the overview; status gives the summary.
        (await env.Host.PostAsync(env.Host.Activity("message", ImrPeople.PanelMember, $"action plan {c.Reference}"))).EnsureSuccessStatusCode();
        Assert.Single(await env.TeamsToAsync(ImrPeople.PanelMember, "Action plan: 1 action, 1 complete"));
        (await env.Host.PostAsync(env.Host.Activity("message", Actors.BusinessManager, $"status {c.Reference}"))).EnsureSuccessStatusCode();
        Assert.Single(await env.TeamsToAsync(Actors.BusinessManager, "Action plan: 1 action, 1 complete, 0 at risk, 0 overdue"));

        var audit = await AuditAsync(c.Reference);
        Assert.Equal(2, audit.Count(e => e.Action == "ActionReminderSent"));
        Assert.DoesNotContain(audit, e => e.Action == "ActionEscalated");
        Assert.Equal(2, audit.Count(e => e.Action == "ActionProgressRecorded"));
        Assert.Contains(audit, e => e.Action == "ActionItemAdded" && e.Detail == "a1:added:police:due=2026-12-30");
    }

    [Fact]
    public async Task The_export_is_only_for_the_business_manager_and_the_chair_and_holds_the_chronology_and_audit_trail()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, Actors.Referrer, Actors.Stranger, ImrPeople.PanelMember);
        var c = await env.AgreedReviewAsync();
        var workflow = env.Host.Services.GetRequiredService<CaseWorkflow>();
        var board = ImrPeople.Board;
        var recorded = await workflow.ExecuteAsync(board, new RecordChronologyEntryCommand
        {
            Case = c.Reference,
            CardVersion = (await env.CaseAsync(c.Reference)).Version,
            Entry = new ChronologyEntry("police", new DateOnly(2026, 6, 3)) { Communication = "Strategy discussion, \"urgent\"", Mode = CommunicationMode.Phone, SourceOfEvidence = "=Police log 123", ChildSeenAlone = true },
        }, Actors.BusinessManager, null, CancellationToken.None);
        Assert.True(recorded.Applied, recorded.Problem);

        // The referrer has a role, but not one that may export: told which roles may, and given no link.
        await SayAsync(Actors.Referrer, $"export {c.Reference}");
        Assert.Single(await env.TeamsToAsync(Actors.Referrer, "Only the business manager or the board chair may export its chronology and audit trail"));
        Assert.Empty(await env.TeamsToAsync(Actors.Referrer, "/exports/"));

        // A stranger learns nothing: the same words as for a case that does not exist.
        await SayAsync(Actors.Stranger, $"export {c.Reference}");
        await SayAsync(Actors.Stranger, "export SCR-2026-9999");
        Assert.Equal(2, (await env.TeamsToAsync(Actors.Stranger, "either there is no such case")).Count);
        Assert.Empty(await env.TeamsToAsync(Actors.Stranger, "/exports/"));

        // The chair gets three links in the 1:1 chat; each downloads what was recorded.
        await SayAsync(Actors.BoardChair, $"export {c.Reference}");
        var card = Assert.Single(await env.TeamsToAsync(Actors.BoardChair, "/exports/")).Body!.ToJsonString();
        var links = ExportLink().Matches(card).Select(m => m.Groups["path"].Value).ToList();
        Assert.Equal(3, links.Count);
        var client = env.Host.CreateClient();
        var html = await client.GetAsync(new Uri(links[0], UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("no-store", html.Headers.CacheControl!.ToString());
        var document = await html.Content.ReadAsStringAsync();
        Assert.Contains("Strategy discussion, &quot;urgent&quot;", document, StringComparison.Ordinal);
        Assert.Contains("ChronologyEntryRecorded", document, StringComparison.Ordinal);
        Assert.Contains("ChairDecisionRecorded", document, StringComparison.Ordinal);

        var chronology = await client.GetAsync(new Uri(links[1], UriKind.Relative));
        Assert.Equal($"{c.Reference}-chronology.csv", chronology.Content.Headers.ContentDisposition!.FileName);
        var csv = await chronology.Content.ReadAsStringAsync();
        Assert.Contains("2026-06-03,,Riverside Police,,,Yes,,,\"Strategy discussion, \"\"urgent\"\"\",,Phone,,'=Police log 123,,Bea Manager\r\n", csv, StringComparison.Ordinal);
        var auditCsv = await (await client.GetAsync(new Uri(links[2], UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains(",ChronologyEntryRecorded,Bea Manager,", auditCsv, StringComparison.Ordinal);

        // A link altered, or past its lifetime, opens nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(links[1][..^2] + "xx", UriKind.Relative))).StatusCode);
        env.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(new Uri(links[1], UriKind.Relative))).StatusCode);

        var audit = await AuditAsync(c.Reference);
        Assert.Equal(3, audit.Count(e => e.Action == "ChronologyExported" && e.ActorObjectId == Actors.BoardChair));
        Assert.Contains(audit, e => e.Action == CaseWorkflow.RefusalAction && e.ActorObjectId == Actors.Referrer && e.Detail == "ChronologyExported:not-authorised");
    }

    private async Task SayAsync(string actor, string text)
    {
        (await env.Host.PostAsync(env.Host.Activity("message", actor, text))).EnsureSuccessStatusCode();
        await env.Host.AfterResponsesAsync();
    }

    private Task<IReadOnlyList<Testing.RecordedCall>> RemindersToOwnerAsync(ReviewCase c) => env.TeamsToAsync(Owner, $"Action reminder: {c.Reference}");

    private async Task<List<CaseEvent>> AuditAsync(CaseReference reference)
    {
        var audit = new List<CaseEvent>();
        await foreach (var e in env.Host.Cases.ReadAuditAsync(ImrPeople.Board.BoardId, reference, CancellationToken.None))
        {
            audit.Add(e);
        }

        return audit;
    }

    [GeneratedRegex(@"https?://[^/""]+(?<path>/exports/[^""\\]+)")]
    private static partial Regex ExportLink();
}
