namespace ReviewBot.Storage;

/// <summary>
/// Section <c>Storage</c>: where the tables live and how hard to try. Set exactly one of
/// <see cref="ConnectionString"/> (Azurite, local runs) or <see cref="TableServiceUri"/> (Azure, signed in with
/// the app's managed identity through DefaultAzureCredential; no keys).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>A storage connection string, e.g. Azurite's.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint, e.g. <c>https://account.table.core.windows.net</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity, when the app uses one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix for every table name (letters and digits), e.g. to give tests tables of their own.</summary>
    public string? TablePrefix { get; set; }

    /// <summary>Retries of a failed request (exponential back-off, short delays: a chat turn is waiting).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>How long one request may take before it counts as failed.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long board configurations are served from memory.</summary>
    public TimeSpan BoardCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Board configuration files (JSON) seeded at start-up when absent or changed; relative to the content root.</summary>
    public IList<string> SeedBoardFiles { get; } = [];

    /// <summary>Whether the retention sweep runs in this instance.</summary>
    public bool RetentionSweepEnabled { get; set; } = true;

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromDays(1);
}
