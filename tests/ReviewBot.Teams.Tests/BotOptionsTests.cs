using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace ReviewBot.Teams.Tests;

public class BotOptionsTests
{
    private static ValidateOptionsResult Validate(BotOptions options, string environment = "Production")
    {
        var env = new Mock<IHostEnvironment>();
        env.SetupGet(e => e.EnvironmentName).Returns(environment);
        return new BotOptionsValidator(env.Object).Validate(null, options);
    }

    private static BotOptions Valid() => new() { AppId = "app-id", AppPassword = "secret" };

    [Fact]
    public void Valid_multi_tenant_options_pass()
    {
        Assert.True(Validate(Valid()).Succeeded);
    }

    [Fact]
    public void Empty_app_id_outside_development_says_to_set_Bot__AppId()
    {
        var result = Validate(new BotOptions(), "Production");

        Assert.True(result.Failed);
        Assert.Contains("Bot__AppId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Production", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_app_id_in_development_is_allowed_without_credentials()
    {
        Assert.True(Validate(new BotOptions(), "Development").Succeeded);
    }

    [Fact]
    public void Single_tenant_needs_a_tenant_id()
    {
        var options = Valid();
        options.AppType = BotAppType.SingleTenant;

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Bot:TenantId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("SingleTenant", result.FailureMessage, StringComparison.Ordinal);

        options.TenantId = "contoso.onmicrosoft.com";
        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData(BotAppType.MultiTenant)]
    [InlineData(BotAppType.SingleTenant)]
    public void Secret_based_app_types_need_a_password_or_certificate(BotAppType type)
    {
        var options = new BotOptions { AppId = "app-id", AppType = type, TenantId = "tenant" };

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Bot__AppPassword", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Bot__CertificatePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_path_must_exist_and_then_replaces_the_password()
    {
        var options = new BotOptions { AppId = "app-id", CertificatePath = "/nonexistent/bot.pfx" };
        Assert.Contains("Bot:CertificatePath", Validate(options).FailureMessage, StringComparison.Ordinal);

        var file = Path.GetTempFileName();
        try
        {
            options.CertificatePath = file;
            Assert.True(Validate(options).Succeeded);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Managed_identity_needs_no_secret_and_defaults_its_client_id_to_the_app_id()
    {
        var options = new BotOptions { AppId = "app-id", AppType = BotAppType.UserAssignedMSI };

        Assert.True(Validate(options).Succeeded);
        Assert.Equal("app-id", options.GetManagedIdentityClientId());
        options.ManagedIdentityClientId = "mi-client";
        Assert.Equal("mi-client", options.GetManagedIdentityClientId());
    }

    [Theory]
    [InlineData("http://login.example.com/.well-known/openidconfiguration", "https")]
    [InlineData("not a url", "absolute")]
    [InlineData("ftp://127.0.0.1/metadata", "https")]
    [InlineData("", "empty")]
    public void Metadata_url_must_be_absolute_https(string url, string expected)
    {
        var options = Valid();
        options.OpenIdMetadataUrl = url;

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Bot:OpenIdMetadataUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123/.well-known/openidconfiguration")]
    [InlineData("http://localhost:5123/.well-known/openidconfiguration")]
    [InlineData("http://[::1]:5123/.well-known/openidconfiguration")]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration")]
    public void Http_metadata_is_allowed_for_loopback_only(string url)
    {
        var options = Valid();
        options.OpenIdMetadataUrl = url;

        Assert.True(Validate(options).Succeeded, Validate(options).FailureMessage);
    }

    [Fact]
    public void Body_limit_must_be_positive()
    {
        var options = Valid();
        options.MaxRequestBodyBytes = 0;

        Assert.Contains("Bot:MaxRequestBodyBytes", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_callers_are_no_longer_supported_and_stop_start_up()
    {
        // Entra-issued tokens were removed: a deployment still configuring callers is told so, not silently refused.
        var options = Valid();
        options.TenantId = "tenant";
        options.AllowedCallers.Add("caller");

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Bot:AllowedCallers is no longer supported", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bind_from_the_Bot_section_with_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "app-id",
            ["Bot:AppType"] = "SingleTenant",
            ["Bot:TenantId"] = "tenant",
            ["Bot:AppPassword"] = "secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == "Production"));
        services.AddLogging();
        services.AddTeamsProtocol(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<BotOptions>>().Value;

        Assert.Equal(BotAppType.SingleTenant, options.AppType);
        Assert.Empty(options.AllowedCallers);
        Assert.Equal(262_144, options.MaxRequestBodyBytes);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<ConnectorClient>(provider.GetRequiredService<IConnectorClient>());
        Assert.IsType<BotAuthenticator>(provider.GetRequiredService<IBotAuthenticator>());
    }

    [Fact]
    public async Task Invalid_options_stop_start_up_with_the_message()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:AppId"] = "" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Services.AddTeamsProtocol(builder.Configuration);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Bot__AppId", error.Message, StringComparison.Ordinal);
    }
}
