using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewBot.Teams.Tests.Infrastructure;

namespace ReviewBot.Teams.Tests;

public class ActivityModelTests
{
    private static Activity Deserialize(string json) => JsonSerializer.Deserialize<Activity>(json, TeamsJson.Options)!;

    private static JsonObject Serialize(Activity activity) => JsonSerializer.SerializeToNode(activity, TeamsJson.Options)!.AsObject();

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Every_sample_round_trips_with_all_fields_kept(string sample)
    {
        var original = Samples.LoadObject(sample);

        var activity = Deserialize(original.ToJsonString());
        var written = Serialize(activity);

        AssertJsonEquivalent(original, written, "$");
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Every_sample_has_the_routing_fields_and_yields_a_reference(string sample)
    {
        var activity = Deserialize(Samples.Load(sample));

        var reference = activity.GetConversationReference();

        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("http://localhost:46455/_connector", reference.ServiceUrl);
        Assert.Equal("88f8e53b-0161-4f6e-9988-46847d753721", reference.ConversationId);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", reference.TenantId);
        Assert.Equal("00000000-0000-0000-0000-00000000000011", reference.BotId);
        Assert.Equal("user-id-0", reference.UserId);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", reference.UserAadObjectId);
        Assert.True(activity.IsPersonalConversation);
    }

    [Fact]
    public void Unknown_fields_are_kept_at_every_level()
    {
        var json = """
            {"type":"message","id":"1","futureField":{"a":[1,2]},"from":{"id":"29:x","userRole":"user"},
             "conversation":{"id":"c","conversationType":"channel","extra":true},"recipient":{"id":"28:b"},
             "attachments":[{"contentType":"image/png","contentUrl":"https://example.test/a.png"}],
             "channelData":{"tenant":{"id":"t"},"eventType":"teamRenamed"},"importance":"high"}
            """;

        var activity = Deserialize(json);
        var written = Serialize(activity);

        Assert.Equal("""{"a":[1,2]}""", written["futureField"]!.ToJsonString());
        Assert.Equal("high", written["importance"]!.GetValue<string>());
        Assert.Equal("user", written["from"]!["userRole"]!.GetValue<string>());
        Assert.True(written["conversation"]!["extra"]!.GetValue<bool>());
        Assert.Equal("https://example.test/a.png", written["attachments"]![0]!["contentUrl"]!.GetValue<string>());
        Assert.Equal("teamRenamed", written["channelData"]!["eventType"]!.GetValue<string>());
    }

    [Fact]
    public void Nulls_are_omitted_and_names_are_camel_case()
    {
        var written = Serialize(new Activity { Type = ActivityTypes.Message, Text = "hi", ReplyToId = null });

        Assert.Equal("""{"type":"message","text":"hi"}""", written.ToJsonString());
    }

    [Fact]
    public void Ids_that_look_like_guids_but_are_not_are_kept_verbatim()
    {
        var activity = Deserialize(Samples.Load("message-personal.json"));

        Assert.Equal("00000000-0000-0000-0000-0000000000020", activity.From!.AadObjectId);
        Assert.False(Guid.TryParse(activity.From.AadObjectId, out _));
        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.GetTenantId());
    }

    [Fact]
    public void Invoke_sample_is_read_as_an_adaptive_card_action()
    {
        var activity = Deserialize(Samples.Load("invoke-adaptive-card-action.json"));

        Assert.True(activity.TryGetAdaptiveCardAction(out var action));
        Assert.Equal("increment", action.Verb);
        Assert.Equal(0, action.Data["counter"]!.GetValue<int>());
        Assert.Equal("typed text", action.Data["comment"]!.GetValue<string>());
        Assert.Equal("manual", action.Trigger);
        Assert.Equal("Action.Execute", action.ActionType);
        Assert.False(action.IsAutomatic);
        Assert.Equal("1795465642642", activity.ReplyToId);
    }

    [Theory]
    [InlineData("message-card-submit.json")]
    [InlineData("message-personal.json")]
    [InlineData("installation-update.json")]
    public void Other_samples_are_not_adaptive_card_actions(string sample)
    {
        Assert.False(Deserialize(Samples.Load(sample)).TryGetAdaptiveCardAction(out _));
    }

    [Fact]
    public void Adaptive_card_action_without_data_has_empty_data_and_without_verb_is_rejected()
    {
        var noData = Deserialize("""{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"refresh"},"trigger":"automatic"}}""");
        var noVerb = Deserialize("""{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","data":{}}}}""");
        var otherInvoke = Deserialize("""{"type":"invoke","name":"composeExtension/query","value":{"action":{"verb":"x"}}}""");

        Assert.True(noData.TryGetAdaptiveCardAction(out var action));
        Assert.Empty(action.Data);
        Assert.True(action.IsAutomatic);
        Assert.False(noVerb.TryGetAdaptiveCardAction(out _));
        Assert.False(otherInvoke.TryGetAdaptiveCardAction(out _));
    }

    [Fact]
    public void Card_submit_sample_carries_value_and_reply_to_id_without_text()
    {
        var activity = Deserialize(Samples.Load("message-card-submit.json"));

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal("submit", activity.Value!.Value.GetProperty("kind").GetString());
        Assert.Equal("1795465642642", activity.ReplyToId);
    }

    [Fact]
    public void Lifecycle_samples_expose_members_and_action()
    {
        var update = Deserialize(Samples.Load("conversation-update-members-added.json"));
        var install = Deserialize(Samples.Load("installation-update.json"));

        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal(["user-id-0", "00000000-0000-0000-0000-00000000000011"], update.MembersAdded!.Select(m => m.Id));
        Assert.Equal(ActivityTypes.InstallationUpdate, install.Type);
        Assert.Equal("add", install.Action);
        Assert.Equal("clientInfo", install.Entities![0]["type"]!.GetValue<string>());
    }

