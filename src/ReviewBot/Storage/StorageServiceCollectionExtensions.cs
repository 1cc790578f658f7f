using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;

namespace ReviewBot.Storage;

/// <summary>Registers the Azure Table storage adapters.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The health check's name.</summary>
    public const string HealthCheckName = "table-storage";

    /// <summary>
    /// Registers, from section <c>Storage</c> (validated at start-up): one <see cref="TableServiceClient"/> with a
    /// deliberate retry policy; <see cref="ICaseStore"/>, <see cref="IDeadlineIndex"/>, <see cref="IConversationStore"/>
    /// and <see cref="IBoardDirectory"/>; a hosted service creating the tables and seeding boards (retrying in the
    /// background while storage is down); the retention sweep; and <see cref="TableStorageHealthCheck"/> tagged
    /// <c>ready</c>. A <see cref="TimeProvider"/> registered earlier is used, else the system clock.
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(sp => new StorageOptionsValidator(sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.TryAddSingleton<TimeProvider>(TimeProvider.System);

        services.TryAddSingleton<StorageRequestCounter>();
        services.TryAddSingleton(sp => TableStorageClients.CreateServiceClient(
            OptionsOf(sp), o => o.AddPolicy(sp.GetRequiredService<StorageRequestCounter>(), Azure.Core.HttpPipelinePosition.PerRetry)));
        services.TryAddSingleton(sp => new StorageTables(sp.GetRequiredService<TableServiceClient>(), OptionsOf(sp).TablePrefix));
        services.TryAddSingleton<TableCaseStore>();
        services.TryAddSingleton<ICaseStore>(sp => sp.GetRequiredService<TableCaseStore>());
        services.TryAddSingleton<IDeadlineIndex, TableDeadlineIndex>();
        services.TryAddSingleton<IConversationStore, TableConversationStore>();
        services.TryAddSingleton(sp => new TableBoardDirectory(
            sp.GetRequiredService<StorageTables>(), sp.GetRequiredService<TimeProvider>(), OptionsOf(sp).BoardCacheDuration));
        services.TryAddSingleton<IBoardDirectory>(sp => sp.GetRequiredService<TableBoardDirectory>());
        services.TryAddSingleton<BoardSeeder>();
        services.TryAddSingleton<RetentionSweeper>();
        services.TryAddSingleton<TableStorageReadiness>();
        services.TryAddSingleton<Sweeps.IStorageReadiness>(sp => sp.GetRequiredService<TableStorageReadiness>());
        services.TryAddSingleton<TableEffectOutbox>();
        services.AddHostedService<TableStorageInitializer>();
        services.AddHostedService<RetentionSweepService>();
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>(HealthCheckName, tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    private static StorageOptions OptionsOf(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
