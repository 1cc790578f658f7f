using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewBot.Core.Cases;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

/// <summary>
/// The store did the write but the response never arrived, so the client sent it again and got 412/409: the
/// change must count once, not fail and not be applied twice.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class LostResponseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly CaseReference Reference = CaseReference.Create(RulebookKind.Scr, 2026, 1);
    private readonly LoseResponseOnce lose = new();
    private StorageTestBed bed = null!;
    private TableCaseStore store = null!;

    public async Task InitializeAsync()
    {
        bed = await StorageTestBed.CreateAsync(azurite, "lost");
        var service = TableStorageClients.CreateServiceClient(
            new StorageOptions { ConnectionString = azurite.ConnectionString }, o => o.AddPolicy(lose, HttpPipelinePosition.PerRetry));
        store = new TableCaseStore(new StorageTables(service, bed.Tables.Prefix), bed.Time, NullLogger<TableCaseStore>.Instance);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(1)]
    [InlineData(150_000)]
    public async Task A_create_and_an_update_whose_responses_were_lost_are_stored_once(int summaryLength)
    {
        lose.Arm("$batch", after: summaryLength > 100_000 ? 1 : 0); // a large case writes its chunk rows in a transaction first
        var created = await store.CreateAsync(CaseSamples.NewCase(Reference, new string('s', summaryLength)), CaseSamples.Event(Reference, "ReferralSubmitted"), "s1", default);
        Assert.True(lose.Fired);

        lose.Arm("$batch", after: summaryLength > 100_000 ? 1 : 0);
        var result = await store.UpdateAsync(CaseSamples.Board, Reference, c => TableCaseStoreTests.AddTask(c, $"t{c.Tasks.Count}"), default);
        Assert.True(lose.Fired);

        Assert.Equal(1, created.Version);
        Assert.True(result.Changed);
        var stored = await store.FindAsync(CaseSamples.Board, Reference, default);
        Assert.Equal(2, stored?.Version);
        Assert.Equal(["t0"], stored!.Tasks.Select(t => t.Id));
        Assert.Equal(summaryLength, stored.Referral.Summary?.Length);
        Assert.Equal(2, (await store.ReadAuditAsync(CaseSamples.Board, Reference, default).ToListAsync()).Count);
    }

    [Fact]
    public async Task A_reference_whose_response_was_lost_is_still_issued_and_the_next_follows_it()
    {
        await store.AllocateReferenceAsync(CaseSamples.Board, RulebookKind.Scr, 2026, default);

        lose.Arm("counter", after: 0);
        var second = await store.AllocateReferenceAsync(CaseSamples.Board, RulebookKind.Scr, 2026, default);
        Assert.True(lose.Fired);
        var third = await store.AllocateReferenceAsync(CaseSamples.Board, RulebookKind.Scr, 2026, default);

        Assert.Equal(CaseReference.Create(RulebookKind.Scr, 2026, 2), second);
        Assert.Equal(CaseReference.Create(RulebookKind.Scr, 2026, 3), third);
    }

    /// <summary>Lets a matching write reach the store, then throws as if the connection dropped (the client retries).</summary>
    private sealed class LoseResponseOnce : HttpPipelinePolicy
    {
        private string? path;
        private int skip;

        public bool Fired { get; private set; }

        public void Arm(string pathPart, int after)
        {
            path = pathPart;
            skip = after;
            Fired = false;
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
            => throw new NotSupportedException("The store is used asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            var isWrite = message.Request.Method != RequestMethod.Get;
            if (path is not null && isWrite && Uri.UnescapeDataString(message.Request.Uri.ToString()).Contains(path, StringComparison.Ordinal) && skip-- == 0)
            {
                path = null;
                Fired = true;
                throw new IOException("Connection reset after the store processed the request (test).");
            }
        }
    }
}
