using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Export;
using ReviewBot.Core.Imr;
using ReviewBot.Core.Tests.Decisions;
using static ReviewBot.Core.Tests.ActionPlans.ActionPlanFixtures;

namespace ReviewBot.Core.Tests.ActionPlans;

public sealed class ChronologyExportTests
{
    private static ReviewCase WithChronology()
    {
        var c = Agreed() with
        {
            ImrRequests = [new ImrRequest("police", new DateOnly(2027, 1, 8)) { AuthorObjectId = Owner, PanelMemberObjectId = PoliceePanel }, new ImrRequest("health", new DateOnly(2027, 1, 8))],
        };
        var entries = new[]
        {
            new ChronologyEntry("police", new DateOnly(2026, 6, 3)) { OccurredAt = new TimeOnly(14, 5), Communication = "Strategy discussion", Route = CommunicationRoute.External, Mode = CommunicationMode.Phone, SourceOfEvidence = "Police log 123", ResponseOrOutcome = "=cmd|' /C calc'!A0" },
            new ChronologyEntry("health", new DateOnly(2026, 6, 3)) { ChildContact = "Home visit, child seen", ChildSeenAlone = false, ChildViewsRecorded = true, SourceOfEvidence = "HV record, 3/6" },
            new ChronologyEntry("health", new DateOnly(2026, 5, 1)) { AdultContact = "Mother phoned <b>GP</b>", AdultViewsRecorded = false, SourceOfEvidence = "GP notes" },
        };
        foreach (var entry in entries)
        {
            var actor = entry.AgencyId == "police" ? Owner : CaseFixtures.BusinessManager;
            c = new RecordChronologyEntryCommand { Case = c.Reference, CardVersion = c.Version, Entry = entry }.Apply(c, Context(actor)).Updated!;
        }

        return c;
    }

    [Fact]
    public void The_chronology_is_merged_in_date_order_in_the_Appendix_3_columns()
    {
        var rows = ChronologyExport.ChronologyRows(WithChronology(), Board);
        Assert.Equal(["2026-05-01 Community Health", "2026-06-03 Community Health", "2026-06-03 Riverside Police"], rows.Select(r => $"{r[0]} {r[2]}"));
        Assert.Equal(ChronologyExport.ChronologyColumns.Count, rows[0].Count);
        Assert.Contains("Family contact: child", ChronologyExport.ChronologyColumns);
        Assert.Contains("Source of evidence", ChronologyExport.ChronologyColumns);
        Assert.Equal("Home visit, child seen|Yes|No", string.Join('|', rows[1].Skip(3).Take(3)));
        Assert.Equal("14:05|Strategy discussion|External|Phone|Olive Owner", string.Join('|', rows[2][1], rows[2][8], rows[2][9], rows[2][10], rows[2][14]));
    }

    [Fact]
    public void The_csv_neutralises_formulas_and_the_document_encodes_everything()
    {
        var c = WithChronology();
        var csv = ChronologyExport.ChronologyCsv(c, Board);
        Assert.StartsWith("Date,Time,Agency,Family contact: child,", csv, StringComparison.Ordinal);
        Assert.Contains(",'=cmd|' /C calc'!A0,", csv, StringComparison.Ordinal);
        Assert.Contains("\"HV record, 3/6\"", csv, StringComparison.Ordinal);

        var audit = new[] { new CaseEvent { Case = c.Reference, Action = "ChronologyEntryRecorded", ActorObjectId = CaseFixtures.BusinessManager, At = DateTimeOffset.UnixEpoch, Version = 4, Detail = "health:2026-05-01:1" } };
        var html = ChronologyExport.Html(c, audit, Board, DateTimeOffset.UnixEpoch);
        Assert.Contains("Mother phoned &lt;b&gt;GP&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>GP", html, StringComparison.Ordinal);
        Assert.Contains("<td>Bea Manager</td>", html, StringComparison.Ordinal);
        Assert.Contains("Version,When (UTC),Action,By", ChronologyExport.AuditCsv(audit, Board), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_agencys_author_or_the_business_manager_or_the_lead_reviewer_adds_to_its_chronology()
    {
        var c = WithChronology();
        var entry = new ChronologyEntry("police", new DateOnly(2026, 7, 1)) { Communication = "Call to school", SourceOfEvidence = "Log" };
        Assert.Contains("Only the agency's IMR author, the business manager or the lead reviewer", Add(c, entry, PoliceePanel).Problem, StringComparison.Ordinal);
        Assert.Contains("Only the agency's", Add(c, entry with { AgencyId = "health" }, Owner).Problem, StringComparison.Ordinal);
        Assert.Contains("not been asked", Add(c, entry with { AgencyId = "fire" }, CaseFixtures.BusinessManager).Problem, StringComparison.Ordinal);
        Assert.Contains("no later than today", Add(c, entry with { OccurredOn = Today.AddDays(1) }, Owner).Problem, StringComparison.Ordinal);
        Assert.Contains("Please say what happened", Add(c, entry with { Communication = " " }, Owner).Problem, StringComparison.Ordinal);

        var lead = c with { Parties = [.. c.Parties, new CaseParty(HealthOwner, BoardRole.LeadReviewer, "Hal Health")] };
        Assert.Equal(4, Add(lead, entry with { AgencyId = "health" }, HealthOwner).Updated!.Chronology.Count);
        Assert.Equal(HealthOwner, Add(lead, entry with { AgencyId = "health" }, HealthOwner).Updated!.Chronology[^1].RecordedByObjectId);
    }

    private static CommandResult Add(ReviewCase c, ChronologyEntry entry, string actor)
        => new RecordChronologyEntryCommand { Case = c.Reference, CardVersion = c.Version, Entry = entry }.Apply(c, Context(actor));
}
