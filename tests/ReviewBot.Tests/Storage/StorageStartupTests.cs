using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;
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
    public async Task The_hosted_retention_sweep_erases_expired_cases_by_the_injected_clock()
    {
        var bed = await StorageTestBed.CreateAsync(azurite, "sweep");
        var expired = CaseReference.Create(RulebookKind.Scr, 2019, 1);
        var closed = CaseSamples.NewCase(expired) with { BoardId = "demo", Stage = CaseStage.Closed, ClosedAt = bed.Time.GetUtcNow().AddDays(-2191) };
        await bed.Cases.CreateAsync(closed, CaseSamples.Event(expired, "ReferralSubmitted"), "s1", default);
        using var host = StorageHost.Build(azurite.ConnectionString, bed.Tables.Prefix, bed.Time);

        await host.StartAsync();
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await bed.Cases.FindAsync("demo", expired, default) is not null)
            {
                await Task.Delay(100, patience.Token);
            }

            var erasure = await bed.Tables.Erasures.GetEntityAsync<Azure.Data.Tables.TableEntity>("demo", expired.Value);
            Assert.Equal((RetentionSweeper.Actor, (DateTimeOffset?)bed.Time.GetUtcNow()), (erasure.Value.GetString("ErasedBy"), erasure.Value.GetDateTimeOffset("ErasedAt")));
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
    public static IHost Build(string? connectionString, string? prefix, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", ContentRootPath = RepositoryPaths.Root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:SeedBoardFiles:0"] = "src/ReviewBot/Storage/demo-board.json",
            ["Storage:RetentionSweepEnabled"] = time is null ? "false" : "true",
        });
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddTableStorage(builder.Configuration);
        return builder.Build();
    }

    public static Task<HealthReport> ReadinessAsync(IHost host)
        => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
}
