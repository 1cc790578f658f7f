using System.Globalization;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Review;

/// <summary>
/// The follow-up checklist sent when the review is agreed refreshes for the people it was sent to, so a task added
/// later (publication's notice to the national panel) can be ticked on it rather than answered "out of date".
/// </summary>
public sealed class ChecklistRefreshTests(ReviewEnvironment env) : IClassFixture<ReviewEnvironment>
{
    [Fact]
    public async Task The_checklist_refreshes_for_the_business_manager_to_the_case_as_it_stands()
    {
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair, Actors.Referrer);
        var c = await env.AgreedReviewAsync();
        var sent = Assert.Single(await env.TeamsToAsync(Actors.BusinessManager, c.Reference.Value, CardVerbs.TaskTick));
        var refresh = sent.Body!["attachments"]![0]!["content"]!["refresh"]!;
        Assert.Equal((CardVerbs.CaseRefresh, "checklist"), (refresh["action"]!["verb"]!.GetValue<string>(), refresh["action"]!["data"]!["card"]!.GetValue<string>()));
        Assert.Contains(Actors.BusinessManager, refresh["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));

        // The case moves on (its version with it); the refresh shows the checklist at the version it now has.
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ReviewAdvance, c, new JsonObject { ["stage"] = "ReviewTeam", ["team"] = "Bea Manager (review team)" });
        var shown = JsonNode.Parse(await env.AnswerAsync(Actors.BusinessManager, CardVerbs.CaseRefresh, c, new JsonObject { ["card"] = "checklist" }))!;
        Assert.Equal(c.Version.ToString(CultureInfo.InvariantCulture), shown["refresh"]!["action"]!["data"]!["version"]!.ToString());
        Assert.Contains(CardVerbs.TaskTick, shown.ToJsonString(), StringComparison.Ordinal);
    }
}
