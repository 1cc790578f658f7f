using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Testing;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Imr;

/// <summary>
/// People who never opened ReviewBot: the install is tried through Graph (the stand-in) before the 1:1 message.
/// Where the tenant refuses it (403), the author is reached by Outlook alone, and the case card says so.
/// </summary>
public sealed class ImrInstallRefusedTests(ImrEnvironment env) : IClassFixture<ImrEnvironment>
{
    private const string Police = "police";
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task An_author_whose_install_is_refused_gets_mail_only_and_the_case_card_says_outlook_alone()
    {
        await env.Graph.RefuseInstallAsync(ImrPeople.Author);
        await env.GreetAsync(Actors.BusinessManager, Actors.SubGroupChair, Actors.BoardChair); // neither the author nor the panel member opened the app
        var c = await env.AgreedReviewAsync();

        // Allowed: the panel member gets ReviewBot installed through Graph, then the card in a new 1:1 chat.
        Assert.Contains(await env.Graph.RequestsAsync(), r => r.Method == "POST" && r.Path.Contains($"/users/{ImrPeople.PanelMember}/teamwork/installedApps", StringComparison.Ordinal));
        Assert.Single(await env.TeamsToAsync(ImrPeople.PanelMember, $"\"{CardVerbs.ImrSubmit}\""));

        // Refused: the install was asked for, no chat is opened, the request goes by mail, and the case records it.
        c = await env.PressAsync(Actors.BusinessManager, CardVerbs.ImrEdit, c, new JsonObject { ["agencyId"] = Police, ["author"] = ImrPeople.Author, ["panelMember"] = ImrPeople.PanelMember, ["dueOn"] = "2026-12-30" });
        await Eventually.HoldsAsync(() => env.CaseAsync(c.Reference).GetAwaiter().GetResult().ImrRequests[0].OutlookOnly.Count == 1, 30, "The refusal was not recorded on the case.");
        c = await env.CaseAsync(c.Reference);
        Assert.Equal([ImrPeople.Author], c.ImrRequests[0].OutlookOnly);
        Assert.Contains(await env.Graph.RequestsAsync(), r => r.Method == "POST" && r.Path.Contains($"/users/{ImrPeople.Author}/teamwork/installedApps", StringComparison.Ordinal));
        Assert.Empty(OpenedChatsWith(ImrPeople.Author));
        Assert.Single(await env.MailsAsync($"IMR request: {c.Reference}"));

        // The business manager's IMR card (updated in place) and status both say how the author is reached.
        const string Reach = "Teams refused to install ReviewBot for Ian Author: reached by Outlook alone.";
        await Eventually.HoldsAsync(() => env.Connector.Calls.Any(call => call.Method == "PUT" && call.Path.Contains("a:personal-" + Actors.BusinessManager, StringComparison.Ordinal)
            && Text(call).Contains(Reach, StringComparison.Ordinal) && Text(call).Contains(CardVerbs.ImrEdit, StringComparison.Ordinal)), 30, "The IMR card was not updated.");
        (await env.Host.PostAsync(env.Host.Activity("message", Actors.BusinessManager, $"status {c.Reference}"))).EnsureSuccessStatusCode();
        Assert.Contains(Reach, Text(env.Connector.Calls.Last(call => call.Path.Contains("a:personal-" + Actors.BusinessManager, StringComparison.Ordinal))), StringComparison.Ordinal);

        // Reminders go by mail alone, still once each.
        await env.ExpectRemindersAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14), new() { [new DateOnly(2026, 12, 14)] = [ImrPeople.AuthorMail] });
        Assert.Empty(OpenedChatsWith(ImrPeople.Author));
        Assert.Equal([ImrPeople.Author], (await env.CaseAsync(c.Reference)).ImrRequests[0].OutlookOnly);
    }

    private List<RecordedCall> OpenedChatsWith(string objectId)
        => [.. env.Connector.Calls.Where(call => call.Method == "POST" && call.Path.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal)
            && Text(call).Contains(objectId, StringComparison.Ordinal))];

    private static string Text(RecordedCall call) => call.Body?.ToJsonString(Readable) ?? string.Empty;
}
