using Microsoft.Extensions.Options;

namespace ReviewBot.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start-up and says what to fix.</summary>
/// <param name="contentRoot">Where relative seed file paths start (the host's content root).</param>
public sealed class StorageOptionsValidator(string contentRoot) : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasUri = options.TableServiceUri is not null;
        if (hasConnectionString == hasUri)
        {
            failures.Add(hasUri
                ? "Storage: set either Storage:ConnectionString or Storage:TableServiceUri, not both."
                : "Storage: set Storage:ConnectionString (Azurite, local runs) or Storage:TableServiceUri (Azure, managed identity).");
        }

        if (options.TableServiceUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)))
        {
            failures.Add("Storage:TableServiceUri must be an absolute https URI, e.g. https://account.table.core.windows.net.");
        }

        if (options.TablePrefix is { Length: > 0 } prefix && (prefix.Length > 40 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit)))
        {
            failures.Add("Storage:TablePrefix must be letters and digits, start with a letter, and be at most 40 characters.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Storage:MaxRetries must be between 0 and 10.");
        }

        if (options.NetworkTimeout < TimeSpan.FromSeconds(1) || options.NetworkTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Storage:NetworkTimeout must be between 00:00:01 and 00:02:00.");
        }

        if (options.BoardCacheDuration < TimeSpan.Zero)
        {
            failures.Add("Storage:BoardCacheDuration cannot be negative.");
        }

        if (options.RetentionSweepInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add("Storage:RetentionSweepInterval must be at least 00:01:00.");
        }

        failures.AddRange(options.SeedBoardFiles
            .Where(file => !File.Exists(Path.Combine(contentRoot, file)))
            .Select(file => $"Storage:SeedBoardFiles: {file} does not exist (paths are relative to {contentRoot})."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
