using ReviewBot.Storage;

namespace ReviewBot.Tests.Storage;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator validator = new(AppContext.BaseDirectory);

    [Fact]
    public void A_connection_string_or_a_service_uri_alone_is_valid()
    {
        Assert.True(validator.Validate(null, new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }).Succeeded);
        Assert.True(validator.Validate(null, new StorageOptions { TableServiceUri = new Uri("https://reviewbot.table.core.windows.net") }).Succeeded);
    }

    [Theory]
    [InlineData(null, null, "set Storage:ConnectionString (Azurite, local runs) or Storage:TableServiceUri")]
    [InlineData("UseDevelopmentStorage=true", "https://reviewbot.table.core.windows.net", "not both")]
    [InlineData(null, "http://reviewbot.table.core.windows.net", "must be an absolute https URI")]
    public void Exactly_one_store_address_is_required(string? connectionString, string? uri, string message)
    {
        var result = validator.Validate(null, new StorageOptions { ConnectionString = connectionString, TableServiceUri = uri is null ? null : new Uri(uri) });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_settings_are_each_named()
    {
        var options = new StorageOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            TablePrefix = "bad-prefix",
            MaxRetries = 50,
            NetworkTimeout = TimeSpan.Zero,
            RetentionSweepInterval = TimeSpan.FromSeconds(1),
        };
        options.SeedBoardFiles.Add("no-such-board.json");

        var result = validator.Validate(null, options);

        Assert.Equal(
            ["Storage:TablePrefix", "Storage:MaxRetries", "Storage:NetworkTimeout", "Storage:RetentionSweepInterval", "Storage:SeedBoardFiles"],
            result.Failures!.Select(f => f[..f.IndexOfAny([' ', ':'], "Storage:".Length)]));
    }
}
