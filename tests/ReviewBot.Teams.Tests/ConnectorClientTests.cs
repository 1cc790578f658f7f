using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using ReviewBot.Teams.Tests.Infrastructure;

namespace ReviewBot.Teams.Tests;

/// <summary>The connector client against a real local HTTP server that records requests and plays scripted answers.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime, IDisposable
{
    private const string TeamsConversationId = "19:abc@thread.tacv2;messageid=1795465642642";
    private const string EscapedConversationId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1795465642642";

    private readonly Queue<(int Status, string Body, string? RetryAfter)> _script = new();
    private readonly ImmediateTimeProvider _time = new();
    private readonly HttpClient _http = new();
    private FakeTokenCredential _credential = null!;
    private LocalHttpServer _server = null!;

    private string ServiceUrl => new Uri(_server.BaseAddress, "_connector").ToString(); // no trailing slash on purpose

    private ConversationReference Reference => new(ServiceUrl, "msteams", TeamsConversationId, "channel", "tenant-1", "28:bot-id", "ReviewBot");

    public async Task InitializeAsync()
    {
        _credential = new FakeTokenCredential(TimeProvider.System);
        _server = await LocalHttpServer.StartAsync(async (context, _) =>
        {
            (int Status, string Body, string? RetryAfter) answer;
            lock (_script)
            {
                answer = _script.Count > 0 ? _script.Dequeue() : (200, """{"id":"activity-1"}""", null);
            }

            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = answer.RetryAfter;
            }

            if (answer.Body.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.Body);
            }
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private ConnectorClient CreateClient(bool withAppId = true, ConnectorClientOptions? options = null) => new(
        _http,
        new ConnectorTokenProvider(withAppId ? _credential : null, TimeProvider.System),
        _time,
        Options.Create(options ?? new ConnectorClientOptions { AllowLoopback = true }),
        NullLogger<ConnectorClient>.Instance);

    private void Script(int status, string body = "", string? retryAfter = null)
    {
        lock (_script)
        {
            _script.Enqueue((status, body, retryAfter));
        }
    }

    private RecordedRequest[] Requests => [.. _server.Requests];

    [Fact]
    public async Task Reply_posts_to_the_escaped_conversation_and_activity_with_a_bearer_token()
    {
        var incoming = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1795465642642",
            ServiceUrl = ServiceUrl,
            ChannelId = "msteams",
            Conversation = new ConversationAccount(TeamsConversationId) { ConversationType = "channel" },
            From = new ChannelAccount("29:user", "User"),
            Recipient = new ChannelAccount("28:bot-id", "ReviewBot"),
        };

        var response = await CreateClient().ReplyToActivityAsync(incoming, Activity.CreateMessage("hi"));

        Assert.Equal("activity-1", response.Id);
        var request = Assert.Single(Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities/1795465642642", request.RawTarget);
        Assert.Equal("Bearer fake-token-1", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(TeamsConversationId, body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("1795465642642", body["replyToId"]!.GetValue<string>());
        Assert.Equal("28:bot-id", body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user", body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(["https://api.botframework.com/.default"], Assert.Single(_credential.Scopes));
    }

    [Fact]
    public async Task Send_to_conversation_posts_activities_and_returns_the_id()
    {
        var response = await CreateClient().SendToConversationAsync(Reference, Activity.CreateMessage("proactive"));

        Assert.Equal("activity-1", response.Id);
        var request = Assert.Single(Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities", request.RawTarget);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("28:bot-id", body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsConversationId, body["conversation"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Service_url_with_a_trailing_slash_is_joined_once()
    {
        var reference = Reference with { ServiceUrl = ServiceUrl + "/" };

        await CreateClient().SendToConversationAsync(reference, Activity.CreateMessage("x"));

        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities", Assert.Single(Requests).RawTarget);
    }

    [Fact]
    public async Task Update_puts_the_activity_with_its_id()
    {
        await CreateClient().UpdateActivityAsync(Reference, "1795465642642", Activity.CreateMessage("edited"));

        var request = Assert.Single(Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities/1795465642642", request.RawTarget);
        Assert.Equal("1795465642642", JsonNode.Parse(request.Body)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_sends_delete_without_a_body()
    {
        Script(200);

        await CreateClient().DeleteActivityAsync(Reference, "a:1/b?c");

        var request = Assert.Single(Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities/a%3A1%2Fb%3Fc", request.RawTarget);
        Assert.Equal("", request.Body);
    }

    [Fact]
    public async Task Members_are_listed_with_teams_fields_kept()
    {
        Script(200, """[{"id":"29:u1","name":"A","aadObjectId":"aad-1","userPrincipalName":"a@contoso.test"},{"id":"29:u2"}]""");

        var members = await CreateClient().GetConversationMembersAsync(Reference);

        Assert.Equal("GET", Assert.Single(Requests).Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/members", Assert.Single(Requests).RawTarget);
        Assert.Equal(["29:u1", "29:u2"], members.Select(m => m.Id));
        Assert.Equal("aad-1", members[0].AadObjectId);
        Assert.Equal("a@contoso.test", members[0].Properties!["userPrincipalName"].GetString());
    }

    [Fact]
    public async Task Personal_conversation_body_has_the_one_to_one_shape()
    {
        Script(200, """{"id":"a:1personal"}""");

        var created = await CreateClient().CreatePersonalConversationAsync(ServiceUrl, "tenant-1", "28:bot-id", "29:user");

        Assert.Equal("a:1personal", created.Id);
        var request = Assert.Single(Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations", request.RawTarget);
        var expected = JsonNode.Parse("""
            {"bot":{"id":"28:bot-id"},"members":[{"id":"29:user"}],"isGroup":false,"tenantId":"tenant-1",
             "channelData":{"tenant":{"id":"tenant-1"}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task Channel_thread_body_has_the_channel_shape()
    {
        Script(200, """{"id":"19:abc@thread.tacv2;messageid=42","activityId":"42"}""");

        var created = await CreateClient().CreateChannelThreadAsync(ServiceUrl, "tenant-1", "19:abc@thread.tacv2", Activity.CreateMessage("New review"));

        Assert.Equal("19:abc@thread.tacv2;messageid=42", created.Id);
        Assert.Equal("42", created.ActivityId);
        var body = JsonNode.Parse(Assert.Single(Requests).Body)!;
        var expected = JsonNode.Parse("""
            {"isGroup":true,"tenantId":"tenant-1",
             "channelData":{"channel":{"id":"19:abc@thread.tacv2"},"tenant":{"id":"tenant-1"}},
             "activity":{"type":"message","text":"New review"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_retry_after_delay()
    {
        Script(429, """{"error":{"code":"Throttled","message":"slow down"}}""", retryAfter: "2");

        var response = await CreateClient().SendToConversationAsync(Reference, Activity.CreateMessage("x"));

        Assert.Equal("activity-1", response.Id);
        Assert.Equal(2, Requests.Length);
        Assert.Equal([TimeSpan.FromSeconds(2)], _time.RequestedDelays);
        Assert.All(Requests, r => Assert.Equal("Bearer fake-token-1", r.Headers["Authorization"]));
        Assert.Equal(1, _credential.Calls);
    }

    [Fact]
    public async Task Retry_after_longer_than_allowed_fails_instead_of_retrying_early()
    {
        Script(429, "", retryAfter: "120");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            CreateClient(options: new ConnectorClientOptions { MaxRetryDelay = TimeSpan.FromSeconds(30), AllowLoopback = true })
                .SendToConversationAsync(Reference, Activity.CreateMessage("x")));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(Requests);
        Assert.Empty(_time.RequestedDelays);
    }

    [Fact]
    public async Task Server_errors_on_an_update_are_retried_three_times_with_growing_backoff_then_fail()
    {
        for (var i = 0; i < 5; i++)
        {
            Script(500, """{"error":{"code":"ServiceError","message":"boom"}}""");
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            CreateClient().UpdateActivityAsync(Reference, "1", Activity.CreateMessage("x")));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("ServiceError", error.ErrorCode);
        Assert.Equal("UpdateActivity", error.Operation);
        Assert.Equal(4, Requests.Length);
        var delays = _time.RequestedDelays.ToArray();
        Assert.Equal(3, delays.Length);
        Assert.True(delays[0] < delays[1] && delays[1] < delays[2], string.Join(", ", delays));
        Assert.InRange(delays[0], TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public async Task Unavailable_then_ok_succeeds_for_idempotent_calls()
    {
        Script(503);
        Script(502);

        var response = await CreateClient().UpdateActivityAsync(Reference, "1", Activity.CreateMessage("x"));

        Assert.Equal("activity-1", response.Id);
        Assert.Equal(3, Requests.Length);
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(502, null)]
    [InlineData(503, "1")]
    [InlineData(504, null)]
    public async Task A_post_that_may_have_landed_is_never_sent_twice(int status, string? retryAfter)
    {
        // A gateway error can follow a message the service already posted: re-sending would post it twice.
        Script(status, "", retryAfter);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            CreateClient().SendToConversationAsync(Reference, Activity.CreateMessage("x")));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Single(Requests);
        Assert.Empty(_time.RequestedDelays);
    }

    [Fact]
    public async Task Unauthorized_drops_the_cached_token_and_tries_once_more_with_a_fresh_one()
    {
        Script(401, """{"error":{"code":"Unauthorized","message":"token revoked"}}""");

        var response = await CreateClient().SendToConversationAsync(Reference, Activity.CreateMessage("x"));

        Assert.Equal("activity-1", response.Id);
        Assert.Equal(["Bearer fake-token-1", "Bearer fake-token-2"], Requests.Select(r => r.Headers["Authorization"]));
        Assert.Equal(2, _credential.Calls);
        Assert.Empty(_time.RequestedDelays);
    }

    [Fact]
    public async Task Unauthorized_twice_fails_after_one_eviction()
    {
        Script(401);
        Script(401);
        Script(401);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            CreateClient().SendToConversationAsync(Reference, Activity.CreateMessage("x")));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, Requests.Length);
        Assert.Equal(2, _credential.Calls);
    }

    [Fact]
    public async Task Retries_while_an_invoke_is_answered_stay_inside_its_budget()
    {
        Script(429, "", retryAfter: "3");
        using (ConnectorRetryBudget.Begin(TimeSpan.FromSeconds(2)))
        {
            var error = await Assert.ThrowsAsync<ConnectorException>(() =>
                CreateClient().SendToConversationAsync(Reference, Activity.CreateMessage("x")));
            Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        }

        Assert.Single(Requests);
        Assert.Empty(_time.RequestedDelays);
    }

    [Fact]
    public async Task Backoff_is_cut_short_by_the_budget_and_sums_within_it()
    {
        for (var i = 0; i < 5; i++)
        {
            Script(503);
        }

        using (ConnectorRetryBudget.Begin(TimeSpan.FromSeconds(1)))
        {
            await Assert.ThrowsAsync<ConnectorException>(() =>
                CreateClient().UpdateActivityAsync(Reference, "1", Activity.CreateMessage("x")));
        }

        // 0.5 s then 1 s of backoff: only the first fits in one second.
        Assert.Equal(2, Requests.Length);
        Assert.True(_time.RequestedDelays.Sum(d => d.TotalSeconds) <= 1, string.Join(", ", _time.RequestedDelays));
    }

    [Fact]
    public async Task Outside_development_a_loopback_address_is_never_called_and_gets_no_token()
    {
        var production = new ConnectorClientOptions();

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            CreateClient(options: production).SendToConversationAsync(Reference, Activity.CreateMessage("x")));

        Assert.Empty(Requests);
        Assert.Equal(0, _credential.Calls);
    }

    [Fact]
    public async Task A_host_added_by_configuration_is_called()
    {
        var options = new ConnectorClientOptions();
        options.AllowedHosts.Add(_server.BaseAddress.Host);

        await CreateClient(options: options).SendToConversationAsync(Reference, Activity.CreateMessage("x"));

        Assert.Single(Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://SMBA.TrafficManager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net./teams/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc/", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch/", true)]
    [InlineData("https://smba.trafficmanager.net:8443/teams/", false)]
    [InlineData("http://smba.trafficmanager.net/teams/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/teams/", false)]
    [InlineData("https://evil-smba.trafficmanager.net/teams/", false)]
    [InlineData("https://emea.smba.trafficmanager.net/teams/", false)]
    [InlineData("https://webchat.botframework.com/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("http://127.0.0.1:5000/", false)]
    public void Only_bot_framework_service_hosts_are_allowed_by_default(string url, bool allowed)
    {
        Assert.Equal(allowed, ServiceHosts.IsAllowed(new Uri(url), new ConnectorClientOptions()));
    }

    [Fact]
    public async Task A_stored_address_on_another_host_is_never_called()
    {
        // A local server stands in for the attacker's host: configured nowhere, so it must see nothing.
        await using var attacker = await LocalHttpServer.StartAsync((_, _) => Task.CompletedTask);
        var options = new ConnectorClientOptions();
        options.AllowedHosts.Add("smba.trafficmanager.net");
        var stored = Reference with { ServiceUrl = attacker.BaseAddress.ToString() };

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            CreateClient(options: options).SendToConversationAsync(stored, Activity.CreateMessage("x")));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            CreateClient(options: options).CreatePersonalConversationAsync(stored.ServiceUrl, "tenant-1", "28:bot", "29:user"));

        Assert.Empty(attacker.Requests);
        Assert.Equal(0, _credential.Calls);
    }

    [Fact]
    public async Task Bot_not_in_roster_is_a_typed_exception_and_never_retried()
    {
        Script(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");

        var error = await Assert.ThrowsAsync<BotNotInConversationRosterException>(() =>
            CreateClient().SendToConversationAsync(Reference, Activity.CreateMessage("x")));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("BotNotInConversationRoster", error.ErrorCode);
        Assert.Single(Requests);
        Assert.Empty(_time.RequestedDelays);
    }

    [Theory]
    [InlineData(403, """{"error":{"code":"Forbidden","message":"no"}}""")]
    [InlineData(404, """{"error":{"code":"ConversationNotFound","message":"no"}}""")]
    [InlineData(400, "not json")]
    [InlineData(501, "")]
    public async Task Other_client_errors_are_not_retried(int status, string body)
    {
        Script(status, body);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            CreateClient().SendToConversationAsync(Reference, Activity.CreateMessage("x")));

        Assert.IsNotType<BotNotInConversationRosterException>(error);
        Assert.Equal(status, (int)error.StatusCode);
        Assert.Single(Requests);
    }

    [Fact]
    public async Task Exception_message_carries_status_and_code_but_not_the_service_text()
    {
        Script(404, """{"error":{"code":"ConversationNotFound","message":"Conversation of Jane Doe not found"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            CreateClient().SendToConversationAsync(Reference, Activity.CreateMessage("x")));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConversationNotFound", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", error.Message, StringComparison.Ordinal);
        Assert.Equal("Conversation of Jane Doe not found", error.ServiceMessage);
    }

    [Fact]
    public async Task Without_an_app_id_no_authorization_header_is_sent()
    {
        await CreateClient(withAppId: false).SendToConversationAsync(Reference, Activity.CreateMessage("x"));

        Assert.False(Assert.Single(Requests).Headers.ContainsKey("Authorization"));
        Assert.Equal(0, _credential.Calls);
    }

    [Fact]
    public async Task Refused_connections_are_retried_then_surface()
    {
        string closed;
        await using (var gone = await LocalHttpServer.StartAsync((_, _) => Task.CompletedTask))
        {
            closed = gone.BaseAddress.ToString();
        }

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            CreateClient().SendToConversationAsync(Reference with { ServiceUrl = closed }, Activity.CreateMessage("x")));

        Assert.Equal(3, _time.RequestedDelays.Count);
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("relative/path")]
    [InlineData("https://user:pass@smba.trafficmanager.net/teams/")]
    public async Task Unsafe_service_urls_are_refused_before_any_request(string serviceUrl)
    {
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            CreateClient().SendToConversationAsync(Reference with { ServiceUrl = serviceUrl }, Activity.CreateMessage("x")));

        Assert.Empty(Requests);
        Assert.Equal(0, _credential.Calls);
    }

    [Fact]
    public async Task Typed_client_from_dependency_injection_works_against_the_server()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == "Development"));
        services.AddTeamsProtocol(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IConnectorClient>();

        var response = await client.SendToConversationAsync(Reference, Activity.CreateMessage("x"));

        Assert.Equal("activity-1", response.Id);
        Assert.False(Assert.Single(Requests).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Typed_client_outside_development_calls_loopback_only_when_configured()
    {
        async Task<int> SendAsync(Dictionary<string, string?> settings)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == "Production"));
            services.AddTeamsProtocol(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            services.AddSingleton<IConnectorTokenProvider>(new ConnectorTokenProvider(null, TimeProvider.System));
            await using var provider = services.BuildServiceProvider();
            var before = Requests.Length;
            try
            {
                await provider.GetRequiredService<IConnectorClient>().SendToConversationAsync(Reference, Activity.CreateMessage("x"));
            }
            catch (UntrustedServiceUrlException)
            {
            }

            return Requests.Length - before;
        }

        Assert.Equal(0, await SendAsync(new() { ["Bot:Connector:AllowLoopback"] = "true" }));
        Assert.Equal(1, await SendAsync(new() { ["Bot:Connector:AllowedHosts:0"] = "127.0.0.1" }));
    }
}
