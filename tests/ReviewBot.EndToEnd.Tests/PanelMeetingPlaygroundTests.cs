using System.Text.Json.Nodes;
using ReviewBot.Cards;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>
/// An extraordinary panel meeting through the Agents Playground, the bot as a process and the Graph stand-in:
/// "Call a panel meeting" → the slot card → Pick → one Teams meeting in the board mailbox with the panel → a
/// decline shows on the case card.
/// </summary>
public sealed class PanelMeetingPlaygroundTests(BotEnvironment environment) : IClassFixture<BotEnvironment>
{
    private const string Megan = "meganb@example.com";

    [Fact]
    public async Task A_panel_meeting_is_called_picked_booked_with_the_panel_and_a_decline_shows_on_the_case_card()
    {
        await using var playground = await environment.NewPlaygroundAsync();
        var (reference, recommendation) = await CaseJourney.ReferAsync(playground);

        // Alex (sub-group chair and business manager in the demo board) calls the meeting on the case card.
        var mark = playground.Messages.Count;
        var called = await playground.InvokeAsync(recommendation.ConversationId, recommendation.MessageId, CardVerbs.RecommendationPanel, new JsonObject
        {
            ["caseRef"] = reference,
            ["version"] = Conversation.DataValue(recommendation.Card!, "version"),
        });
        Assert.Equal("application/vnd.microsoft.card.adaptive", called?["type"]?.GetValue<string>());

        var slots = await playground.WaitForBotMessageAsync(m => m.Action == "createMessage" && m.AllText.Contains(CardVerbs.MeetingPick, StringComparison.Ordinal) && m.AllText.Contains(reference, StringComparison.Ordinal), mark);
        var slotId = Conversation.DataValue(slots.Card!, "slotId")!;
        var picked = await playground.InvokeAsync(slots.ConversationId, slots.MessageId, CardVerbs.MeetingPick, new JsonObject
        {
            ["caseRef"] = reference,
            ["version"] = Conversation.DataValue(slots.Card!, "version"),
            ["slotId"] = slotId,
            ["panel"] = FindValue(slots.Card!, "panel"),
            ["durationMinutes"] = "90",
        });
        Assert.Contains("Sending the invite", picked!.ToJsonString(), StringComparison.Ordinal);

        // The stand-in holds one Teams meeting, organised by the board mailbox, with the panel as attendees.
        var held = await Waiting.ForAsync(async () => (await environment.Graph.EventsAsync()).SingleOrDefault(e => e.Subject?.StartsWith(reference, StringComparison.Ordinal) == true));
        Assert.Single(await environment.Graph.EventsAsync());
        Assert.Equal("safeguarding-board@example.org", held.Organizer?.EmailAddress?.Address);
        Assert.Equal([Megan, "adelev@example.com", "alexw@example.com"], held.Attendees!.Select(a => a.EmailAddress!.Address));
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", held.OnlineMeeting?.JoinUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferralAnswers.ChildName, held.Subject + held.Body?.Content, StringComparison.Ordinal);

        // Megan declines in Outlook: the case card (updated in place) shows it.
        mark = playground.Messages.Count;
        await environment.Graph.RespondAsync(held.Id!, Megan, "declined");
        await playground.WaitForBotMessageAsync(m => m.Action == "updateMessage" && m.MessageId == recommendation.MessageId
            && m.AllText.Contains("Megan Bowen (Police Child Abuse Investigation Team): Declined", StringComparison.Ordinal), mark, TimeSpan.FromSeconds(60));
    }

    // The card's input value (the panel as the business manager sees it preselected).
    private static string? FindValue(JsonNode node, string inputId) => node switch
    {
        JsonObject o when o["id"]?.GetValue<string>() == inputId => o["value"]?.GetValue<string>(),
        JsonObject o => o.Select(p => p.Value is null ? null : FindValue(p.Value, inputId)).FirstOrDefault(v => v is not null),
        JsonArray a => a.Select(i => i is null ? null : FindValue(i, inputId)).FirstOrDefault(v => v is not null),
        _ => null,
    };
}
