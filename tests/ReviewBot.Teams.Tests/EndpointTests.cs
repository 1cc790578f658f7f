using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ReviewBot.Teams.Tests.Infrastructure;

namespace ReviewBot.Teams.Tests;

/// <summary>The endpoint in local development (no app id), as the Agents Playground drives it, on real Kestrel.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private LocalHttpServer _connector = null!;
    private BotHost _host = null!;

    private string ConnectorUrl => new Uri(_connector.BaseAddress, "_connector").ToString();

    public async Task InitializeAsync()
    {
        _connector = await LocalHttpServer.StartAsync(async (context, request) =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"connector-activity-1"}""");
        });
        _host = await BotHost.StartAsync(new Dictionary<string, string?>(), environment: "Development");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private JsonObject Sample(string name, string? serviceUrl = null)
    {
        var activity = Samples.LoadObject(name);
        activity["serviceUrl"] = serviceUrl ?? ConnectorUrl;
        return activity;
    }

    private async Task AssertBadRequestAsync(string body)
    {
        using var response = await _host.PostActivityAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var message = await response.Content.ReadAsStringAsync();
        Assert.InRange(message.Length, 1, 80);
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public async Task Every_sample_is_accepted_in_development_without_an_app_id(string sample)
    {
        // A bot that answers invokes, as a real one must.
        _host.Bot.OnTurn = (turn, _) =>
        {
            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                turn.InvokeResponse = new InvokeResponse(200);
            }

            return Task.CompletedTask;
        };

        // As captured: serviceUrl http://localhost:46455/_connector (loopback by name).
        using var response = await _host.PostActivityAsync(Samples.Load(sample));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(_host.Bot.Turns);
        Assert.Equal(Samples.LoadObject(sample)["type"]!.GetValue<string>(), turn.Activity.Type);
        Assert.False(turn.Identity.IsAuthenticated);
        Assert.Equal("88f8e53b-0161-4f6e-9988-46847d753721", turn.Reference.ConversationId);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("http://127.0.0.1:46455/_connector")]
    [InlineData("http://127.9.9.9/_connector")]
    [InlineData("http://[::1]:46455/_connector")]
    [InlineData("http://LOCALHOST:46455/_connector")]
    public async Task Loopback_service_urls_are_accepted_without_an_app_id(string serviceUrl)
    {
        using var response = await _host.PostActivityAsync(Sample("message-personal.json", serviceUrl).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _host.Bot.CallCount);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("http://localhost.evil.example/_connector")]
    [InlineData("http://127.0.0.1.nip.io/_connector")]
    [InlineData("http://10.0.0.5/_connector")]
    [InlineData("http://user@evil.example:80@localhost/_connector")]
    [InlineData("not-a-url")]
    public async Task Non_loopback_service_url_without_an_app_id_is_401(string serviceUrl)
    {
        using var response = await _host.PostActivityAsync(Sample("message-personal.json", serviceUrl).ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Without_an_app_id_outside_development_nothing_is_accepted()
    {
        var env = Mock.Of<IHostEnvironment>(e => e.EnvironmentName == "Staging");
        using var authenticator = new BotAuthenticator(
            Microsoft.Extensions.Options.Options.Create(new BotOptions()), env, Mock.Of<IHttpClientFactory>(), TimeProvider.System,
            NullLogger<BotAuthenticator>.Instance);
        var activity = JsonSerializer.Deserialize<Activity>(Samples.Load("message-personal.json"), TeamsJson.Options)!;

        var result = await authenticator.AuthenticateAsync(null, activity, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Development", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("{\"type\":\"message\"")]
    public async Task Malformed_json_is_400(string body)
    {
        await AssertBadRequestAsync(body);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"message\"")]
    [InlineData("null")]
    public async Task Non_object_body_is_400(string body)
    {
        await AssertBadRequestAsync(body);
    }

    [Fact]
    public async Task Missing_or_empty_type_is_400()
    {
        var activity = Sample("message-personal.json");
        activity.Remove("type");
        await AssertBadRequestAsync(activity.ToJsonString());

        activity["type"] = "";
        await AssertBadRequestAsync(activity.ToJsonString());

        activity["type"] = 5;
        await AssertBadRequestAsync(activity.ToJsonString());
    }

    [Theory]
    [InlineData("serviceUrl")]
    [InlineData("channelId")]
    [InlineData("conversation")]
    [InlineData("recipient")]
    public async Task Missing_routing_fields_are_400(string field)
    {
        var activity = Sample("message-personal.json");
        activity.Remove(field);

        await AssertBadRequestAsync(activity.ToJsonString());
    }

    [Fact]
    public async Task A_recipient_without_an_id_is_400()
    {
        // Replies and stored addresses name the bot by recipient.id: without it a stored address would lose the bot.
        var activity = Sample("message-personal.json");
        activity["recipient"] = new JsonObject { ["name"] = "ReviewBot" };

        await AssertBadRequestAsync(activity.ToJsonString());
    }

    [Fact]
    public async Task Field_of_the_wrong_shape_is_400()
    {
        var activity = Sample("message-personal.json");
        activity["from"] = "not an account";

        await AssertBadRequestAsync(activity.ToJsonString());
    }

    [Fact]
    public async Task Body_at_the_limit_is_accepted_and_one_byte_over_is_413()
    {
        var exact = PaddedActivity(BotOptions.DefaultMaxRequestBodyBytes);
        Assert.Equal(262_144, Encoding.UTF8.GetByteCount(exact));

        using (var accepted = await _host.PostActivityAsync(exact))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var rejected = await _host.PostActivityAsync(PaddedActivity(BotOptions.DefaultMaxRequestBodyBytes + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, rejected.StatusCode);
        Assert.Equal(1, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Oversized_chunked_body_without_content_length_is_413()
    {
        var payload = Encoding.UTF8.GetBytes(PaddedActivity(300_000));
        using var content = new StreamContent(new MemoryStream(payload));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Message_replies_go_through_the_connector_as_a_reply_without_a_token()
    {
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            var sent = await turn.SendActivityAsync(Activity.CreateMessage("reply text"), ct);
            Assert.Equal("connector-activity-1", sent?.Id);
        };

        using var response = await _host.PostActivityAsync(Sample("message-personal.json").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations/88f8e53b-0161-4f6e-9988-46847d753721/activities/1d895867-ed9a-406c-b090-56444c09036a", request.RawTarget);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("reply text", body["text"]!.GetValue<string>());
        Assert.Equal("00000000-0000-0000-0000-00000000000011", body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("user-id-0", body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("1d895867-ed9a-406c-b090-56444c09036a", body["replyToId"]!.GetValue<string>());
        Assert.Contains(_host.Logs.Lines, l => l.Contains("ReplyToActivity", StringComparison.Ordinal));
        AssertNoPersonalData();
    }

    [Fact]
    public async Task Expect_replies_returns_the_replies_and_does_not_call_the_connector()
    {
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            var first = await turn.SendActivityAsync(Activity.CreateMessage("one"), ct);
            await turn.SendActivityAsync(Activity.CreateCard(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" }), ct);
            Assert.False(string.IsNullOrEmpty(first?.Id));
        };
        var activity = Sample("message-personal.json");
        activity["deliveryMode"] = "expectReplies";

        using var response = await _host.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var replies = body["activities"]!.AsArray();
        Assert.Equal(2, replies.Count);
        Assert.Equal("one", replies[0]!["text"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", replies[1]!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.All(replies, r =>
        {
            Assert.False(string.IsNullOrEmpty(r!["id"]?.GetValue<string>()));
            Assert.Equal("88f8e53b-0161-4f6e-9988-46847d753721", r["conversation"]!["id"]!.GetValue<string>());
            Assert.Equal("00000000-0000-0000-0000-00000000000011", r["from"]!["id"]!.GetValue<string>());
        });
        Assert.NotEqual(replies[0]!["id"]!.GetValue<string>(), replies[1]!["id"]!.GetValue<string>());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Expect_replies_with_no_replies_returns_an_empty_list()
    {
        var activity = Sample("message-personal.json");
        activity["deliveryMode"] = "expectReplies";

        using var response = await _host.PostActivityAsync(activity.ToJsonString());

        Assert.Equal("""{"activities":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_returns_the_invoke_response_body()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };
        _host.Bot.OnTurn = (turn, _) =>
        {
            Assert.True(turn.Activity.TryGetAdaptiveCardAction(out var action));
            Assert.Equal("increment", action.Verb);
            turn.InvokeResponse = AdaptiveCardInvokeResponses.Card(card);
            return Task.CompletedTask;
        };

        using var response = await _host.PostActivityAsync(Sample("invoke-adaptive-card-action.json").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(card, body["value"]));
    }

    [Fact]
    public async Task Invoke_error_response_keeps_its_shape()
    {
        _host.Bot.OnTurn = (turn, _) =>
        {
            turn.InvokeResponse = AdaptiveCardInvokeResponses.Error(403, "Forbidden", "You cannot do that.");
            return Task.CompletedTask;
        };

        using var response = await _host.PostActivityAsync(Sample("invoke-adaptive-card-action.json").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"statusCode":403,"type":"application/vnd.microsoft.error","value":{"code":"Forbidden","message":"You cannot do that."}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_without_a_response_is_501_like_the_sdk()
    {
        using var response = await _host.PostActivityAsync(Sample("invoke-adaptive-card-action.json").ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal(1, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Invoke_with_expect_replies_answers_with_the_invoke_response()
    {
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            await turn.SendActivityAsync(Activity.CreateMessage("buffered"), ct);
            turn.InvokeResponse = AdaptiveCardInvokeResponses.Message("done");
        };
        var activity = Sample("invoke-adaptive-card-action.json");
        activity["deliveryMode"] = "expectReplies";

        using var response = await _host.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"done"}""",
            await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Bot_failure_is_500_and_logs_ids_but_no_text_or_names()
    {
        _host.Bot.OnTurn = (_, _) => throw new InvalidOperationException("bot failed");

        using var response = await _host.PostActivityAsync(Sample("message-personal.json").ToJsonString());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("1d895867-ed9a-406c-b090-56444c09036a", StringComparison.Ordinal));
        AssertNoPersonalData();
    }

    [Fact]
    public async Task Successful_turns_log_no_text_names_or_values()
    {
        await (await _host.PostActivityAsync(Sample("message-personal.json").ToJsonString())).Content.ReadAsStringAsync();
        await (await _host.PostActivityAsync(Sample("message-card-submit.json").ToJsonString())).Content.ReadAsStringAsync();
        await (await _host.PostActivityAsync(Sample("invoke-adaptive-card-action.json").ToJsonString())).Content.ReadAsStringAsync();

        Assert.Equal(3, _host.Bot.CallCount);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("0b1c3c0f-cda0-49bf-8a0c-dd603c4adf68", StringComparison.Ordinal));
        AssertNoPersonalData();
    }

    [Fact]
    public async Task Client_going_away_is_not_a_server_error()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == "Development"));
        services.AddTeamsProtocol(new ConfigurationBuilder().Build());
        var bot = new SpyBot { OnTurn = (_, ct) => Task.Delay(Timeout.Infinite, ct) };
        services.AddSingleton<IBot>(bot);
        await using var provider = services.BuildServiceProvider();
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestServices = provider, RequestAborted = aborted.Token };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Samples.Load("message-personal.json")));

        var handling = BotMessageHandler.HandleAsync(context);
        while (bot.CallCount == 0)
        {
            await Task.Delay(5);
        }

        await aborted.CancelAsync();
        await handling;

        Assert.NotEqual(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
    }

    private void AssertNoPersonalData()
    {
        string[] forbidden = ["show card", "Alex Wilber", "typed text", "Test Bot", "88f8e53b-0161-4f6e-9988-46847d753721"];
        foreach (var line in _host.Logs.Lines)
        {
            foreach (var word in forbidden)
            {
                Assert.DoesNotContain(word, line, StringComparison.Ordinal);
            }
        }
    }

    private string PaddedActivity(long totalBytes)
    {
        var activity = Sample("message-personal.json");
        activity["text"] = "";
        var baseLength = Encoding.UTF8.GetByteCount(activity.ToJsonString());
        activity["text"] = new string('x', (int)(totalBytes - baseLength));
        return activity.ToJsonString();
    }
}
