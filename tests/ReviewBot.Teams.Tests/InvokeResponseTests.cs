using System.Text.Json.Nodes;

namespace ReviewBot.Teams.Tests;

public class InvokeResponseTests
{
    [Fact]
    public void Card_response_has_the_universal_action_shape()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };

        var response = AdaptiveCardInvokeResponses.Card(card);

        Assert.Equal(200, response.Status);
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","version":"1.5"}}""",
            response.Body!.ToJsonString());
    }

    [Fact]
    public void A_card_already_in_another_tree_is_copied()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard" };
        _ = new JsonObject { ["card"] = card };

        var response = AdaptiveCardInvokeResponses.Card(card);

        Assert.Equal("AdaptiveCard", response.Body!["value"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Message_response_has_the_message_shape()
    {
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved"}""",
            AdaptiveCardInvokeResponses.Message("Saved").Body!.ToJsonString());
    }

    [Fact]
    public void Error_response_has_the_error_shape()
    {
        var response = AdaptiveCardInvokeResponses.Error(412, "PreconditionFailed", "The case changed; refresh.");

        Assert.Equal(200, response.Status);
        Assert.Equal(
            """{"statusCode":412,"type":"application/vnd.microsoft.error","value":{"code":"PreconditionFailed","message":"The case changed; refresh."}}""",
            response.Body!.ToJsonString());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(399)]
    [InlineData(600)]
    public void Error_status_must_be_an_error(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveCardInvokeResponses.Error(status, "c", "m"));
    }
}
