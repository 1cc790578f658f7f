using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class BoardDirectoryTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    public const string PlaygroundTenant = "00000000-0000-0000-0000-0000000000001";
    public const string AlexWilber = "00000000-0000-0000-0000-0000000000020";
    private readonly string seedFile = Path.Combine(Path.GetTempPath(), $"board-{Guid.NewGuid():N}.json");
    private StorageTestBed bed = null!;
    private TableBoardDirectory directory = null!;
    private BoardSeeder seeder = null!;

    public static string DemoBoardFile => Path.Combine(RepositoryPaths.Root, "src", "ReviewBot", "Storage", "demo-board.json");

    public async Task InitializeAsync()
    {
        bed = await StorageTestBed.CreateAsync(azurite, "boards");
        directory = new TableBoardDirectory(bed.Tables, bed.Time, TimeSpan.FromMinutes(1));
        seeder = new BoardSeeder(directory, NullLogger<BoardSeeder>.Instance);
        File.Copy(DemoBoardFile, seedFile);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => File.Delete(seedFile);

    [Fact]
    public async Task The_demo_board_seeds_and_round_trips()
    {
        Assert.True(await seeder.SeedAsync(seedFile, default));

        var fromFile = BoardSeeder.Parse(File.ReadAllBytes(seedFile), seedFile);
        var stored = await directory.GetAsync("demo", default);
        Assert.NotNull(stored);
        Assert.Equal(Json(fromFile), Json(stored));
        Assert.Equal(stored.BoardId, (await directory.FindByTenantAsync(PlaygroundTenant, default))?.BoardId);
        Assert.Null(await directory.FindByTenantAsync("00000000-0000-0000-0000-000000000099", default));
        Assert.Equal(["demo"], (await directory.ListAsync(default)).Select(b => b.BoardId));
    }

    [Fact]
    public void The_demo_board_lets_one_playground_user_try_every_step()
    {
        var demo = BoardSeeder.Parse(File.ReadAllBytes(DemoBoardFile), DemoBoardFile);

        Assert.Equal(("demo", PlaygroundTenant, RulebookKind.Scr), (demo.BoardId, demo.TenantId, demo.Rulebook));
        Assert.Equal(8, demo.Agencies.Select(a => a.Id).Distinct().Count());
        Assert.Equal([BoardRole.BusinessManager, BoardRole.SubGroupChair, BoardRole.BoardChair], demo.FindPerson(AlexWilber)?.Roles);
        Assert.True(demo.People.Count(p => p.ObjectId != AlexWilber) >= 2);
        Assert.All(demo.People.Where(p => p.AgencyId is not null), p => Assert.Contains(demo.Agencies, a => a.Id == p.AgencyId));
    }

    [Fact]
    public async Task Seeding_writes_only_when_the_board_is_absent_or_the_file_changed()
    {
        Assert.True(await seeder.SeedAsync(seedFile, default));
        Assert.False(await seeder.SeedAsync(seedFile, default));

        // A change made in the app survives a restart with the same file...
        var stored = (await directory.GetAsync("demo", default))!;
        await directory.SaveAsync(stored with { Name = "Renamed in the app" }, default);
        Assert.False(await seeder.SeedAsync(seedFile, default));
        Assert.Equal("Renamed in the app", (await directory.GetAsync("demo", default))?.Name);

        // ...until the file itself changes.
        File.WriteAllText(seedFile, File.ReadAllText(seedFile).Replace("Demo Safeguarding Children Board", "Demo Board (edited file)", StringComparison.Ordinal));
        Assert.True(await seeder.SeedAsync(seedFile, default));
        Assert.Equal("Demo Board (edited file)", (await directory.GetAsync("demo", default))?.Name);
    }

    [Fact]
    public async Task Reads_are_served_from_memory_for_the_cache_duration()
    {
        await seeder.SeedAsync(seedFile, default);
        Assert.NotNull(await directory.GetAsync("demo", default));
        var elsewhere = new TableBoardDirectory(bed.Tables, bed.Time, TimeSpan.Zero); // another instance of the app
        await elsewhere.SaveAsync(new BoardConfiguration { BoardId = "enfield", Name = "Enfield", TenantId = "tenant-enfield" }, default);
        var before = bed.Requests.Count;

        Assert.Null(await directory.GetAsync("enfield", default));
        Assert.Equal(before, bed.Requests.Count);

        bed.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Enfield", (await directory.FindByTenantAsync("TENANT-ENFIELD", default))?.Name);
        Assert.Equal(["demo", "enfield"], (await elsewhere.ListAsync(default)).Select(b => b.BoardId));
    }

    [Theory]
    [InlineData("{ \"boardId\": \"x\", \"name\": \"X\" }")]
    [InlineData("{ \"boardId\": \"x\", \"name\": \"X\", \"tenantId\": \"t\", \"rulebook\": \"Nonsense\" }")]
    [InlineData("not json")]
    public async Task An_invalid_board_file_is_refused_with_its_path(string content)
    {
        File.WriteAllText(seedFile, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => seeder.SeedAsync(seedFile, default));

        Assert.Contains(seedFile, error.Message, StringComparison.Ordinal);
        Assert.Empty(await directory.ListAsync(default));
    }

    private static string Json(BoardConfiguration board) => JsonSerializer.Serialize(board, StorageJson.Options);
}
