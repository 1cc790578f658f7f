using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ReviewBot.Teams.Tests.Infrastructure;

namespace ReviewBot.Teams.Tests;

/// <summary>
/// What the endpoint refuses before any turn runs: channels it does not serve, bodies that are not JSON,
/// duplicate keys, and <c>adaptiveCard/action</c> invokes of the wrong shape (400 as the SDKs answer, not 501).
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private LocalHttpServer _connector = null!;
    private BotHost _host = null!;

    private string ConnectorUrl => new Uri(_connector.BaseAddress, "_connector").ToString();

    public async Task InitializeAsync()
    {
        _connector = await LocalHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"1"}""");
        });
        _host = await BotHost.StartAsync(new Dictionary<string, string?>(), environment: "Development");
        _host.Bot.OnTurn = (turn, _) =>
        {
            turn.InvokeResponse ??= turn.Activity.Type == ActivityTypes.Invoke ? new InvokeResponse(200) : null;
            return Task.CompletedTask;
        };
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private JsonObject Invoke()
    {
        var activity = Samples.LoadObject("invoke-adaptive-card-action.json");
        activity["serviceUrl"] = ConnectorUrl;
        return activity;
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await _host.Client.SendAsync(request);
    }

    private async Task AssertInvokeBadRequestAsync(JsonObject invoke)
    {
        using var response = await PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal(AdaptiveCardInvokeResponses.ErrorType, body["type"]!.GetValue<string>());
        Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["value"]!["message"]!.GetValue<string>()));
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonp")]
    [InlineData("")]
    public async Task Anything_but_application_json_is_415(string contentType)
    {
        // A web page can post text/plain or a form to a local bot without a CORS preflight.
        using var response = await PostAsync(Invoke().ToJsonString(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    public async Task Application_json_with_or_without_charset_is_accepted(string contentType)
    {
        using var response = await PostAsync(Invoke().ToJsonString(), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _host.Bot.CallCount);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("MSTEAMS")]
    public async Task Channels_other_than_teams_are_403_and_run_no_turn(string channel)
    {
        var activity = Samples.LoadObject("message-personal.json");
        activity["serviceUrl"] = ConnectorUrl;
        activity["channelId"] = channel;

        using var response = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _host.Bot.CallCount);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Duplicate_keys_anywhere_are_400()
    {
        var json = Invoke().ToJsonString().Replace("\"verb\":\"increment\"", "\"verb\":\"increment\",\"verb\":\"decision.approve\"", StringComparison.Ordinal);
        Assert.Contains("decision.approve", json, StringComparison.Ordinal);

        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Duplicate_top_level_keys_are_400()
    {
        var json = Invoke().ToJsonString().Replace("\"channelId\":\"msteams\"", "\"channelId\":\"msteams\",\"channelId\":\"webchat\"", StringComparison.Ordinal);

        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _host.Bot.CallCount);
    }

    [Fact]
    public async Task Card_action_without_a_value_is_an_invoke_error_400()
    {
        var invoke = Invoke();
        invoke.Remove("value");
        await AssertInvokeBadRequestAsync(invoke);
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task Card_action_whose_value_is_not_an_object_is_an_invoke_error_400(string value)
    {
        var invoke = Invoke();
        invoke["value"] = JsonNode.Parse(value);
        await AssertInvokeBadRequestAsync(invoke);
    }

    [Theory]
    [InlineData("Action.Submit")]
    [InlineData("Action.OpenUrl")]
    [InlineData("")]
    public async Task Card_action_that_is_not_action_execute_is_an_invoke_error_400(string type)
    {
        var invoke = Invoke();
        invoke["value"]!["action"]!["type"] = type;
        await AssertInvokeBadRequestAsync(invoke);
    }

    [Fact]
    public async Task Card_action_without_an_action_is_an_invoke_error_400()
    {
        var invoke = Invoke();
        invoke["value"]!.AsObject().Remove("action");
        await AssertInvokeBadRequestAsync(invoke);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("{\"x\":1}")]
    [InlineData("[\"decision.approve\"]")]
    [InlineData("null")]
    [InlineData("\"\"")]
    public async Task Card_action_with_a_verb_that_is_not_a_string_is_an_invoke_error_400(string verb)
    {
        var invoke = Invoke();
        invoke["value"]!["action"]!["verb"] = JsonNode.Parse(verb);
        await AssertInvokeBadRequestAsync(invoke);
    }

    [Fact]
    public async Task Card_action_with_data_that_is_not_an_object_is_an_invoke_error_400()
    {
        var invoke = Invoke();
        invoke["value"]!["action"]!["data"] = "caseRef=SCR-2026-0001";
        await AssertInvokeBadRequestAsync(invoke);
    }

    [Fact]
    public async Task Unknown_invoke_names_still_reach_the_bot_and_stay_501_when_unanswered()
    {
        _host.Bot.OnTurn = null;
        var invoke = Invoke();
        invoke["name"] = "composeExtension/query";
        invoke["value"] = "anything";

        using var response = await PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal(1, _host.Bot.CallCount);
    }
}
