using System.Collections.Concurrent;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;
using ReviewBot.Storage;
using ReviewBot.Testing;
using Xunit.Abstractions;

namespace ReviewBot.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class TableCaseStoreTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly CaseReference Reference = CaseReference.Create(RulebookKind.Scr, 2026, 1);
    private StorageTestBed bed = null!;

    private TableCaseStore Store => bed.Cases;

    public async Task InitializeAsync() => bed = await StorageTestBed.CreateAsync(azurite, "cases");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_created_case_round_trips_with_version_one_and_its_creation_event()
    {
        var created = await Store.CreateAsync(CaseSamples.NewCase(Reference), CaseSamples.Event(Reference, "ReferralSubmitted"), "sub-1", default);

        var found = await Store.FindAsync(CaseSamples.Board, Reference, default);
        Assert.NotNull(found);
        Assert.Equal(1, found.Version);
        Assert.Equal(CaseSamples.Json(created), CaseSamples.Json(found));
        var audit = await Store.ReadAuditAsync(CaseSamples.Board, Reference, default).ToListAsync();
        var only = Assert.Single(audit);
        Assert.Equal(("ReferralSubmitted", 1L, CaseSamples.Manager, "corr-ReferralSubmitted"), (only.Action, only.Version, only.ActorObjectId, only.CorrelationId));
        Assert.Equal(CaseSamples.ReferredAt, only.At);
    }

    [Fact]
    public async Task Concurrent_creates_with_one_submission_id_make_one_case_and_one_event()
    {
        var creates = Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            Store.CreateAsync(CaseSamples.NewCase(Reference), CaseSamples.Event(Reference, "ReferralSubmitted"), "double-click", default)));
        var results = await Task.WhenAll(creates);

        Assert.All(results, r => Assert.Equal((Reference, 1L), (r.Reference, r.Version)));
        Assert.Single(await Store.ReadAuditAsync(CaseSamples.Board, Reference, default).ToListAsync());
        Assert.Single(await Store.ListOpenAsync(CaseSamples.Board, null, default).ToListAsync());
        Assert.Equal(Reference, (await Store.FindBySubmissionAsync(CaseSamples.Board, "double-click", default))?.Reference);
    }

    [Fact]
    public async Task A_repeated_submission_returns_the_existing_case_and_writes_nothing()
    {
        await Store.CreateAsync(CaseSamples.NewCase(Reference), CaseSamples.Event(Reference, "ReferralSubmitted"), "sub-1", default);
        var before = bed.Requests.Count;

        var again = await Store.CreateAsync(CaseSamples.NewCase(Reference, summary: "different"), CaseSamples.Event(Reference, "ReferralSubmitted"), "sub-1", default);

        Assert.Equal("Admitted to hospital with injuries.", again.Referral.Summary);
        Assert.Equal(2, bed.Requests.Count - before); // the submission row and the case: reads only
    }

    [Fact]
    public async Task Concurrent_reference_allocations_are_distinct_and_consecutive()
    {
        var allocations = Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.AllocateReferenceAsync(CaseSamples.Board, RulebookKind.Cspr, 2026, default)));
        var references = await Task.WhenAll(allocations);

        Assert.Equal(
            Enumerable.Range(1, 20).Select(n => CaseReference.Create(RulebookKind.Cspr, 2026, n)).ToHashSet(),
            references.ToHashSet());
        Assert.Equal(CaseReference.Create(RulebookKind.Scr, 2026, 1), await Store.AllocateReferenceAsync(CaseSamples.Board, RulebookKind.Scr, 2026, default));
    }

    [Fact]
    public async Task Fifty_concurrent_updates_are_each_applied_once_or_reported_as_a_conflict()
    {
        await Store.CreateAsync(CaseSamples.NewCase(Reference), CaseSamples.Event(Reference, "ReferralSubmitted"), "sub-1", default);
        var applied = new ConcurrentBag<string>();
        var conflicts = 0;

        var updates = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            var taskId = $"task-{i}";
            try
            {
                var result = await Store.UpdateAsync(CaseSamples.Board, Reference, c => AddTask(c, taskId), default);
                Assert.True(result.Changed);
                applied.Add(taskId);
            }
            catch (CaseConflictException e)
            {
                Assert.Equal(Reference, e.Reference);
                Interlocked.Increment(ref conflicts);
            }
        }));
        await Task.WhenAll(updates);
        output.WriteLine($"{applied.Count} applied, {conflicts} reported as conflicts");

        Assert.Equal(50, applied.Count + conflicts);
        var final = await Store.FindAsync(CaseSamples.Board, Reference, default);
        Assert.NotNull(final);
        Assert.Equal(applied.Order(StringComparer.Ordinal), final.Tasks.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1 + applied.Count, final.Version);
        var audit = await Store.ReadAuditAsync(CaseSamples.Board, Reference, default).ToListAsync();
        Assert.Equal(1 + applied.Count, audit.Count);
        Assert.Equal(Enumerable.Range(1, 1 + applied.Count).Select(v => (long)v), audit.Select(e => e.Version));
    }

    [Fact]
    public async Task Decide_returning_null_writes_nothing_and_an_unknown_case_is_not_found()
    {
        await Store.CreateAsync(CaseSamples.NewCase(Reference), CaseSamples.Event(Reference, "ReferralSubmitted"), "sub-1", default);

        var unchanged = await Store.UpdateAsync(CaseSamples.Board, Reference, _ => null, default);
        var missing = await Store.UpdateAsync(CaseSamples.Board, CaseReference.Create(RulebookKind.Scr, 2026, 99), c => AddTask(c, "x"), default);

        Assert.False(unchanged.Changed);
        Assert.Equal(1, unchanged.Case?.Version);
        Assert.True(missing.NotFound);
        Assert.Single(await Store.ReadAuditAsync(CaseSamples.Board, Reference, default).ToListAsync());
    }

    [Fact]
    public async Task A_change_moves_stage_and_roles_and_the_lists_follow()
    {
        await Store.CreateAsync(CaseSamples.NewCase(Reference), CaseSamples.Event(Reference, "ReferralSubmitted"), "sub-1", default);
        var other = CaseReference.Create(RulebookKind.Scr, 2026, 2);
        await Store.CreateAsync(CaseSamples.NewCase(other) with { Parties = [] }, CaseSamples.Event(other, "ReferralSubmitted"), "sub-2", default);
        const string subGroupChair = "44444444-4444-4444-4444-444444444444";

        await Store.UpdateAsync(CaseSamples.Board, Reference, c => new CaseChange(
            c with
            {
                Stage = CaseStage.AwaitingChairDecision,
                Parties = [.. c.Parties.Where(p => p.Role != BoardRole.BoardChair), new CaseParty(subGroupChair.ToUpperInvariant(), BoardRole.SubGroupChair)],
            },
            CaseSamples.Event(Reference, "RecommendationMade", c.Stage, CaseStage.AwaitingChairDecision)), default);

        Assert.Equal([other], (await Store.ListOpenAsync(CaseSamples.Board, CaseStage.AwaitingRecommendation, default).ToListAsync()).Select(s => s.Reference));
        var awaitingChair = Assert.Single(await Store.ListOpenAsync(CaseSamples.Board, CaseStage.AwaitingChairDecision, default).ToListAsync());
        Assert.Equal((Reference, 2L, RulebookKind.Scr, CaseSamples.ReferredAt), (awaitingChair.Reference, awaitingChair.Version, awaitingChair.Rulebook, awaitingChair.ReferredAt));
        Assert.Equal(2, (await Store.ListOpenAsync(CaseSamples.Board, null, default).ToListAsync()).Count);
        Assert.Equal([Reference], (await Store.ListForPersonAsync(CaseSamples.Board, subGroupChair, default).ToListAsync()).Select(s => s.Reference));
        Assert.Empty(await Store.ListForPersonAsync(CaseSamples.Board, CaseSamples.Chair, default).ToListAsync());
        Assert.Equal([Reference], (await Store.ListForPersonAsync(CaseSamples.Board, CaseSamples.Referrer, default).ToListAsync()).Select(s => s.Reference));
        Assert.Empty(await Store.ListOpenAsync("another-board", null, default).ToListAsync());
        var recommended = (await Store.ReadAuditAsync(CaseSamples.Board, Reference, default).ToListAsync())[^1];
        Assert.Equal(("RecommendationMade", 2L, CaseStage.AwaitingRecommendation, CaseStage.AwaitingChairDecision),
            (recommended.Action, recommended.Version, recommended.StageBefore, recommended.StageAfter));
    }

    [Fact]
    public async Task Closed_cases_are_listed_by_closing_date_and_no_longer_open()
    {
        var closedAt = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await Store.CreateAsync(CaseSamples.NewCase(Reference), CaseSamples.Event(Reference, "ReferralSubmitted"), "sub-1", default);
        await Store.UpdateAsync(CaseSamples.Board, Reference, c => new CaseChange(
            c with { Stage = CaseStage.Closed, ClosedAt = closedAt }, CaseSamples.Event(Reference, "CaseClosed", c.Stage, CaseStage.Closed)), default);

        Assert.Empty(await Store.ListOpenAsync(CaseSamples.Board, null, default).ToListAsync());
        Assert.Empty(await Store.ListClosedBeforeAsync(CaseSamples.Board, closedAt, default).ToListAsync());
        // Azurite compares datetimes to the millisecond (Azure to the tick): step past by a whole millisecond.
        var closed = Assert.Single(await Store.ListClosedBeforeAsync(CaseSamples.Board, closedAt.AddMilliseconds(1), default).ToListAsync());
        Assert.Equal((Reference, CaseStage.Closed, (DateTimeOffset?)closedAt), (closed.Reference, closed.Stage, closed.ClosedAt));
    }

    [Fact]
    public async Task Events_that_change_nothing_are_kept_in_order_between_the_changes()
    {
        await Store.CreateAsync(CaseSamples.NewCase(Reference), CaseSamples.Event(Reference, "ReferralSubmitted"), "sub-1", default);
        await Store.AppendEventAsync(CaseSamples.Board, CaseSamples.Event(Reference, "ActionRefused") with { At = CaseSamples.ReferredAt.AddMinutes(5) }, default);
        await Store.UpdateAsync(CaseSamples.Board, Reference, c => AddTask(c, "t1"), default);
        await Store.AppendEventAsync(CaseSamples.Board, CaseSamples.Event(Reference, "ActionRefused2") with { At = CaseSamples.ReferredAt.AddMinutes(1) }, default);
        await Store.AppendEventAsync(CaseSamples.Board, CaseSamples.Event(Reference, "ActionRefused3") with { At = CaseSamples.ReferredAt.AddMinutes(2) }, default);

        var audit = await Store.ReadAuditAsync(CaseSamples.Board, Reference, default).ToListAsync();

        Assert.Equal(["ReferralSubmitted", "ActionRefused", "TaskAdded", "ActionRefused2", "ActionRefused3"], audit.Select(e => e.Action));
        Assert.Equal([1L, 0L, 2L, 0L, 0L], audit.Select(e => e.Version));
        Assert.All(audit.Skip(1), e => Assert.Equal((CaseStage.AwaitingRecommendation, CaseStage.AwaitingRecommendation), (e.StageBefore, e.StageAfter)));
        Assert.Equal((null, CaseStage.AwaitingRecommendation), (audit[0].StageBefore, audit[0].StageAfter));
    }

    internal static CaseChange AddTask(ReviewCase reviewCase, string taskId) => new(
        reviewCase with { Tasks = [.. reviewCase.Tasks, new FollowUpTask(taskId, "Notify Ofsted", BoardRole.BusinessManager, CaseSamples.ReferredAt.AddDays(1))] },
        new CaseEvent { Case = reviewCase.Reference, Action = "TaskAdded", ActorObjectId = CaseSamples.Manager, At = CaseSamples.ReferredAt, Detail = taskId });
}