    [Fact]
    public void Teams_channel_data_gives_tenant_team_and_channel()
    {
        var activity = Deserialize("""
            {"type":"message","id":"1795465642642","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",
             "from":{"id":"29:user","aadObjectId":"aad-1"},"recipient":{"id":"28:bot","name":"ReviewBot"},
             "conversation":{"id":"19:abc@thread.tacv2;messageid=1795465642642","conversationType":"channel","isGroup":true,"tenantId":"conv-tenant"},
             "channelData":{"tenant":{"id":"cd-tenant"},"team":{"id":"19:team@thread.tacv2"},"channel":{"id":"19:abc@thread.tacv2"}}}
            """);

        Assert.Equal("cd-tenant", activity.GetTenantId());
        Assert.Equal("19:team@thread.tacv2", activity.GetTeamId());
        Assert.Equal("19:abc@thread.tacv2", activity.GetChannelId());
        Assert.False(activity.IsPersonalConversation);

        var reference = activity.GetConversationReference();
        Assert.Equal(new ConversationReference(
            "https://smba.trafficmanager.net/emea/", "msteams", "19:abc@thread.tacv2;messageid=1795465642642", "channel",
            "cd-tenant", "28:bot", "ReviewBot", "29:user", "aad-1", "19:team@thread.tacv2", "19:abc@thread.tacv2"), reference);
    }

    [Fact]
    public void Tenant_falls_back_to_the_conversation_when_channel_data_has_none()
    {
        var activity = Deserialize("""{"type":"message","conversation":{"id":"c","tenantId":"conv-tenant"},"channelData":{"x":1}}""");

        Assert.Equal("conv-tenant", activity.GetTenantId());
        Assert.Null(activity.GetTeamId());
        Assert.Null(activity.GetChannelId());
    }

    [Fact]
    public void Conversation_reference_requires_the_routing_fields()
    {
        Assert.Throws<InvalidOperationException>(() => new Activity { ChannelId = "msteams", Conversation = new("c") }.GetConversationReference());
        Assert.Throws<InvalidOperationException>(() => new Activity { ServiceUrl = "https://s/", Conversation = new("c") }.GetConversationReference());
        Assert.Throws<InvalidOperationException>(() => new Activity { ServiceUrl = "https://s/", ChannelId = "msteams" }.GetConversationReference());
    }

    [Fact]
    public void Conversation_reference_survives_storage_as_json()
    {
        var reference = Deserialize(Samples.Load("message-personal.json")).GetConversationReference();

        var json = JsonSerializer.Serialize(reference, TeamsJson.Options);
        var back = JsonSerializer.Deserialize<ConversationReference>(json, TeamsJson.Options);

        Assert.Equal(reference, back);
        Assert.Contains("\"conversationId\":\"88f8e53b-0161-4f6e-9988-46847d753721\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_reply_swaps_sender_and_recipient_and_keeps_routing()
    {
        var incoming = Deserialize(Samples.Load("message-personal.json"));

        var reply = incoming.CreateReply("hello");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("hello", reply.Text);
        Assert.Equal(incoming.Recipient!.Id, reply.From!.Id);
        Assert.Equal("Test Bot", reply.From.Name);
        Assert.Equal(incoming.From!.Id, reply.Recipient!.Id);
        Assert.Equal(incoming.Conversation!.Id, reply.Conversation!.Id);
        Assert.NotSame(incoming.Conversation, reply.Conversation);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.Equal(incoming.ServiceUrl, reply.ServiceUrl);
        Assert.Equal(incoming.ChannelId, reply.ChannelId);
        Assert.Equal("en-US", reply.Locale);
    }

    [Fact]
    public void Create_message_and_card()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };

        var message = Activity.CreateMessage("text");
        var cardActivity = Activity.CreateCard(card);
        var written = Serialize(cardActivity);

        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Equal("text", message.Text);
        Assert.Equal("application/vnd.microsoft.card.adaptive", written["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", written["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
        Assert.Equal("message", written["type"]!.GetValue<string>());
    }

    [Fact]
    public void Expect_replies_is_recognised()
    {
        Assert.True(new Activity { DeliveryMode = "expectReplies" }.IsExpectReplies);
        Assert.False(new Activity { DeliveryMode = "normal" }.IsExpectReplies);
        Assert.False(new Activity().IsExpectReplies);
    }

    /// <summary>
    /// Deep JSON equality, order-insensitive for object members; timestamps compare as instants with their offsets
    /// (System.Text.Json writes "Z" as "+00:00").
    /// </summary>
    private static void AssertJsonEquivalent(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual);
                Assert.True(
                    expectedObject.Select(p => p.Key).Order().SequenceEqual(actualObject.Select(p => p.Key).Order()),
                    $"{path}: members differ: [{string.Join(",", expectedObject.Select(p => p.Key))}] vs [{string.Join(",", actualObject.Select(p => p.Key))}]");
                foreach (var (name, value) in expectedObject)
                {
                    AssertJsonEquivalent(value, actualObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.Equal(expectedArray.Count, actualArray.Count);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertJsonEquivalent(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.NotNull(actual);
                if (path.EndsWith("imestamp", StringComparison.Ordinal))
                {
                    var e = DateTimeOffset.Parse(expected.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                    var a = DateTimeOffset.Parse(actual.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(e.EqualsExact(a), $"{path}: {e:o} vs {a:o}");
                }
                else
                {
                    Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: {expected.ToJsonString()} vs {actual.ToJsonString()}");
                }

                break;
        }
    }
}
