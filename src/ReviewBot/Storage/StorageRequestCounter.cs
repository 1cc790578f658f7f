using Azure.Core;
using Azure.Core.Pipeline;

namespace ReviewBot.Storage;

/// <summary>
/// Counts every request the Table client puts on the wire (a retry counts again): the measure of the storage
/// budgets in docs/performance.md. <c>make bench</c> reads it from <c>GET /bench/storage-requests</c>, which is
/// mapped only in Development with <c>Diagnostics:BenchEndpoints=true</c>.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long count;

    /// <summary>Requests sent since start-up.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
}

/// <summary>Maps the bench's read-out of <see cref="StorageRequestCounter"/>.</summary>
public static class StorageRequestCounterEndpoint
{
    /// <summary>The setting that turns the endpoint on (Development only).</summary>
    public const string Setting = "Diagnostics:BenchEndpoints";

    /// <summary>Maps <c>GET /bench/storage-requests</c> when in Development and <see cref="Setting"/> is true.</summary>
    public static WebApplication MapStorageRequestCount(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>(Setting))
        {
            app.MapGet("/bench/storage-requests", (StorageRequestCounter counter) => Results.Json(new { requests = counter.Count }));
        }

        return app;
    }
}
