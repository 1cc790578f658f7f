using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class LargeCaseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly CaseReference Reference = CaseReference.Create(RulebookKind.Cspr, 2026, 7);
    private StorageTestBed bed = null!;

    public async Task InitializeAsync() => bed = await StorageTestBed.CreateAsync(azurite, "large");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_200000_character_narrative_and_2000_key_dates_round_trip_exactly_through_changes()
    {
        var narrative = Narrative(200_000);
        var keyDates = Enumerable.Range(0, 2_000)
            .Select(i => new KeyDate(new DateOnly(2020, 1, 1).AddDays(i), $"Cyswllt {i}: ymweliad ymwelydd iechyd — wizyta położnej \"{i}\" 🏠\\n"))
            .ToList();
        var original = CaseSamples.NewCase(Reference, narrative, keyDates);

        await bed.Cases.CreateAsync(original, CaseSamples.Event(Reference, "ReferralSubmitted"), "big", default);
        var found = await bed.Cases.FindAsync(CaseSamples.Board, Reference, default);

        Assert.NotNull(found);
        Assert.Equal(200_000, found.Referral.Summary!.Length);
        Assert.Equal(narrative, found.Referral.Summary);
        Assert.Equal(keyDates, found.Referral.KeyDates);
        Assert.Equal(CaseSamples.Json(original with { Version = 1 }), CaseSamples.Json(found));

        // A change rewrites the chunks and drops the old ones.
        await bed.Cases.UpdateAsync(CaseSamples.Board, Reference, c => TableCaseStoreTests.AddTask(c, "t1"), default);
        var changed = await bed.Cases.FindAsync(CaseSamples.Board, Reference, default);
        Assert.Equal(narrative, changed?.Referral.Summary);
        Assert.Equal(["t1"], changed?.Tasks.Select(t => t.Id));
        var rows = await bed.AllRowsAsync();
        var head = Assert.Single(rows, r => r.RowKey == "case|" + Reference.Value);
        var chunks = rows.Where(r => r.RowKey.StartsWith("chunk|", StringComparison.Ordinal)).ToList();
        Assert.True(chunks.Count > 1);
        Assert.Equal(head.GetInt32("ChunkRows"), chunks.Count);
        Assert.All(chunks, c => Assert.Equal(head.GetString("ChunkSet"), c.GetString("ChunkSet")));

        // Shrinking back under one row's worth inlines the JSON and leaves no chunk behind.
        await bed.Cases.UpdateAsync(CaseSamples.Board, Reference, c => new Core.Ports.CaseChange(
            c with { Referral = c.Referral with { Summary = "short", KeyDates = [] } }, CaseSamples.Event(Reference, "ReferralAmended")), default);
        Assert.Equal("short", (await bed.Cases.FindAsync(CaseSamples.Board, Reference, default))?.Referral.Summary);
        Assert.DoesNotContain(await bed.AllRowsAsync(), r => r.RowKey.StartsWith("chunk|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_request_for_a_large_case_stays_far_below_the_transaction_payload_limit()
    {
        var sizes = new RequestSizes();
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString };
        var tables = new StorageTables(TableStorageClients.CreateServiceClient(options, o => o.AddPolicy(sizes, HttpPipelinePosition.PerRetry)), bed.Tables.Prefix);
        var store = new TableCaseStore(tables, bed.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<TableCaseStore>.Instance);

        // Every character outside ASCII: the worst case for UTF-8 on the wire.
        var narrative = string.Concat(Enumerable.Repeat("ŵŷźżćęłńśó中文👶", 400_000 / 15));
        await store.CreateAsync(CaseSamples.NewCase(Reference, narrative), CaseSamples.Event(Reference, "ReferralSubmitted"), "big", default);

        Assert.Equal(narrative, (await store.FindAsync(CaseSamples.Board, Reference, default))?.Referral.Summary);
        Assert.InRange(sizes.Largest, 1, 2 * 1024 * 1024);
    }

    [Fact]
    public async Task The_orphan_sweep_removes_chunk_rows_no_head_points_to_and_keeps_the_live_ones()
    {
        await bed.Cases.CreateAsync(CaseSamples.NewCase(Reference, new string('x', 150_000)), CaseSamples.Event(Reference, "ReferralSubmitted"), "big", default);
        var partition = CaseSamples.Board;
        // What a write that died during an outage leaves behind.
        await bed.Tables.Cases.AddEntityAsync(new Azure.Data.Tables.TableEntity(partition, $"chunk|{Reference.Value}|deadbeef|0000")
        {
            ["Case"] = Reference.Value,
            ["ChunkSet"] = "deadbeef",
            ["Json0"] = "{",
            ["JsonParts"] = 1,
        });
        var live = (await bed.AllRowsAsync()).Count(r => r.RowKey.StartsWith("chunk|", StringComparison.Ordinal)) - 1;

        Assert.Equal(0, await bed.Cases.CollectOrphanChunksAsync(partition, TimeSpan.FromHours(1), default));
        bed.Time.SetUtcNow(DateTimeOffset.UtcNow.AddHours(2));
        Assert.Equal(1, await bed.Cases.CollectOrphanChunksAsync(partition, TimeSpan.FromHours(1), default));

        var chunks = (await bed.AllRowsAsync()).Where(r => r.RowKey.StartsWith("chunk|", StringComparison.Ordinal)).ToList();
        Assert.Equal(live, chunks.Count);
        Assert.DoesNotContain(chunks, c => c.GetString("ChunkSet") == "deadbeef");
        Assert.Equal(150_000, (await bed.Cases.FindAsync(CaseSamples.Board, Reference, default))?.Referral.Summary?.Length);
    }

    /// <summary>Welsh, Polish, emoji, quotes, backslashes and new lines, to exactly <paramref name="length"/> characters.</summary>
    private static string Narrative(int length)
    {
        string[] sentences =
        [
            "Cafodd y plentyn ei dderbyn i'r ysbyty gyda chleisiau ar ei freichiau; ŵyr, ŷd. ",
            "Matka zgłosiła, że dziecko spadło ze schodów — źdźbło, gęślą jaźń. ",
            "Health visitor noted \"missed appointments\" and C:\\records\\2026 was checked.\n",
            "👶🏽 admitted to 🏥 at 02:14; ",
        ];
        var text = new StringBuilder(length + 200);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(sentences[i % sentences.Length]).Append(i.ToString(CultureInfo.InvariantCulture)).Append(' ');
        }

        text.Length = length;
        if (char.IsHighSurrogate(text[^1]))
        {
            text[^1] = '.';
        }

        return text.ToString();
    }

    private sealed class RequestSizes : HttpPipelineSynchronousPolicy
    {
        private long largest;

        public long Largest => Interlocked.Read(ref largest);

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Content?.TryComputeLength(out var length) == true)
            {
                var current = Interlocked.Read(ref largest);
                while (length > current && Interlocked.CompareExchange(ref largest, length, current) != current)
                {
                    current = Interlocked.Read(ref largest);
                }
            }
        }
    }
}
