using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Intake;
using ReviewBot.Ports;
using ReviewBot.Core.Referrals;
using ReviewBot.GraphStandIn;
using ReviewBot.Storage;
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
        ["Effects:SweepInterval"] = "00:00:00.200", // a refused mail is retried within the test's patience
        ["Effects:RetryDelay"] = "00:00:00.100",
        ["Effects:MaxRetryDelay"] = "00:00:00.500",
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

    [Fact]
    public async Task A_mail_Graph_refuses_for_good_is_kept_retried_shown_to_the_business_manager_and_sent_once_when_allowed()
    {
        var since = DateTimeOffset.UtcNow;
        using var effects = new MetricCounts("kind", Core.Effects.CaseEffectKinds.MailCard);
        using var graph = new MetricCounts("operation", "sendMail");
        await outlook.Graph.InjectAsync(new Fault { PathContains = "/sendMail", Method = "POST", Status = 403 }); // outside the app's Exchange scope
        try
        {
            var awaiting = await AwaitingDecisionAsync();
            const string Problem = "Couldn't reach Microsoft 365 to mail the decision card to Outlook; retrying";

            // Kept: retried with back-off until the quick tries are spent, then shown to the business manager.
            var stuck = await CaseWhenAsync(awaiting.Reference, c => c.DeliveryProblem is not null);
            Assert.Equal(Problem, stuck.DeliveryProblem);
            var kept = Assert.Single(await MailEffectsAsync(awaiting.Reference));
            Assert.True(kept.Stuck);
            Assert.True(kept.Attempts >= 2, $"tried {kept.Attempts} time(s)");
            Assert.True((await SendMailCallsSinceAsync(since)) >= 2);
            Assert.Empty(await MailsAboutAsync(awaiting.Reference));
            var managerView = await InvokeFromTeamsAsync(Actors.BusinessManager, CardVerbs.CaseRefresh, awaiting, "recommendation");
            Assert.Contains(CardRules.Strings(managerView), t => t.Contains(Problem, StringComparison.Ordinal));
            var chairView = await InvokeFromTeamsAsync(Actors.BoardChair, CardVerbs.CaseRefresh, awaiting, "decision");
            Assert.DoesNotContain(CardRules.Strings(chairView), t => t.Contains(Problem, StringComparison.Ordinal)); // the business manager's to fix

            // The administrator fixes the scope: the kept effect goes out by itself, once, and the problem clears.
            (await outlook.Graph.Admin.DeleteAsync("admin/faults")).EnsureSuccessStatusCode();
            var cleared = await CaseWhenAsync(awaiting.Reference, c => c.DeliveryProblem is null);
            await Eventually.HoldsAsync(() => MailEffectsAsync(awaiting.Reference).GetAwaiter().GetResult().Count == 0, 20, "The mail effect was never completed.");

            var mail = Assert.Single(await MailsAboutAsync(awaiting.Reference));
            Assert.Equal(["chris@example.org"], mail.To);
            Assert.Equal("1.4", (string?)CardIn(mail.Body)["version"]);
            Assert.Null(cleared.DeliveryProblem);

            // The metrics saw it: refused sendMail calls, tries retried, the quick tries spent, then delivered.
            Assert.True(effects.Of("reviewbot.effects.retried") >= 2);
            Assert.True(effects.Of("reviewbot.effects.failed") >= 1);
            Assert.True(effects.Of("reviewbot.effects.delivered") >= 1);
            Assert.True(graph.Of("reviewbot.graph.calls:error") >= 2);
            Assert.True(graph.Of("reviewbot.graph.calls:ok") >= 1);
        }
        finally
        {
            (await outlook.Graph.Admin.DeleteAsync("admin/faults")).EnsureSuccessStatusCode();
        }
    }

    private async Task<ReviewCase> CaseWhenAsync(CaseReference reference, Func<ReviewCase, bool> condition)
    {
        ReviewCase? c = null;
        await Eventually.HoldsAsync(() => condition(c = Host.Cases.FindAsync(BotHost.Board.BoardId, reference, CancellationToken.None).GetAwaiter().GetResult()!), 30, $"{reference} never reached the expected state.");
        return c!;
    }

    private async Task<List<PendingEffect>> MailEffectsAsync(CaseReference reference)
        => [.. (await Host.Services.GetRequiredService<TableEffectOutbox>().ListForCaseAsync(BotHost.Board.BoardId, reference, CancellationToken.None))
            .Where(e => e.Effect.Kind == Core.Effects.CaseEffectKinds.MailCard)];

    private async Task<int> SendMailCallsSinceAsync(DateTimeOffset since)
        => (await outlook.Graph.RequestsAsync()).Count(r => r.Method == "POST" && r.Path.EndsWith("/sendMail", StringComparison.Ordinal) && r.At >= since);

    private async Task<List<SentMail>> MailsAboutAsync(CaseReference reference)
        => [.. (await outlook.Graph.MailsAsync()).Where(m => m.Subject.Contains(reference.Value, StringComparison.Ordinal))];

    private async Task<JsonObject> InvokeFromTeamsAsync(string actor, string verb, ReviewCase c, string card)
    {
        var data = DataFor(c);
        data["card"] = card;
        var response = await Host.PostAsync(Host.Invoke(actor, verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
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

    private Task<JsonObject> InvokeFromOutlookAsync(string actor, string verb, ReviewCase c, JsonObject? data = null, string trigger = "manual")
        => OutlookInvokes.PostAsync(Host, actor, verb, data ?? DataFor(c), trigger);

    private JsonObject OutlookInvoke(string actor, string verb, JsonObject data, string trigger) => OutlookInvokes.For(Host, actor, verb, data, trigger);

    private static JsonObject DataFor(ReviewCase c) => new()
    {
        ["caseRef"] = c.Reference.Value,
        ["version"] = c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["reason"] = "Following the sub-group.",
    };

    private static JsonObject CardOf(JsonObject answer) => OutlookInvokes.CardOf(answer);

    private static JsonObject CardIn(string html) => OutlookInvokes.CardIn(html);

    private static List<JsonObject> Actions(JsonObject card) => OutlookInvokes.Actions(card);

    private static List<string> Texts(JsonObject card) => OutlookInvokes.Texts(card);

    private static JsonNode OutlookTemplate(string name) => OutlookInvokes.Template(name);

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

/// <summary>ReviewBot's counters (from every host in the process) whose tag <c>tagKey</c> is <c>tagValue</c>, by instrument and outcome.</summary>
internal sealed class MetricCounts : IDisposable
{
    private readonly System.Diagnostics.Metrics.MeterListener listener = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public MetricCounts(string tagKey, string tagValue)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == global::ReviewBot.Telemetry.ReviewBotTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? matched = null, outcome = null;
            foreach (var tag in tags)
            {
                matched = tag.Key == tagKey && (string?)tag.Value == tagValue ? tagValue : matched;
                outcome = tag.Key == "outcome" ? (string?)tag.Value : outcome;
            }

            if (matched is not null)
            {
                counts.AddOrUpdate(outcome is null ? instrument.Name : $"{instrument.Name}:{outcome}", value, (_, n) => n + value);
            }
        });
        listener.Start();
    }

    /// <summary>The count of <paramref name="instrument"/> (with <c>:outcome</c> for Graph calls).</summary>
    public long Of(string instrument) => counts.GetValueOrDefault(instrument);

    public void Dispose() => listener.Dispose();
}
