using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;
using ReviewBot.Storage;
using ReviewBot.Testing;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>Reads what the bot stored, through the same Table storage adapter, from the test's side.</summary>
internal static class StoredCases
{
    public static Task<ReviewCase> FindAsync(BotEnvironment environment, string reference) => FindAsync(environment.Azurite, reference);

    public static async Task<ReviewCase> FindAsync(AzuriteFixture azurite, string reference)
    {
        using var services = Services(azurite);
        var parsed = Parse(reference);
        return await services.GetRequiredService<ICaseStore>().FindAsync(BotEnvironment.BoardId, parsed, CancellationToken.None)
            ?? throw new InvalidOperationException($"{reference} is not in storage.");
    }

    public static Task<List<CaseEvent>> AuditAsync(BotEnvironment environment, string reference) => AuditAsync(environment.Azurite, reference);

    public static async Task<List<CaseEvent>> AuditAsync(AzuriteFixture azurite, string reference)
    {
        using var services = Services(azurite);
        var parsed = Parse(reference);
        var events = new List<CaseEvent>();
        await foreach (var e in services.GetRequiredService<ICaseStore>().ReadAuditAsync(BotEnvironment.BoardId, parsed, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    private static CaseReference Parse(string reference)
        => CaseReference.TryParse(reference, out var parsed) ? parsed : throw new ArgumentException($"Not a case reference: {reference}", nameof(reference));

    private static ServiceProvider Services(AzuriteFixture azurite)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSingleton<IHostEnvironment>(new StubEnvironment());
        services.AddTableStorage(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class StubEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "ReviewBot.EndToEnd.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
