using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Ports;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class TableDeadlineIndexTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageTestBed bed = null!;
    private TableDeadlineIndex index = null!;

    private DateTimeOffset Now => bed.Time.GetUtcNow();

    public async Task InitializeAsync()
    {
        bed = await StorageTestBed.CreateAsync(azurite, "deadlines");
        index = new TableDeadlineIndex(bed.Tables, bed.Time);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_due_query_returns_exactly_the_due_entries_among_ten_thousand_undue_ones_oldest_first()
    {
        // Undue: later today and on the next 20 days (500 per day, written in transactions of 100).
        var undue = Enumerable.Range(0, 10_000)
            .Select(i => Deadline(100 + i, Now.AddDays(i % 21).AddMinutes(1 + (i % 500))))
            .ToList();
        var due = new[]
        {
            Deadline(1, Now.AddDays(-40)),
            Deadline(2, Now.AddDays(-1).AddHours(3)),
            Deadline(3, Now.AddHours(-9)),
            Deadline(4, Now.AddMinutes(-1)),
            Deadline(5, Now),
        };
        await index.ScheduleAsync(undue.Concat(due), default);
        var before = bed.Requests.Count;

        var found = await index.GetDueAsync(Now, 100, default);

        Assert.Equal(due, found.Select(d => d.Deadline));
        Assert.All(found, d => Assert.Null(d.ClaimedBy));
        Assert.InRange(bed.Requests.Count - before, 1, 2); // one page: undue rows never reach the client
        Assert.Equal(due.Take(2), (await index.GetDueAsync(Now, 2, default)).Select(d => d.Deadline));
    }

    [Fact]
    public async Task A_handled_entry_scheduled_again_by_a_later_case_change_is_not_due_again()
    {
        var reminder = Deadline(1, Now.AddHours(-1));
        await index.ScheduleAsync([reminder], default);
        var entry = Assert.Single(await index.GetDueAsync(Now, 10, default));
        Assert.True(await index.TryClaimAsync(entry, "instance-a", Now.AddMinutes(5), default));
        await index.CompleteAsync([entry], default);

        await index.ScheduleAsync([reminder], default); // every case change re-schedules its whole plan

        Assert.Empty(await index.GetDueAsync(Now.AddMinutes(10), 10, default));
    }

    [Fact]
    public async Task Done_entries_never_reach_the_sweeper_again_so_a_long_history_costs_the_due_query_nothing()
    {
        var history = Enumerable.Range(0, 1_500).Select(i => Deadline(100 + i, Now.AddDays(-(i % 30)).AddMinutes(-1 - (i % 600)))).ToList();
        await index.ScheduleAsync(history, default);
        var owner = "instance-a";
        while ((await index.GetDueAsync(Now, 100, default)) is { Count: > 0 } due)
        {
            await index.CompleteAsync(await index.ClaimAsync(due, owner, Now.AddMinutes(5), default), default);
        }

        await index.ScheduleAsync([.. history, Deadline(1, Now.AddMinutes(-1))], default); // the whole plans again, and one new entry
        var before = bed.Requests.Count;

        var found = await index.GetDueAsync(Now.AddHours(1), 100, default);

        Assert.Equal([Deadline(1, Now.AddMinutes(-1))], found.Select(d => d.Deadline));
        Assert.Equal(1, bed.Requests.Count - before); // 1,500 done rows, more than a page, are not read
    }

    [Fact]
    public async Task Claiming_several_entries_at_once_wins_only_those_no_one_else_holds()
    {
        await index.ScheduleAsync([Deadline(1, Now.AddHours(-1)), Deadline(2, Now.AddHours(-1)), Deadline(3, Now.AddMinutes(-5))], default);
        var due = await index.GetDueAsync(Now, 10, default);
        Assert.True(await index.TryClaimAsync(due[1], "instance-b", Now.AddMinutes(5), default)); // taken since it was read

        var won = await index.ClaimAsync(due, "instance-a", Now.AddMinutes(5), default);

        Assert.Equal([due[0].Deadline, due[2].Deadline], won.Select(d => d.Deadline));
        Assert.Empty(await index.ClaimAsync(await index.GetDueAsync(Now, 10, default), "instance-c", Now.AddMinutes(5), default));
        bed.Time.Advance(TimeSpan.FromMinutes(6)); // every claim expired: one transaction claims all three
        var again = await index.GetDueAsync(Now, 10, default);
        var before = bed.Requests.Count;
        Assert.Equal(3, (await index.ClaimAsync(again, "instance-c", Now.AddMinutes(5), default)).Count);
        Assert.Equal(1, bed.Requests.Count - before);
    }

    [Fact]
    public async Task Exactly_one_of_several_concurrent_claimers_wins()
    {
        await index.ScheduleAsync([Deadline(1, Now.AddHours(-1))], default);
        var entry = Assert.Single(await index.GetDueAsync(Now, 10, default));

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => index.TryClaimAsync(entry, $"instance-{i}", Now.AddMinutes(5), default))));

        Assert.Single(claims, won => won);
        Assert.Empty(await index.GetDueAsync(Now, 10, default)); // held by the winner
    }

    [Fact]
    public async Task An_expired_claim_can_be_taken_over_but_a_live_one_cannot()
    {
        await index.ScheduleAsync([Deadline(1, Now.AddHours(-1))], default);
        var first = Assert.Single(await index.GetDueAsync(Now, 10, default));
        Assert.True(await index.TryClaimAsync(first, "instance-a", Now.AddMinutes(5), default));

        bed.Time.Advance(TimeSpan.FromMinutes(1));
        var stillHeld = (await bed.Tables.Deadlines.QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync()).Single();
        var held = new ClaimableDeadline(first.Deadline, stillHeld.ETag.ToString(), stillHeld.GetString("ClaimedBy"), stillHeld.GetDateTimeOffset("ClaimedUntil"));
        Assert.False(await index.TryClaimAsync(held, "instance-b", Now.AddMinutes(5), default));

        bed.Time.Advance(TimeSpan.FromMinutes(5));
        var expired = Assert.Single(await index.GetDueAsync(Now, 10, default));
        Assert.Equal("instance-a", expired.ClaimedBy);
        Assert.True(await index.TryClaimAsync(expired, "instance-b", Now.AddMinutes(5), default));
        Assert.False(await index.TryClaimAsync(expired, "instance-c", Now.AddMinutes(5), default)); // stale ETag
    }

    [Fact]
    public async Task Rescheduling_keeps_a_claim_and_completing_or_cancelling_removes_the_entry()
    {
        var reminder = Deadline(1, Now.AddHours(-1));
        var other = Deadline(2, Now.AddHours(-2));
        await index.ScheduleAsync([reminder, other], default);
        var entry = (await index.GetDueAsync(Now, 10, default)).Single(d => d.Deadline == reminder);
        Assert.True(await index.TryClaimAsync(entry, "instance-a", Now.AddMinutes(5), default));

        await index.ScheduleAsync([reminder], default);
        Assert.Equal([other], (await index.GetDueAsync(Now, 10, default)).Select(d => d.Deadline));

        await index.CompleteAsync([entry], default);
        await index.CancelAsync([other, Deadline(3, Now)], default); // one never existed: fine
        bed.Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await index.GetDueAsync(Now, 10, default));
    }

    [Fact]
    public async Task A_case_change_that_schedules_its_plan_again_costs_one_request_per_due_day_and_adds_only_what_is_new()
    {
        // A plan of six reminders on three days; another case shares the days.
        var plan = Enumerable.Range(0, 6).Select(i => Deadline(1, Now.AddDays(1 + (i % 3)).AddHours(i))).ToList();
        await index.ScheduleAsync([.. plan, Deadline(2, Now.AddDays(1)), Deadline(2, Now.AddDays(2))], default);

        var before = bed.Requests.Count;
        await index.ScheduleAsync(plan, default);
        Assert.Equal(3, bed.Requests.Count - before); // one read per day, nothing to add

        var added = Deadline(1, Now.AddDays(2).AddMinutes(30));
        before = bed.Requests.Count;
        await index.ScheduleAsync([.. plan, added], default);
        Assert.Equal(4, bed.Requests.Count - before); // three reads and one add

        bed.Time.Advance(TimeSpan.FromDays(4));
        var due = (await index.GetDueAsync(Now, 100, default)).Select(d => d.Deadline).ToList();
        Assert.Equal(9, due.Count);
        Assert.Contains(added, due);
    }

    private static Deadline Deadline(int caseNumber, DateTimeOffset dueAt)
        => new(CaseSamples.Board, CaseReference.Create(RulebookKind.Scr, 2026, caseNumber), "chair-decision-reminder:-7", dueAt);
}
