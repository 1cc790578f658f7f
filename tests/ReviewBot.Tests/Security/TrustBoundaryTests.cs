using System.Net;
using System.Text.Json.Nodes;
using ReviewBot.Bot;
using ReviewBot.Cards;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Security;

/// <summary>
/// The trust boundary of the real app against Azurite, every request signed as a channel would sign it:
/// channels it does not serve, senders without an Entra object id, tenants without a board, non-JSON bodies
/// and over-long commands change nothing and store nothing, and are told why where a person is waiting.
/// </summary>
public sealed class TrustBoundaryTests(SignedBotHost host) : IClassFixture<SignedBotHost>
{
    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task A_web_chat_token_with_a_chairs_object_id_changes_nothing_and_stores_nothing(string channel)
    {
        // Genuine token, endorsed for the channel; the client wrote its own from (the board chair's object id).
        var press = host.Invoke(Actors.BoardChair, CardVerbs.DecisionApprove, new JsonObject { ["caseRef"] = "SCR-2026-0001", ["version"] = "1" });
        press["channelId"] = channel;
        press["conversation"]!["id"] = "webchat-conversation-" + channel;
        var message = host.Activity("message", Actors.BoardChair, "my tasks");
        message["channelId"] = channel;
        message["conversation"]!["id"] = "webchat-conversation-" + channel;

        var (responses, before, after, calls) = await PostMeasuredAsync(press, message);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, after);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task A_teams_message_without_an_object_id_is_answered_and_changes_nothing()
    {
        var message = host.Activity("message", "oid-nobody", "refer");
        message["from"]!.AsObject().Remove("aadObjectId");

        var (responses, before, after, calls) = await PostMeasuredAsync(message);

        Assert.Equal(HttpStatusCode.OK, Assert.Single(responses).StatusCode);
        Assert.Equal(before, after);
        Assert.Equal([BotTexts.NoIdentity], Texts(calls));
    }

    [Theory]
    [InlineData("msteams")]
    [InlineData("outlook")]
    public async Task A_card_action_without_an_object_id_is_refused_with_a_clear_answer(string channel)
    {
        var press = host.Invoke(Actors.BoardChair, CardVerbs.TasksMine, []);
        press["channelId"] = channel;
        press["from"]!.AsObject().Remove("aadObjectId");

        var (responses, before, after, calls) = await PostMeasuredAsync(press);

        var response = Assert.Single(responses);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (channel == "outlook")
        {
            // Outlook presses are refused at the protocol layer, before any turn: an invoke error 401.
            Assert.Equal(401, body["statusCode"]!.GetValue<int>());
            Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal(BotTexts.NoIdentity, body["value"]!.GetValue<string>());
        }

        Assert.Equal(before, after);
        Assert.Empty(calls);
    }

    [Theory]
    [InlineData("refer")]
    [InlineData("help")]
    [InlineData("status SCR-2026-0001")]
    public async Task A_tenant_with_no_board_gets_its_answer_and_nothing_is_stored_for_it(string text)
    {
        var message = host.Activity("message", "oid-elsewhere", text);
        message["conversation"]!["id"] = "a:personal-other-tenant";
        message["conversation"]!["tenantId"] = "tenant-without-a-board";
        message["channelData"]!["tenant"]!["id"] = "tenant-without-a-board";
        var install = host.Activity("installationUpdate", "oid-elsewhere");
        install["action"] = "add";
        install["conversation"] = message["conversation"]!.DeepClone();
        install["channelData"] = message["channelData"]!.DeepClone();

        var (responses, before, after, calls) = await PostMeasuredAsync(message, install);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before, after);
        Assert.Equal([BotTexts.NoBoard, BotTexts.NoBoard], Texts(calls));
    }

    [Fact]
    public async Task Unknown_invoke_names_stay_501_for_a_tenant_with_no_board_and_store_nothing()
    {
        var invoke = host.Activity("invoke", "oid-elsewhere");
        invoke["name"] = "composeExtension/query";
        invoke["conversation"]!["tenantId"] = "tenant-without-a-board";
        invoke["channelData"]!["tenant"]!["id"] = "tenant-without-a-board";

        var (responses, before, after, calls) = await PostMeasuredAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, Assert.Single(responses).StatusCode);
        Assert.Equal(before, after);
        Assert.Empty(calls);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task A_simple_post_from_a_web_page_is_415_and_stores_nothing(string contentType)
    {
        var before = await StorageSnapshot.TakeAsync(host);

        using var response = await host.PostSignedAsync(host.Activity("message", Actors.Stranger + "-page", "refer").ToJsonString(), contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(host));
    }

    [Fact]
    public async Task A_command_over_four_thousand_characters_is_answered_that_it_is_too_long()
    {
        var (responses, before, after, calls) = await PostMeasuredAsync(host.Activity("message", Actors.BoardChair, "status " + new string('x', ChatCommands.MaxCommandLength)));

        Assert.Equal(HttpStatusCode.OK, Assert.Single(responses).StatusCode);
        Assert.Equal(before, after);
        Assert.Equal([BotTexts.MessageTooLong], Texts(calls));
    }

    [Fact]
    public async Task A_command_of_four_thousand_characters_is_still_read()
    {
        var text = "status SCR-2026-0001 " + new string(' ', ChatCommands.MaxCommandLength - 21);

        var (_, _, _, calls) = await PostMeasuredAsync(host.Activity("message", Actors.BoardChair, text));

        Assert.DoesNotContain(BotTexts.MessageTooLong, Texts(calls));
        Assert.NotEmpty(calls);
    }

    [Fact]
    public async Task An_action_submit_whose_verb_is_not_a_string_is_not_a_server_error()
    {
        var submit = host.Activity("message", Actors.BoardChair);
        submit["value"] = new JsonObject { ["verb"] = 42, ["caseRef"] = "SCR-2026-0001" };

        var (responses, before, after, _) = await PostMeasuredAsync(submit);

        Assert.Equal(HttpStatusCode.OK, Assert.Single(responses).StatusCode);
        Assert.Equal(before, after);
    }

    /// <summary>Posts each activity after the chair's address is stored; returns responses, snapshots and what was sent.</summary>
    private async Task<(List<HttpResponseMessage> Responses, IReadOnlyList<string> Before, IReadOnlyList<string> After, List<Testing.RecordedCall> Calls)> PostMeasuredAsync(params JsonObject[] activities)
    {
        (await host.PostSignedAsync(host.Activity("message", Actors.BoardChair, "help"))).EnsureSuccessStatusCode();
        var before = await StorageSnapshot.TakeAsync(host);
        var seen = host.Connector.Calls.Count;
        var responses = new List<HttpResponseMessage>();
        foreach (var activity in activities)
        {
            responses.Add(await host.PostSignedAsync(activity));
        }

        var after = await StorageSnapshot.TakeAsync(host);
        return (responses, before, after, [.. host.Connector.Calls.Skip(seen)]);
    }

    private static List<string> Texts(IEnumerable<Testing.RecordedCall> calls)
        => [.. calls.Select(c => c.Body?["text"]?.GetValue<string>() ?? "(card)")];
}
