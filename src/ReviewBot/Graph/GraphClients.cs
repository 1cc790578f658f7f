using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace ReviewBot.Graph;

/// <summary>Builds the one <see cref="GraphServiceClient"/> the adapters share.</summary>
public static class GraphClients
{
    /// <summary>
    /// A client for <see cref="GraphOptions.BaseUrl"/>. The HttpClient comes from
    /// <see cref="GraphClientFactory"/> so the SDK's retry handler runs (429/503/504, honouring Retry-After,
    /// three retries); the allowed hosts name the configured host, without which the SDK silently sends no token.
    /// With <paramref name="telemetry"/>, each call (its retries inside) is measured (<see cref="GraphCallMetrics"/>).
    /// </summary>
    public static GraphServiceClient Create(GraphOptions options, TokenCredential? credential = null, Telemetry.ReviewBotTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = new Uri(options.BaseUrl);
        var scope = options.IsLocalStandIn ? "https://graph.microsoft.com/.default" : $"https://{baseUrl.Host}/.default";
        var authentication = new AzureIdentityAuthenticationProvider(credential ?? Credential(options), [baseUrl.Host], null, true, scope);
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        if (telemetry is not null)
        {
            handlers.Insert(0, new GraphCallMetrics(telemetry));
        }

        return new GraphServiceClient(GraphClientFactory.Create(handlers), authentication, options.BaseUrl.TrimEnd('/'));
    }

    /// <summary>The app-only credential the settings name.</summary>
    public static TokenCredential Credential(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsLocalStandIn)
        {
            return new StandInCredential();
        }

        if (!string.IsNullOrEmpty(options.ClientSecret))
        {
            return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
        }

        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return new ClientCertificateCredential(options.TenantId, options.ClientId, certificate);
        }

        return new ManagedIdentityCredential(string.IsNullOrEmpty(options.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
    }

    /// <summary>A fixed token for the local stand-in (it checks that a bearer token arrives, not what it says).</summary>
    private sealed class StandInCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => new("local-stand-in-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
