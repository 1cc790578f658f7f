using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Microsoft.Extensions.Time.Testing;
using ReviewBot.Teams.Tests.Infrastructure;

namespace ReviewBot.Teams.Tests;

public class ConnectorTokenProviderTests
{
    [Fact]
    public async Task Without_a_credential_there_is_no_token()
    {
        using var provider = new ConnectorTokenProvider(null, TimeProvider.System);

        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Token_is_cached_until_five_minutes_before_expiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credential = new FakeTokenCredential(time);
        using var provider = new ConnectorTokenProvider(credential, time);

        Assert.Equal("fake-token-1", await provider.GetTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("fake-token-1", await provider.GetTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("fake-token-2", await provider.GetTokenAsync(CancellationToken.None));

        Assert.Equal(2, credential.Calls);
        Assert.All(credential.Scopes, s => Assert.Equal(["https://api.botframework.com/.default"], s));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request()
    {
        var credential = new FakeTokenCredential(TimeProvider.System);
        using var provider = new ConnectorTokenProvider(credential, TimeProvider.System);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(CancellationToken.None)));

        Assert.All(tokens, t => Assert.Equal("fake-token-1", t));
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public void No_app_id_means_no_credential()
    {
        Assert.Null(ConnectorTokenProvider.CreateCredential(new BotOptions { AppPassword = "secret" }));
    }

    [Theory]
    [InlineData(BotAppType.MultiTenant, "botframework.com")]
    [InlineData(BotAppType.SingleTenant, "contoso-tenant")]
    public void Secret_app_types_use_a_client_secret_credential_for_the_right_tenant(BotAppType type, string expectedTenant)
    {
        var credential = ConnectorTokenProvider.CreateCredential(
            new BotOptions { AppId = "app", AppType = type, TenantId = "contoso-tenant", AppPassword = "secret" });

        var secret = Assert.IsType<ClientSecretCredential>(credential);
        // Azure.Identity keeps the tenant internal; read it so a wrong tenant cannot pass unnoticed.
        var tenant = typeof(ClientSecretCredential).GetProperty("TenantId", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        Assert.True(tenant is not null, "Azure.Identity no longer exposes ClientSecretCredential.TenantId; update this test.");
        Assert.Equal(expectedTenant, tenant.GetValue(secret));
    }

    [Fact]
    public void Managed_identity_uses_a_managed_identity_credential()
    {
        var credential = ConnectorTokenProvider.CreateCredential(
            new BotOptions { AppId = "app", AppType = BotAppType.UserAssignedMSI });

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Fact]
    public void Certificate_is_preferred_over_a_password()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=reviewbot-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(Path.GetTempPath(), $"reviewbot-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        try
        {
            var credential = ConnectorTokenProvider.CreateCredential(new BotOptions
            {
                AppId = "app",
                AppPassword = "secret",
                CertificatePath = path,
                CertificatePassword = "pfx-password",
            });

            Assert.IsType<ClientCertificateCredential>(credential);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
