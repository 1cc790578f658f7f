using System.Security.Claims;
using System.Text.Json;
using Moq;
using ReviewBot.Teams.Tests.Infrastructure;

namespace ReviewBot.Teams.Tests;

public class TurnContextTests
{
    private static Activity Incoming(string sample = "message-personal.json") =>
        JsonSerializer.Deserialize<Activity>(Samples.Load(sample), TeamsJson.Options)!;

    [Fact]
    public async Task Send_replies_to_the_incoming_activity_through_the_connector()
    {
        var connector = new Mock<IConnectorClient>(MockBehavior.Strict);
        var incoming = Incoming();
        connector.Setup(c => c.ReplyToActivityAsync(incoming, It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("r1"));
        var turn = new TurnContext(incoming, new ClaimsIdentity(), connector.Object);
        var reply = Activity.CreateMessage("hello");

        var result = await turn.SendActivityAsync(reply);

        Assert.Equal("r1", result?.Id);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.Equal(incoming.Recipient!.Id, reply.From!.Id);
        Assert.Equal(incoming.From!.Id, reply.Recipient!.Id);
        Assert.Equal(incoming.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(incoming.ServiceUrl, reply.ServiceUrl);
        Assert.Empty(turn.BufferedReplies);
    }

    [Fact]
    public async Task Incoming_activity_without_an_id_sends_to_the_conversation()
    {
        var connector = new Mock<IConnectorClient>(MockBehavior.Strict);
        var incoming = Incoming();
        incoming.Id = null;
        connector.Setup(c => c.SendToConversationAsync(It.IsAny<ConversationReference>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("s1"));
        var turn = new TurnContext(incoming, new ClaimsIdentity(), connector.Object);

        var result = await turn.SendActivityAsync(Activity.CreateMessage("hello"));

        Assert.Equal("s1", result?.Id);
        connector.Verify(c => c.SendToConversationAsync(turn.Reference, It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Explicit_reply_to_id_targets_that_message()
    {
        var connector = new Mock<IConnectorClient>();
        Activity? target = null;
        connector.Setup(c => c.ReplyToActivityAsync(It.IsAny<Activity>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<Activity, Activity, CancellationToken>((original, _, _) => target = original)
            .ReturnsAsync(new ResourceResponse("r2"));
        var turn = new TurnContext(Incoming("invoke-adaptive-card-action.json"), new ClaimsIdentity(), connector.Object);
        var reply = Activity.CreateMessage("under the card");
        reply.ReplyToId = turn.Activity.ReplyToId;

        await turn.SendActivityAsync(reply);

        Assert.Equal("1795465642642", target?.Id);
        Assert.Equal(turn.Activity.Conversation!.Id, target?.Conversation?.Id);
    }

    [Fact]
    public async Task Expect_replies_buffers_with_generated_ids_and_never_calls_the_connector()
    {
        var connector = new Mock<IConnectorClient>(MockBehavior.Strict);
        var incoming = Incoming();
        incoming.DeliveryMode = DeliveryModes.ExpectReplies;
        var turn = new TurnContext(incoming, new ClaimsIdentity(), connector.Object);

        var first = await turn.SendActivityAsync(Activity.CreateMessage("one"));
        var second = await turn.SendActivityAsync(Activity.CreateMessage("two"));

        Assert.True(turn.IsBufferingReplies);
        Assert.Equal(["one", "two"], turn.BufferedReplies.Select(a => a.Text));
        Assert.Equal([first!.Id, second!.Id], turn.BufferedReplies.Select(a => a.Id));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Update_goes_to_the_connector_with_the_activity_id()
    {
        var connector = new Mock<IConnectorClient>();
        var turn = new TurnContext(Incoming(), new ClaimsIdentity(), connector.Object);
        var card = Activity.CreateMessage("updated");

        await turn.UpdateActivityAsync("1795465642642", card);

        connector.Verify(c => c.UpdateActivityAsync(turn.Reference, "1795465642642", card, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("1795465642642", card.Id);
        Assert.Null(card.ReplyToId);
    }

    [Fact]
    public void Turn_exposes_the_reference_of_the_incoming_activity()
    {
        var incoming = Incoming();

        var turn = new TurnContext(incoming, new ClaimsIdentity(), Mock.Of<IConnectorClient>());

        Assert.Equal(incoming.GetConversationReference(), turn.Reference);
        Assert.Null(turn.InvokeResponse);
    }
}
