using Xunit;

namespace ReviewBot.Testing;

/// <summary>
/// Azurite's Table service on a free loopback port, in memory, for one test class or collection.
/// Can be stopped and started again on the same port to test outages; data kept on disk in a temp
/// folder survives a graceful stop (SIGINT lets Azurite save its database; SIGTERM would lose recent writes).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "reviewbot-azurite-" + Guid.NewGuid().ToString("N"));
    private NodeProcess? azurite;

    /// <summary>The port Azurite listens on (fixed for the fixture's life, so restarts keep it).</summary>
    public int Port { get; } = FreePort.Next();

    /// <summary>Connection string for the Azure.Data.Tables client.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>True while Azurite runs.</summary>
    public bool IsRunning => azurite?.IsRunning == true;

    /// <inheritdoc />
    public Task InitializeAsync() => StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>Starts Azurite (data in the fixture's temp folder) and waits for its port.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var script = Path.Combine(RepositoryPaths.NodeModules, "azurite", "dist", "src", "table", "main.js");
        azurite = NodeProcess.Start(script,
        [
            "--location", dataFolder, "--disableTelemetry", "--silent", "--skipApiVersionCheck",
            "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        try
        {
            // Generous: on 2 shared cores under load, node has been seen to take over 30 s to listen.
            await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException e)
        {
            // xunit does not dispose a fixture whose start failed: stop the process here, or it outlives the run.
            var output = azurite.Output;
            await azurite.DisposeAsync();
            azurite = null;
            throw new TimeoutException($"Azurite did not start: {output}", e);
        }
    }

    /// <summary>Stops Azurite gracefully (SIGINT, so it saves its data), killing it if it lingers.</summary>
    public async Task StopAsync()
    {
        if (azurite is not null)
        {
            await azurite.InterruptAsync(TimeSpan.FromSeconds(10));
            await azurite.DisposeAsync();
            azurite = null;
        }
    }
}
