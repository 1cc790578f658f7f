using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using ReviewBot.Teams.Tests.Infrastructure;

namespace ReviewBot.Teams.Tests;

/// <summary>
/// The token matrix, driven through the real endpoint on Kestrel with keys served over HTTP by a local OpenID
/// metadata + JWKS server. Every refusal is an HTTP 401 and the bot is never called.
/// </summary>
public sealed class AuthenticationEndpointTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "test-app-id";
    private const string TenantId = "test-tenant";
    private const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly TestSigningKey _key = new("key-1", "msteams", "webchat");
    private TestKeyServer _keys = null!;
    private BotHost _host = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _keys = await TestKeyServer.StartAsync();
        _keys.AddBotFrameworkKey(_key);
        _host = await StartHostAsync(_keys.BotFrameworkMetadataUrl);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _keys.DisposeAsync();
    }

    public void Dispose() => _key.Dispose();

    private Task<BotHost> StartHostAsync(string metadataUrl) =>
        BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bot:AppId"] = AppId,
                ["Bot:AppPassword"] = "unused-secret",
                ["Bot:TenantId"] = TenantId,
                ["Bot:OpenIdMetadataUrl"] = metadataUrl,
            },
            environment: "Production",
            configureServices: services => services.AddSingleton<TimeProvider>(_time));

    private static string ActivityJson(string serviceUrl = ServiceUrl, string channelId = "msteams")
    {
        var activity = Samples.LoadObject("message-personal.json");
        activity["serviceUrl"] = serviceUrl;
        activity["channelId"] = channelId;
        return activity.ToJsonString();
    }

    private string Token(
        SigningCredentials? credentials = null,
        string issuer = TestTokens.BotFrameworkIssuer,
        string? audience = AppId,
        TimeSpan? notBefore = null,
        TimeSpan? expires = null,
        string? serviceUrl = ServiceUrl,
        IDictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        foreach (var (name, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        return TestTokens.Create(
            credentials ?? _key.Credentials,
            issuer,
            audience,
            Now + (notBefore ?? TimeSpan.FromMinutes(-1)),
            Now + (expires ?? TimeSpan.FromMinutes(60)),
            claims);
    }

    private async Task AssertRejectedAsync(string? authorization, string? activityJson = null)
    {
        using var response = await _host.PostActivityAsync(activityJson ?? ActivityJson(), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Bot.CallCount);
    }

    private async Task AssertAcceptedAsync(string authorization, string? activityJson = null)
    {
        using var response = await _host.PostActivityAsync(activityJson ?? ActivityJson(), authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Valid_bot_framework_token_reaches_the_bot_with_its_claims()
    {
        await AssertAcceptedAsync("Bearer " + Token());

        var turn = Assert.Single(_host.Bot.Turns);
        Assert.True(turn.Identity.IsAuthenticated);
        Assert.Equal(TestTokens.BotFrameworkIssuer, turn.Identity.FindFirst("iss")?.Value);
        Assert.Equal(AppId, turn.Identity.FindFirst("aud")?.Value);
        Assert.Equal(ServiceUrl, turn.Identity.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        await AssertRejectedAsync("Bearer " + Token(notBefore: TimeSpan.FromMinutes(-70), expires: TimeSpan.FromMinutes(-6)));
    }

    [Fact]
    public async Task Token_expired_within_the_five_minute_skew_is_accepted()
    {
        await AssertAcceptedAsync("Bearer " + Token(notBefore: TimeSpan.FromMinutes(-70), expires: TimeSpan.FromMinutes(-4)));
    }

    [Fact]
    public async Task A_token_accepted_before_is_refused_once_it_expires()
    {
        var token = "Bearer " + Token(expires: TimeSpan.FromMinutes(10));
        await AssertAcceptedAsync(token);
        _time.Advance(TimeSpan.FromMinutes(14)); // within the five minutes' skew: still accepted
        using (var again = await _host.PostActivityAsync(ActivityJson(), token))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        _time.Advance(TimeSpan.FromMinutes(2)); // past exp and the skew

        using var response = await _host.PostActivityAsync(ActivityJson(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, _host.Bot.CallCount);
    }

    [Fact]
    public async Task A_token_accepted_before_is_still_checked_against_each_activity()
    {
        var token = "Bearer " + Token();
        await AssertAcceptedAsync(token);

        using var response = await _host.PostActivityAsync(ActivityJson(serviceUrl: "https://evil.example.com/"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Token_not_yet_valid_is_rejected()
    {
        await AssertRejectedAsync("Bearer " + Token(notBefore: TimeSpan.FromMinutes(6), expires: TimeSpan.FromMinutes(60)));
    }

    [Fact]
    public async Task Token_valid_within_the_skew_is_accepted()
    {
        await AssertAcceptedAsync("Bearer " + Token(notBefore: TimeSpan.FromMinutes(4), expires: TimeSpan.FromMinutes(60)));
    }

    [Fact]
    public async Task Wrong_audience_is_rejected()
    {
        await AssertRejectedAsync("Bearer " + Token(audience: "another-app"));
    }

    [Fact]
    public async Task Missing_audience_is_rejected()
    {
        await AssertRejectedAsync("Bearer " + Token(audience: null));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://login.microsoftonline.com/other-tenant/v2.0")]
    public async Task Wrong_issuer_is_rejected(string issuer)
    {
        await AssertRejectedAsync("Bearer " + Token(issuer: issuer));
    }

    [Fact]
    public async Task Bad_signature_is_rejected()
    {
        // Same key id, different private key (not published).
        using var forger = new TestSigningKey(_key.KeyId, "msteams");
        Assert.NotSame(_key.Rsa, forger.Rsa);

        await AssertRejectedAsync("Bearer " + Token(credentials: forger.Credentials));
    }

    [Fact]
    public async Task Tampered_payload_is_rejected()
    {
        var parts = Token().Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["aud"] = AppId;
        payload["serviceurl"] = "https://evil.example/";
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        await AssertRejectedAsync("Bearer " + tampered, ActivityJson("https://evil.example/"));
    }

    [Fact]
    public async Task Unknown_key_is_rejected_after_one_refetch_and_refetches_are_rate_limited()
    {
        await AssertAcceptedAsync("Bearer " + Token());
        Assert.Equal(1, _keys.BotFrameworkJwksFetches);
        _time.Advance(TimeSpan.FromMinutes(2));
        using var stranger = new TestSigningKey("unknown-key", "msteams");

        using (var response = await _host.PostActivityAsync(ActivityJson(), "Bearer " + Token(credentials: stranger.Credentials)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(2, _keys.BotFrameworkJwksFetches);

        // A flood of made-up key ids does not turn into a flood of fetches.
        for (var i = 0; i < 5; i++)
        {
            using var again = await _host.PostActivityAsync(ActivityJson(), "Bearer " + Token(credentials: stranger.Credentials));
            Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        }

        Assert.Equal(2, _keys.BotFrameworkJwksFetches);
        Assert.Equal(1, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Key_rotated_in_after_the_first_fetch_is_accepted_via_refetch()
    {
        await AssertAcceptedAsync("Bearer " + Token());
        using var rotated = new TestSigningKey("key-2", "msteams");
        _keys.AddBotFrameworkKey(rotated);
        _time.Advance(TimeSpan.FromMinutes(2));

        using var response = await _host.PostActivityAsync(ActivityJson(), "Bearer " + Token(credentials: rotated.Credentials));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _keys.BotFrameworkJwksFetches);
        Assert.Equal(2, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Keys_are_refreshed_after_a_day()
    {
        await AssertAcceptedAsync("Bearer " + Token());
        _time.Advance(TimeSpan.FromHours(25));

        using var response = await _host.PostActivityAsync(ActivityJson(), "Bearer " + Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _keys.BotFrameworkJwksFetches);
    }

    [Fact]
    public async Task Alg_none_is_rejected()
    {
        await AssertRejectedAsync("Bearer " + TestTokens.Unsigned(_key.KeyId, TestTokens.BotFrameworkIssuer, AppId, ServiceUrl, Now));
    }

    [Fact]
    public async Task Hmac_signed_token_is_rejected()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = _key.KeyId };

        await AssertRejectedAsync("Bearer " + Token(credentials: new SigningCredentials(secret, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public async Task Rs512_signed_token_is_rejected()
    {
        await AssertRejectedAsync("Bearer " + Token(credentials: new SigningCredentials(
            new RsaSecurityKey(_key.Rsa) { KeyId = _key.KeyId }, SecurityAlgorithms.RsaSha512)));
    }

    [Fact]
    public async Task Key_not_endorsed_for_the_channel_is_rejected()
    {
        using var webchatOnly = new TestSigningKey("webchat-key", "webchat");
        _keys.AddBotFrameworkKey(webchatOnly);

        await AssertRejectedAsync("Bearer " + Token(credentials: webchatOnly.Credentials));
    }

    [Fact]
    public async Task Key_without_endorsements_is_rejected()
    {
        using var bare = new TestSigningKey("bare-key", null);
        _keys.AddBotFrameworkKey(bare);

        await AssertRejectedAsync("Bearer " + Token(credentials: bare.Credentials));
    }

    [Fact]
    public async Task Key_endorsed_for_another_channel_is_checked_against_the_activity_channel()
    {
        // The key is endorsed for webchat, so the token is genuine; the channel is still not served (403).
        using (var webchat = await _host.PostActivityAsync(ActivityJson(channelId: "webchat"), "Bearer " + Token()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, webchat.StatusCode);
        }

        using var slack = await _host.PostActivityAsync(ActivityJson(channelId: "slack"), "Bearer " + Token());

        Assert.Equal(HttpStatusCode.Unauthorized, slack.StatusCode);
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task Web_chat_token_carrying_a_chairs_object_id_runs_no_turn(string channel)
    {
        // Web Chat's client writes its own from: a genuine webchat-endorsed token proves nothing about the sender.
        using var webchatKey = new TestSigningKey("webchat-only", channel);
        _keys.AddBotFrameworkKey(webchatKey);
        var activity = Samples.LoadObject("message-personal.json");
        activity["serviceUrl"] = ServiceUrl;
        activity["channelId"] = channel;
        activity["from"] = new JsonObject { ["id"] = "chair", ["aadObjectId"] = "oid-board-chair" };

        using var response = await _host.PostActivityAsync(activity.ToJsonString(), "Bearer " + Token(credentials: webchatKey.Credentials));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ServedChannels.RefusalText, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Outlook_is_served_only_for_card_actions_and_its_from_shape_is_logged_without_values()
    {
        using var outlookKey = new TestSigningKey("outlook-key", "outlook");
        _keys.AddBotFrameworkKey(outlookKey);
        _host.Bot.OnTurn = (turn, _) =>
        {
            turn.InvokeResponse = new InvokeResponse(200);
            return Task.CompletedTask;
        };
        var invoke = Samples.LoadObject("invoke-adaptive-card-action.json");
        invoke["serviceUrl"] = ServiceUrl;
        invoke["channelId"] = "outlook";
        var message = Samples.LoadObject("message-personal.json");
        message["serviceUrl"] = ServiceUrl;
        message["channelId"] = "outlook";

        using (var served = await _host.PostActivityAsync(invoke.ToJsonString(), "Bearer " + Token(credentials: outlookKey.Credentials)))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        using var refused = await _host.PostActivityAsync(message.ToJsonString(), "Bearer " + Token(credentials: outlookKey.Credentials));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, _host.Bot.CallCount);
        var shape = Assert.Single(_host.Logs.Lines, l => l.Contains("from carries the fields", StringComparison.Ordinal));
        Assert.Contains("aadObjectId,id,name", shape, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Wilber", shape, StringComparison.Ordinal);
        Assert.DoesNotContain("00000000-0000-0000-0000-0000000000020", shape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authenticated_Outlook_invoke_without_an_object_id_is_refused_and_runs_no_turn()
    {
        using var outlookKey = new TestSigningKey("outlook-key", "outlook");
        _keys.AddBotFrameworkKey(outlookKey);
        var invoke = Samples.LoadObject("invoke-adaptive-card-action.json");
        invoke["serviceUrl"] = ServiceUrl;
        invoke["channelId"] = "outlook";
        invoke["from"] = new JsonObject { ["id"] = "outlook-user", ["name"] = "Someone" };

        using var response = await _host.PostActivityAsync(invoke.ToJsonString(), "Bearer " + Token(credentials: outlookKey.Credentials));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(401, (int?)body["statusCode"]);
        Assert.Equal(AdaptiveCardInvokeResponses.ErrorType, (string?)body["type"]);
        Assert.Equal(0, _host.Bot.CallCount);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("from carries the fields id,name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Service_url_claim_mismatch_is_rejected()
    {
        await AssertRejectedAsync("Bearer " + Token(serviceUrl: "https://smba.trafficmanager.net/emea/"));
    }

    [Fact]
    public async Task Missing_service_url_claim_is_rejected()
    {
        await AssertRejectedAsync("Bearer " + Token(serviceUrl: null));
    }

    [Fact]
    public async Task Service_url_claim_compares_case_insensitively()
    {
        await AssertAcceptedAsync("Bearer " + Token(serviceUrl: "HTTPS://SMBA.TrafficManager.net/teams/"));
    }

    [Fact]
    public async Task No_authorization_header_while_an_app_id_is_configured_is_rejected()
    {
        using var response = await _host.PostActivityAsync(ActivityJson());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Fact]
    public async Task No_header_and_loopback_service_url_is_still_rejected_when_an_app_id_is_configured()
    {
        await AssertRejectedAsync(null, ActivityJson("http://localhost:46455/_connector"));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer a b")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.sig")]
    public async Task Malformed_authorization_header_is_rejected(string header)
    {
        await AssertRejectedAsync(header);
    }

    [Fact]
    public async Task Token_is_never_logged()
    {
        var token = Token(audience: "another-app");

        await AssertRejectedAsync("Bearer " + token);

        Assert.Contains(_host.Logs.Lines, l => l.Contains("audience mismatch", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(token.Split('.')[1], StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("show card", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + TenantId + "/v2.0", "azp")]
    [InlineData("https://sts.windows.net/" + TenantId + "/", "appid")]
    public async Task Entra_issued_token_of_the_bots_own_tenant_is_refused_the_path_is_gone(string issuer, string callerClaim)
    {
        // Once accepted for Bot:AllowedCallers; such a caller chose serviceUrl, sender and tenant itself.
        using var entraKey = new TestSigningKey("entra-key", null);
        _keys.AddEntraKey(entraKey);
        _keys.AddBotFrameworkKey(entraKey);

        await AssertRejectedAsync(
            "Bearer " + Token(
                credentials: entraKey.Credentials,
                issuer: issuer,
                serviceUrl: "https://evil.example/",
                extraClaims: new Dictionary<string, object> { [callerClaim] = "caller-app", ["tid"] = TenantId }),
            ActivityJson("https://evil.example/"));

        Assert.Contains(_host.Logs.Lines, l => l.Contains("token issuer not trusted", StringComparison.Ordinal));
        Assert.Equal(0, _keys.EntraJwksFetches);
    }

    [Fact]
    public async Task Unreachable_key_metadata_is_503_and_the_bot_is_not_called()
    {
        string closedUrl;
        await using (var closed = await LocalHttpServer.StartAsync((_, _) => Task.CompletedTask))
        {
            closedUrl = new Uri(closed.BaseAddress, "botframework/.well-known/openidconfiguration").ToString();
        }

        await using var host = await StartHostAsync(closedUrl);

        using var response = await host.PostActivityAsync(ActivityJson(), "Bearer " + Token());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, host.Bot.CallCount);
    }
}
