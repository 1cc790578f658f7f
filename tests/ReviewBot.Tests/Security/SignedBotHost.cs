using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Teams;
using ReviewBot.Testing;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Security;

/// <summary>
/// The real app with an app id: every request carries a Bot Framework channel token signed by a local issuer
/// (<see cref="BotFrameworkTokens"/>) and checked as in production. Replies go to the recording connector with a
/// fixed bearer token (the Entra token service is the one part not run here).
/// </summary>
public sealed class SignedBotHost : BotHost
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    private readonly BotFrameworkTokens tokens = BotFrameworkTokens.Start();
    private HttpClient? client;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Bot:AppId"] = AppId,
        ["Bot:AppPassword"] = "not-used-replies-carry-a-fixed-token",
        ["Bot:OpenIdMetadataUrl"] = tokens.MetadataUrl,
    };

    /// <summary>Posts a body as Teams would, with a channel token for the connector's serviceUrl and the body's channel.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string body, string channelId = "msteams", string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Create(AppId, Connector.ServiceUrl, channelId));
        client ??= CreateClient();
        return await client.SendAsync(request);
    }

    /// <summary>Posts an activity, signed for its own channel.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(JsonObject activity)
        => PostSignedAsync(activity.ToJsonString(), activity["channelId"] is JsonValue channel && channel.TryGetValue<string>(out var id) ? id : "msteams");

    public override async ValueTask DisposeAsync()
    {
        client?.Dispose();
        await base.DisposeAsync();
        await tokens.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IConnectorTokenProvider>(new FixedConnectorToken()));
    }

    /// <summary>Stands in for the Entra token service at its port.</summary>
    private sealed class FixedConnectorToken : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult<string?>("connector-token-for-tests");
    }
}
