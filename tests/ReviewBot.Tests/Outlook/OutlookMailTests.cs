using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Intake;
using ReviewBot.Ports;
using ReviewBot.Core.Referrals;
using ReviewBot.GraphStandIn;
using ReviewBot.Testing;
using ReviewBot.Tests.Bot;
using ReviewBot.Tests.Cards;

namespace ReviewBot.Tests.Outlook;

/// <summary>The app with Outlook configured, mailing through the Graph stand-in from the demo board's mailbox.</summary>
public sealed class OutlookBotHost(string graphBaseUrl) : BotHost
{
    public const string BoardMailbox = "safeguarding-board@example.org"; // a user of the stand-in (demo-board.json)

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Graph:BaseUrl"] = graphBaseUrl,
        ["Outlook:OriginatorId"] = OutlookCardsFixture.OriginatorId,
    };

    protected override Core.Boards.BoardConfiguration SeededBoard => Board with { BoardMailbox = BoardMailbox };
}

/// <summary>The Graph stand-in first, then the app pointed at it.</summary>
public sealed class OutlookEnvironment : IAsyncLifetime
{
    public GraphStandInFixture Graph { get; } = new();

    public OutlookBotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Graph.InitializeAsync();
        Host = new OutlookBotHost(Graph.GraphBaseUrl);
        await Host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Host).DisposeAsync();
        await Graph.DisposeAsync();
    }
}

/// <summary>
/// Outlook actionable messages end to end in the host: the decision card mailed by Graph (what the stand-in
/// stored), and Outlook's invokes (channel <c>outlook</c>) authorised exactly as Teams ones are.
/// </summary>
public sealed class OutlookMailTests(OutlookEnvironment outlook) : IClassFixture<OutlookEnvironment>
{
    private const string ChildName = "Outlook Testchild";
    private const string Narrative = "Narrative that only the parties may read.";

    private OutlookBotHost Host => outlook.Host;

    [Fact]
    public async Task The_decision_card_is_mailed_to_the_chair_from_the_board_mailbox_as_a_1_4_actionable_message()
    {
        var awaiting = await AwaitingDecisionAsync();

        var mail = await MailAboutAsync(awaiting.Reference);

        Assert.Equal(OutlookBotHost.BoardMailbox, mail.From);
        Assert.Equal(["chris@example.org"], mail.To);
        Assert.Equal($"Decision needed: {awaiting.Reference}", mail.Subject);
        Assert.True(mail.SaveToSentItems);
        Assert.DoesNotContain(ChildName, mail.Subject, StringComparison.Ordinal);
        var card = CardIn(mail.Body);
        Assert.Equal("1.4", (string?)card["version"]);
        Assert.Equal(OutlookCardsFixture.OriginatorId, (string?)card["originator"]);
        Assert.All(Actions(card), a => Assert.Equal("Action.Execute", (string?)a["type"]));
        Assert.Equal([CardVerbs.DecisionApprove, CardVerbs.DecisionDecline, CardVerbs.DecisionMoreInfo], Actions(card).Select(a => (string?)a["verb"]));
        Assert.Equal(awaiting.Reference.Value, (string?)card["refresh"]!["action"]!["data"]!["caseRef"]);
        Assert.Null(card["refresh"]!["userIds"]);
        var official = OfficialAdaptiveCards.Run([new OfficialRequest("mailed", OutlookTemplate("decision"), null, card, Version: "1.4")])["mailed"];
        Assert.Empty(official.ParseErrors);
        Assert.Empty(official.ValidationErrors);
    }

    [Fact]
    public async Task The_chair_decides_from_Outlook_and_gets_the_Outlook_form_back_without_losing_the_Teams_chat()
    {
        await Host.PostAsync(Host.Activity("message", Actors.BoardChair, "hello")); // the chair's Teams 1:1 chat is known
        var teamsChat = await Host.Services.GetRequiredService<IConversationStore>().FindPersonalAsync(Actors.BoardChair, CancellationToken.None);
        var awaiting = await AwaitingDecisionAsync();

        var answer = await InvokeFromOutlookAsync(Actors.BoardChair, CardVerbs.DecisionApprove, awaiting);

        var decided = (await Host.Cases.FindAsync(BotHost.Board.BoardId, awaiting.Reference, CancellationToken.None))!;
        Assert.Equal(CaseStage.ReviewInitiated, decided.Stage);
        Assert.Equal(Actors.BoardChair, decided.Decision!.ByObjectId);
        var card = CardOf(answer);
        Assert.Equal("1.4", (string?)card["version"]);
        Assert.Equal(OutlookCardsFixture.OriginatorId, (string?)card["originator"]);
        Assert.Empty(Actions(card)); // decided: the status view
        Assert.Equal(teamsChat, await Host.Services.GetRequiredService<IConversationStore>().FindPersonalAsync(Actors.BoardChair, CancellationToken.None));
    }

