using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReviewBot.Core.Ports;

namespace ReviewBot.Storage;

/// <summary>
/// Readiness: unhealthy until the tables exist, and whenever a cheap query does not get through. Registered
/// with the tag <c>ready</c> by <see cref="StorageServiceCollectionExtensions.AddTableStorage"/>.
/// </summary>
public sealed class TableStorageHealthCheck : IHealthCheck
{
    private readonly StorageTables tables;
    private readonly TableStorageReadiness readiness;

    /// <summary>Creates the check.</summary>
    public TableStorageHealthCheck(StorageTables tables, TableStorageReadiness readiness)
    {
        this.tables = tables ?? throw new ArgumentNullException(nameof(tables));
        this.readiness = readiness ?? throw new ArgumentNullException(nameof(readiness));
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!readiness.IsReady)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, readiness.Problem ?? "Table storage is not ready yet.");
        }

        try
        {
            await foreach (var _ in TableCalls.QueryAsync(tables.Boards, "RowKey eq 'config'", ["RowKey"], cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            return HealthCheckResult.Healthy("Table storage answers.");
        }
        catch (StoreUnavailableException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Table storage is unreachable.", e);
        }
    }
}
