using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReviewBot.Core.Ports;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class StorageStartupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddTableStorage_creates_the_tables_seeds_the_boards_and_reports_ready()
    {
        using var host = StorageHost.Build(azurite.ConnectionString, "startup" + Guid.NewGuid().ToString("N")[..8]);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<TableStorageReadiness>().WhenReadyAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

            Assert.Equal(HealthStatus.Healthy, (await StorageHost.ReadinessAsync(host)).Status);
            var boards = host.Services.GetRequiredService<IBoardDirectory>();
            Assert.Equal("demo", (await boards.FindByTenantAsync(BoardDirectoryTests.PlaygroundTenant, default))?.BoardId);
            Assert.IsType<TableCaseStore>(host.Services.GetRequiredService<ICaseStore>());
            Assert.IsType<TableDeadlineIndex>(host.Services.GetRequiredService<IDeadlineIndex>());
            Assert.IsType<TableConversationStore>(host.Services.GetRequiredService<IConversationStore>());
            Assert.Same(host.Services.GetRequiredService<IBoardDirectory>(), host.Services.GetRequiredService<TableBoardDirectory>());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Missing_storage_settings_stop_the_start_with_a_clear_message()
    {
        using var host = StorageHost.Build(connectionString: null, prefix: null);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A bare host with AddTableStorage, as Program.cs will have it.</summary>
internal static class StorageHost
{
    public static IHost Build(string? connectionString, string? prefix)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", ContentRootPath = RepositoryPaths.Root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:SeedBoardFiles:0"] = "src/ReviewBot/Storage/demo-board.json",
            ["Storage:RetentionSweepEnabled"] = "false",
        });
        builder.Services.AddTableStorage(builder.Configuration);
        return builder.Build();
    }

    public static Task<HealthReport> ReadinessAsync(IHost host)
        => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
}
