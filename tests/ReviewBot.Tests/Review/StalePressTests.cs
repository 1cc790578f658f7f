using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Review;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Review;

/// <summary>
/// A button pressed on a card that was out of date changes nothing, and the card put in its place says so at its
/// top: an Action.Execute is answered with one card and no message, so without the words the press would look done.
/// </summary>
public sealed class StalePressTests(ReviewEnvironment env) : IClassFixture<ReviewEnvironment>
{
    private const string NothingChanged = "This card was out of date, so nothing changed.";

    [Fact]
    public async Task Moving_a_stage_on_from_an_out_of_date_stage_card_changes_nothing_and_the_card_says_so()
    {
        var c = await AgreedAsync();
        var answer = await PressWithVersionAsync(CardVerbs.ReviewAdvance, c.Reference.Value, c.Version - 1, new JsonObject { ["stage"] = "ReviewTeam", ["team"] = "Bea Manager (review team)" });

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]!.GetValue<string>());
        Assert.Contains(NothingChanged, answer["value"]!["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ReviewStage.ReviewTeam, (await env.CaseAsync(c.Reference)).Review!.Stage);

        // Pressed on the card as it now stands, the same button moves the stage on, and the card has no such words.
        answer = await PressWithVersionAsync(CardVerbs.ReviewAdvance, c.Reference.Value, (await env.CaseAsync(c.Reference)).Version, new JsonObject { ["stage"] = "ReviewTeam", ["team"] = "Bea Manager (review team)" });
        Assert.DoesNotContain(NothingChanged, answer.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(ReviewStage.TermsOfReference, (await env.CaseAsync(c.Reference)).Review!.Stage);
    }

    [Fact]
    public async Task Ticking_a_task_on_an_out_of_date_checklist_changes_nothing_and_the_checklist_says_so()
    {
        var c = await AgreedAsync();
        var task = c.Tasks.First(t => t.DoneAt is null);
        var answer = await PressWithVersionAsync(CardVerbs.TaskTick, c.Reference.Value, c.Version - 1, new JsonObject { ["taskId"] = task.Id });

        Assert.Contains(NothingChanged, answer["value"]!["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await env.CaseAsync(c.Reference)).Tasks.Single(t => t.Id == task.Id).DoneAt);
    }

    private async Task<Core.Cases.ReviewCase> AgreedAsync()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, Actors.Referrer);
        return await env.AgreedReviewAsync();
    }

    private async Task<JsonObject> PressWithVersionAsync(string verb, string reference, long version, JsonObject data)
    {
        data["caseRef"] = reference;
        data["version"] = version.ToString(CultureInfo.InvariantCulture);
        var response = await env.Host.PostAsync(env.Host.Invoke(Actors.BusinessManager, verb, data));
        response.EnsureSuccessStatusCode();
        await env.Host.AfterResponsesAsync();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
