using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace ReviewBot.Storage;

/// <summary>Builds the Table service client with a deliberate retry policy.</summary>
public static class TableStorageClients
{
    /// <summary>
    /// A client that fails fast enough for a chat turn: a few exponential retries with short delays, and a
    /// network timeout so a hung store is given up on rather than waited for.
    /// </summary>
    /// <param name="options">Validated storage options.</param>
    /// <param name="configure">Extra client settings (tests add pipeline policies here).</param>
    public static TableServiceClient CreateServiceClient(StorageOptions options, Action<TableClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        configure?.Invoke(clientOptions);

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        var uri = options.TableServiceUri ?? throw new InvalidOperationException("Storage: neither ConnectionString nor TableServiceUri is set.");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        return new TableServiceClient(uri, credential, clientOptions);
    }
}