    public static TheoryData<string, bool> Pressers => new()
    {
        { Actors.BoardChair, true },
        { Actors.SubGroupChair, false },
        { Actors.BusinessManager, false },
        { Actors.Referrer, false },
        { Actors.Stranger, false },
    };

    [Theory]
    [MemberData(nameof(Pressers))]
    public async Task Approve_from_Outlook_is_authorised_as_in_Teams(string actor, bool permitted)
    {
        var fromOutlook = await AwaitingDecisionAsync();
        var fromTeams = await AwaitingDecisionAsync();

        var outlookAnswer = await InvokeFromOutlookAsync(actor, CardVerbs.DecisionApprove, fromOutlook);
        var teamsAnswer = await (await Host.PostAsync(Host.Invoke(actor, CardVerbs.DecisionApprove, DataFor(fromTeams)))).Content.ReadFromJsonAsync<JsonObject>();

        var afterOutlook = (await Host.Cases.FindAsync(BotHost.Board.BoardId, fromOutlook.Reference, CancellationToken.None))!;
        var afterTeams = (await Host.Cases.FindAsync(BotHost.Board.BoardId, fromTeams.Reference, CancellationToken.None))!;
        Assert.Equal(afterTeams.Stage, afterOutlook.Stage);
        Assert.Equal(permitted ? CaseStage.ReviewInitiated : CaseStage.AwaitingChairDecision, afterOutlook.Stage);
        if (actor == Actors.Stranger)
        {
            // No role on the case: the answer for an unknown reference, from Outlook as from Teams; it names nobody.
            Assert.Equal(CaseVisibility.UnknownCaseAnswer(fromOutlook.Reference), (string?)outlookAnswer["value"]);
            Assert.Equal(CaseVisibility.UnknownCaseAnswer(fromTeams.Reference), (string?)teamsAnswer!["value"]);
            Assert.Contains(await AuditAsync(fromOutlook.Reference), e => e.Action == "ActionRefused" && e.ActorObjectId == actor);
        }
        else if (!permitted)
        {
            var refusal = string.Join("\n", Texts(CardOf(outlookAnswer)));
            Assert.Contains("board chair", refusal, StringComparison.Ordinal);
            Assert.Equal(Texts(CardOf(teamsAnswer!)).Select(t => t.Replace(fromTeams.Reference.Value, "REF", StringComparison.Ordinal)), Texts(CardOf(outlookAnswer)).Select(t => t.Replace(fromOutlook.Reference.Value, "REF", StringComparison.Ordinal)));
            Assert.DoesNotContain(ChildName, outlookAnswer.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Narrative, outlookAnswer.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains(await AuditAsync(fromOutlook.Reference), e => e.Action == "ActionRefused" && e.ActorObjectId == actor);
        }
    }

    [Fact]
    public async Task Opening_the_mail_refreshes_the_card_as_each_reader_may_see_it()
    {
        var awaiting = await AwaitingDecisionAsync();
        var refresh = new JsonObject { ["caseRef"] = awaiting.Reference.Value, ["version"] = awaiting.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["card"] = "decision" };

        var chair = CardOf(await InvokeFromOutlookAsync(Actors.BoardChair, CardVerbs.CaseRefresh, awaiting, refresh, "automatic"));
        var manager = CardOf(await InvokeFromOutlookAsync(Actors.BusinessManager, CardVerbs.CaseRefresh, awaiting, refresh, "automatic"));
        var stranger = await InvokeFromOutlookAsync(Actors.Stranger, CardVerbs.CaseRefresh, awaiting, refresh, "automatic");

        Assert.Equal([CardVerbs.DecisionApprove, CardVerbs.DecisionDecline, CardVerbs.DecisionMoreInfo], Actions(chair).Select(a => (string?)a["verb"]));
        Assert.Empty(Actions(manager));
        Assert.All(new[] { chair, manager }, c => Assert.Equal("1.4", (string?)c["version"]));
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)stranger["type"]);
        Assert.Equal(CaseVisibility.UnknownCaseAnswer(awaiting.Reference), (string?)stranger["value"]);
    }

    [Fact]
    public async Task An_Outlook_invoke_without_an_object_id_is_refused_and_changes_nothing()
    {
        var awaiting = await AwaitingDecisionAsync();
        var activity = OutlookInvoke(Actors.BoardChair, CardVerbs.DecisionApprove, DataFor(awaiting), "manual");
        activity["from"]!.AsObject().Remove("aadObjectId");

        var response = await Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(401, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        var after = (await Host.Cases.FindAsync(BotHost.Board.BoardId, awaiting.Reference, CancellationToken.None))!;
        Assert.Equal(awaiting.Version, after.Version);
    }

    /// <summary>A new case, recommended by the sub-group chair's press (whose effects run at once): the decision card goes out.</summary>
    private async Task<ReviewCase> AwaitingDecisionAsync()
    {
        var referral = new Referral { Child = new Child { Name = ChildName, Incident = IncidentKind.Died }, Summary = Narrative };
        var c = (await Host.Services.GetRequiredService<ReferralIntake>().SubmitAsync(BotHost.Board with { BoardMailbox = OutlookBotHost.BoardMailbox }, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        var data = DataFor(c);
        data["rationale"] = "The criteria are met.";
        await Host.PostAsync(Host.Invoke(Actors.SubGroupChair, CardVerbs.RecommendationReview, data));
        await Host.AfterResponsesAsync();
        var awaiting = (await Host.Cases.FindAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))!;
        Assert.Equal(CaseStage.AwaitingChairDecision, awaiting.Stage);
        return awaiting;
    }

    private async Task<SentMail> MailAboutAsync(CaseReference reference)
    {
        SentMail? found = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); found is null && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            found = (await outlook.Graph.MailsAsync()).SingleOrDefault(m => m.Subject.Contains(reference.Value, StringComparison.Ordinal));
        }

        return found ?? throw new Xunit.Sdk.XunitException($"No mail about {reference} reached the Graph stand-in.");
    }

    private async Task<JsonObject> InvokeFromOutlookAsync(string actor, string verb, ReviewCase c, JsonObject? data = null, string trigger = "manual")
    {
        var response = await Host.PostAsync(OutlookInvoke(actor, verb, data ?? DataFor(c), trigger));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>An Action.Execute from an actionable message, as the Outlook channel sends it (no Teams channelData).</summary>
    private JsonObject OutlookInvoke(string actor, string verb, JsonObject data, string trigger)
    {
        var activity = Host.Invoke(actor, verb, data.DeepClone().AsObject());
        activity["channelId"] = "outlook";
        activity["conversation"] = new JsonObject { ["id"] = "outlook-" + Guid.NewGuid().ToString("N"), ["conversationType"] = "personal", ["tenantId"] = BotHost.TenantId };
        activity["from"] = new JsonObject { ["id"] = actor, ["aadObjectId"] = actor };
        activity.Remove("channelData");
        activity.Remove("replyToId");
        activity["value"]!["trigger"] = trigger;
        return activity;
    }

    private static JsonObject DataFor(ReviewCase c) => new()
    {
        ["caseRef"] = c.Reference.Value,
        ["version"] = c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["reason"] = "Following the sub-group.",
    };

    private static JsonObject CardOf(JsonObject answer)
    {
        Assert.Equal(AdaptiveCardType, (string?)answer["type"]);
        return answer["value"]!.AsObject();
    }

    private const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    private static JsonObject CardIn(string html)
    {
        var json = Regex.Match(html, "<head>.*<script type=\"application/adaptivecard\\+json\">(?<json>.*?)</script>.*</head>", RegexOptions.Singleline);
        Assert.True(json.Success, "The mail body carries no card in its head.");
        return JsonNode.Parse(json.Groups["json"].Value)!.AsObject();
    }

    private static List<JsonObject> Actions(JsonObject card)
        => [.. CardRules.Objects(card["body"]).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true)];

    private static List<string> Texts(JsonObject card)
        => [.. CardRules.Objects(card["body"]).Select(o => (string?)o["text"] ?? (string?)o["value"]).OfType<string>()];

    private static JsonNode OutlookTemplate(string name)
        => JsonNode.Parse(File.ReadAllText(Path.Combine(OutlookCardsFixture.OutlookFolder, name + ".json")))!;

    private async Task<List<CaseEvent>> AuditAsync(CaseReference reference)
    {
        var events = new List<CaseEvent>();
        await foreach (var e in Host.Cases.ReadAuditAsync(BotHost.Board.BoardId, reference, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }
}
