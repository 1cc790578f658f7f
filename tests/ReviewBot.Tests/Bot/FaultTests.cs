using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Ports;

namespace ReviewBot.Tests.Bot;

/// <summary>The app's own Azurite, stopped and started by the test.</summary>
public sealed class OutageBotHost : BotHost;

/// <summary>The app with an app id configured: every request must carry a valid Bot Framework token.</summary>
public sealed class AuthenticatedBotHost : BotHost
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bot:AppId"] = "00000000-1111-2222-3333-444444444444",
        ["Bot:AppPassword"] = "not-used-in-this-test",
    };
}

public sealed class StoreOutageTests(OutageBotHost host) : IClassFixture<OutageBotHost>
{
    [Fact]
    public async Task While_storage_is_down_turns_get_a_plain_answer_and_readyz_is_503_then_everything_works_again()
    {
        var client = host.CreateClient();
        await host.PostAsync(host.Activity("message", Actors.Referrer, "help"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        await host.Azurite.StopAsync();
        var during = await host.PostAsync(host.Activity("message", Actors.Referrer, "refer"));
        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, during.StatusCode); // never a 500
        Assert.Single(host.Connector.Containing("nothing was lost"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        await host.Azurite.StartAsync();
        await host.PostAsync(host.Activity("message", Actors.Referrer, "refer"));
        Assert.NotEmpty(host.Connector.Containing("What is your name?"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var stored = await host.Services.GetRequiredService<IConversationStore>().LoadAsync("a:personal-" + Actors.Referrer, Actors.Referrer, CancellationToken.None);
        Assert.Equal("referral", stored.Dialog?.Flow);
    }
}

public sealed class RejectedTokenTests(AuthenticatedBotHost host) : IClassFixture<AuthenticatedBotHost>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    public async Task A_request_without_a_valid_token_gets_401_and_nothing_is_stored(string? authorization)
    {
        var activity = host.Activity("message", Actors.Stranger, "refer");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var stored = await host.Services.GetRequiredService<IConversationStore>().LoadAsync("a:personal-" + Actors.Stranger, Actors.Stranger, CancellationToken.None);
        Assert.Null(stored.Address);
        Assert.Null(stored.Dialog);
        Assert.Empty(host.Connector.Calls);
    }
}
