using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class ErasureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly CaseReference Erased = CaseReference.Create(RulebookKind.Scr, 2026, 1);
    private static readonly CaseReference Kept = CaseReference.Create(RulebookKind.Scr, 2026, 2);
    private StorageTestBed bed = null!;

    public async Task InitializeAsync() => bed = await StorageTestBed.CreateAsync(azurite, "erase");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Erasure_leaves_no_row_of_the_case_in_any_table_and_records_that_it_happened()
    {
        var deadlines = new TableDeadlineIndex(bed.Tables, bed.Time);
        var conversations = new TableConversationStore(bed.Tables);
        foreach (var (reference, submission) in new[] { (Erased, "s1"), (Kept, "s2") })
        {
            // Large enough to need chunk rows, with audit, role, submission and deadline rows.
            await bed.Cases.CreateAsync(CaseSamples.NewCase(reference, new string('x', 150_000)), CaseSamples.Event(reference, "ReferralSubmitted"), submission, default);
            await bed.Cases.UpdateAsync(CaseSamples.Board, reference, c => TableCaseStoreTests.AddTask(c, "t1"), default);
            await bed.Cases.AppendEventAsync(CaseSamples.Board, CaseSamples.Event(reference, "ActionRefused"), default);
            await deadlines.ScheduleAsync(
                [new Deadline(CaseSamples.Board, reference, "chair-decision", bed.Time.GetUtcNow().AddDays(3)), new Deadline(CaseSamples.Board, reference, "reminder", bed.Time.GetUtcNow().AddDays(30))],
                default);
        }

        await conversations.SavePersonalAsync(CaseSamples.Manager, new ConversationAddress("http://127.0.0.1/", "msteams", "a:1", "personal", null, null, null, null), default);
        var record = new ErasureRecord(Erased, bed.Time.GetUtcNow(), CaseSamples.Manager, "Erasure request under UK GDPR Art 17");

        await bed.Cases.EraseAsync(CaseSamples.Board, Erased, record, default);

        var rows = await bed.AllRowsAsync();
        var erasure = Assert.Single(rows, r => r.PartitionKey == CaseSamples.Board && r.RowKey == Erased.Value);
        Assert.Equal(bed.Tables.Erasures.Name, TableOf(erasure));
        Assert.Equal((CaseSamples.Manager, "Erasure request under UK GDPR Art 17", (DateTimeOffset?)record.ErasedAt),
            (erasure.GetString("ErasedBy"), erasure.GetString("Reason"), erasure.GetDateTimeOffset("ErasedAt")));
        Assert.DoesNotContain(rows.Where(r => r != erasure), r => Mentions(r, Erased.Value));
        Assert.Null(await bed.Cases.FindAsync(CaseSamples.Board, Erased, default));
        Assert.Empty(await bed.Cases.ReadAuditAsync(CaseSamples.Board, Erased, default).ToListAsync());

        // The other case is untouched.
        Assert.Equal(2, (await bed.Cases.FindAsync(CaseSamples.Board, Kept, default))?.Version);
        Assert.Equal(3, (await bed.Cases.ReadAuditAsync(CaseSamples.Board, Kept, default).ToListAsync()).Count);
        Assert.Equal(2, rows.Count(r => r.GetString("Case") == Kept.Value && r.ContainsKey("DueAt")));

        // Erasing again (e.g. after an interrupted run) is harmless.
        await bed.Cases.EraseAsync(CaseSamples.Board, Erased, record, default);
    }

    [Fact]
    public async Task The_retention_sweep_erases_closed_cases_past_the_boards_retention_only()
    {
        var boards = new TableBoardDirectory(bed.Tables, bed.Time, TimeSpan.Zero);
        await boards.SaveAsync(new BoardConfiguration { BoardId = CaseSamples.Board, Name = "Test board", TenantId = "tenant", RetentionDays = 365 }, default);
        var now = bed.Time.GetUtcNow();
        var open = CaseReference.Create(RulebookKind.Scr, 2024, 3);
        await Create(Erased, closedAt: now.AddDays(-366));
        await Create(Kept, closedAt: now.AddDays(-364));
        await Create(open, closedAt: null);
        var sweeper = new RetentionSweeper(boards, bed.Cases, bed.Time, NullLogger<RetentionSweeper>.Instance);

        Assert.Equal(1, await sweeper.SweepAsync(default));

        Assert.Null(await bed.Cases.FindAsync(CaseSamples.Board, Erased, default));
        Assert.NotNull(await bed.Cases.FindAsync(CaseSamples.Board, Kept, default));
        Assert.NotNull(await bed.Cases.FindAsync(CaseSamples.Board, open, default));
        var erasure = await bed.Tables.Erasures.GetEntityAsync<TableEntity>(CaseSamples.Board, Erased.Value);
        Assert.Equal(RetentionSweeper.Actor, erasure.Value.GetString("ErasedBy"));

        bed.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await sweeper.SweepAsync(default));
        Assert.Null(await bed.Cases.FindAsync(CaseSamples.Board, Kept, default));
        Assert.Equal(0, await sweeper.SweepAsync(default));
    }

    private async Task Create(CaseReference reference, DateTimeOffset? closedAt)
    {
        var reviewCase = CaseSamples.NewCase(reference);
        if (closedAt is not null)
        {
            reviewCase = reviewCase with { Stage = CaseStage.Closed, ClosedAt = closedAt };
        }

        await bed.Cases.CreateAsync(reviewCase, CaseSamples.Event(reference, "ReferralSubmitted"), reference.Value, default);
    }

    private string TableOf(TableEntity row)
        => bed.Tables.All.Single(t => t.Query<TableEntity>(e => e.PartitionKey == row.PartitionKey && e.RowKey == row.RowKey).Any()).Name;

    private static bool Mentions(TableEntity row, string reference)
        => row.PartitionKey.Contains(reference, StringComparison.Ordinal)
            || row.RowKey.Contains(reference, StringComparison.Ordinal)
            || ((IDictionary<string, object>)row).Values.OfType<string>().Any(v => v.Contains(reference, StringComparison.Ordinal));
}
