using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Bot;

/// <summary>A host of its own: the shared-conversation and flood tests count what reached the connector.</summary>
public sealed class VisibilityBotHost : BotHost;

/// <summary>Who sees what: views by role, the chair's card, shared conversations, refusal floods, my tasks.</summary>
public sealed class VisibilityTests(VisibilityBotHost host) : IClassFixture<VisibilityBotHost>
{
    private const string ChildName = "Ruby Quartermaine";
    private const string Rationale = "RationaleMarker the statutory criteria are met";

    /// <summary>Three paragraphs, about 3,900 characters in all (the most a person can type is 4,000), plain ASCII so any JSON encoding shows them.</summary>
    private static readonly string[] Paragraphs =
    [
        "AccountStart " + string.Concat(Enumerable.Range(1, 40).Select(i => $"Entry {i} the family moved again. ")),
        string.Concat(Enumerable.Range(41, 40).Select(i => $"Entry {i} the school raised a concern. ")),
        string.Concat(Enumerable.Range(81, 25).Select(i => $"Entry {i} nobody shared it. ")) + "AccountEnd",
    ];

    private static readonly string Account = string.Join("\n\n", Paragraphs);

    /// <summary>What must never reach anyone without the role, nor a shared conversation.</summary>
    private static readonly string[] CaseDetails = [ChildName, "AccountStart", "AccountEnd", "RationaleMarker", "Riverside School"];

    [Theory]
    [InlineData("recommendation")]
    [InlineData("decision")]
    [InlineData("checklist")]
    public async Task The_referrer_refreshing_any_view_gets_the_status_view(string requested)
    {
        var c = await CaseAtAsync(CaseStage.AwaitingChairDecision);

        var card = await CardAnswerAsync(Actors.Referrer, CardVerbs.CaseRefresh, Refresh(c, requested));

        Assert.Contains($"Case {c.Reference}", card, StringComparison.Ordinal);
        Assert.Contains("Waiting for the chair", card, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseDetails, detail => card.Contains(detail, StringComparison.Ordinal));
        Assert.DoesNotContain("Sub-group recommendation", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chairs_decision_card_carries_the_child_and_the_whole_account_and_nobody_elses_does()
    {
        var c = await CaseAtAsync(CaseStage.AwaitingChairDecision);

        var chairs = await CardAnswerAsync(Actors.BoardChair, CardVerbs.CaseRefresh, Refresh(c, "decision"));

        Assert.Contains(ChildName, chairs, StringComparison.Ordinal);
        Assert.All(Paragraphs, p => Assert.Contains(p.Trim(), chairs, StringComparison.Ordinal));
        Assert.Contains("Riverside Police; Children", chairs, StringComparison.Ordinal);
        Assert.Contains("Rita Referrer, Designated safeguarding lead, Riverside School", chairs, StringComparison.Ordinal);
        Assert.Contains(CardVerbs.DecisionApprove, chairs, StringComparison.Ordinal);
        // The same card refreshed for anyone else: their own view, without the referral.
        foreach (var other in new[] { Actors.Referrer, Actors.BusinessManager, Actors.SubGroupChair, Actors.HeadOfSafeguarding })
        {
            var theirs = await CardAnswerAsync(other, CardVerbs.CaseRefresh, Refresh(c, "decision"));
            Assert.DoesNotContain(ChildName, theirs, StringComparison.Ordinal);
            Assert.DoesNotContain("AccountStart", theirs, StringComparison.Ordinal);
            Assert.DoesNotContain(CardVerbs.DecisionApprove, theirs, StringComparison.Ordinal);
        }

        var stranger = await (await host.PostAsync(host.Invoke(Actors.Stranger, CardVerbs.CaseRefresh, Refresh(c, "decision")))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(CaseDetails, detail => stranger.Contains(detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_chair_is_sent_the_decision_card_with_the_whole_account_in_their_own_chat()
    {
        await host.PostAsync(host.Activity("message", Actors.BoardChair, "hello")); // the chair's 1:1 chat is known
        var c = await CaseAtAsync(CaseStage.AwaitingRecommendation);
        var recommend = new JsonObject { ["caseRef"] = c.Reference.Value, ["version"] = Version(c), ["rationale"] = Rationale };

        (await host.PostAsync(host.Invoke(Actors.SubGroupChair, CardVerbs.RecommendationReview, recommend))).EnsureSuccessStatusCode();
        await host.AfterResponsesAsync();

        var sent = PrivateCalls(Actors.BoardChair).Select(Json).ToList();
        Assert.Contains(sent, json => json.Contains($"Chair's decision: {c.Reference}".Replace("'", "\\u0027", StringComparison.Ordinal), StringComparison.Ordinal)
            && json.Contains(ChildName, StringComparison.Ordinal) && Paragraphs.All(p => json.Contains(p.Trim(), StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("channel", "19:board-general@thread.tacv2")]
    [InlineData("groupChat", "19:group-of-three@thread.v2")]
    public async Task In_a_shared_conversation_status_my_tasks_and_Open_case_answer_privately_and_put_no_case_details_there(string conversationType, string conversationId)
    {
        var c = await CaseAtAsync(CaseStage.AwaitingChairDecision);
        var privateBefore = PrivateCalls(Actors.BoardChair).Count;

        await host.PostAsync(Shared(host.Activity("message", Actors.BoardChair, $"status {c.Reference}"), conversationType, conversationId));
        await host.PostAsync(Shared(host.Activity("message", Actors.BoardChair, "my tasks"), conversationType, conversationId));
        // "Open case" on the board's notice, as Action.Execute and as its Action.Submit fallback.
        var openCase = await host.PostAsync(Shared(host.Invoke(Actors.BoardChair, CardVerbs.CaseStatus, new JsonObject { ["caseRef"] = c.Reference.Value }), conversationType, conversationId));
        await host.PostAsync(Submit(Actors.BoardChair, new JsonObject { ["verb"] = CardVerbs.CaseStatus, ["caseRef"] = c.Reference.Value }, conversationType, conversationId));
        // Action.Submit presses on a card there, naming views with case details: nothing there is replaced with them.
        var refresh = Submit(Actors.BoardChair, new JsonObject { ["verb"] = CardVerbs.CaseRefresh, ["caseRef"] = c.Reference.Value, ["version"] = Version(c), ["card"] = "decision" }, conversationType, conversationId);
        refresh["replyToId"] = "shared-card-1";
        await host.PostAsync(refresh);
        var moreInfo = Submit(Actors.BoardChair, new JsonObject { ["verb"] = CardVerbs.DecisionMoreInfo, ["caseRef"] = c.Reference.Value, ["version"] = Version(c), ["reason"] = "RationaleMarker which GP?" }, conversationType, conversationId);
        moreInfo["replyToId"] = "shared-card-2";
        await host.PostAsync(moreInfo);
        var stale = Submit(Actors.BoardChair, new JsonObject { ["verb"] = CardVerbs.DecisionApprove, ["caseRef"] = c.Reference.Value, ["version"] = "1" }, conversationType, conversationId);
        stale["replyToId"] = "shared-card-3";
        await host.PostAsync(stale);
        await host.AfterResponsesAsync();

        var shared = host.Connector.Calls.Where(call => call.Path.Contains(conversationId, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, call => Assert.DoesNotContain(CaseDetails, detail => Json(call).Contains(detail, StringComparison.Ordinal)));
        Assert.All(shared, call => Assert.DoesNotContain(c.Reference.Value, Json(call), StringComparison.Ordinal));
        Assert.DoesNotContain(shared, call => call.Method == "PUT"); // no card there was replaced
        Assert.Contains(shared, call => Json(call).Contains("private chat", StringComparison.Ordinal));
        var openCaseAnswer = await openCase.Content.ReadAsStringAsync();
        Assert.DoesNotContain(CaseDetails, detail => openCaseAnswer.Contains(detail, StringComparison.Ordinal));
        Assert.Contains("private chat", openCaseAnswer, StringComparison.Ordinal);
        // The answers went to the chair's 1:1 chat instead.
        var answers = PrivateCalls(Actors.BoardChair).Skip(privateBefore).Select(Json).ToList();
        Assert.True(answers.Count(a => a.Contains($"Case {c.Reference}", StringComparison.Ordinal)) >= 3, string.Join("\n", answers));
        Assert.Contains(answers, a => a.Contains("My tasks", StringComparison.Ordinal) && a.Contains($"{c.Reference}: Decide whether to initiate the review", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Contains(ChildName, StringComparison.Ordinal)); // the chair's own view, privately
    }

    [Fact]
    public async Task A_flood_of_500_forged_presses_by_one_stranger_leaves_one_audit_record_per_command()
    {
        var c = await CaseAtAsync(CaseStage.AwaitingChairDecision);
        // Five verbs of five different commands (Approve and Decline are one command, the chair's decision).
        string[] verbs = [CardVerbs.DecisionApprove, CardVerbs.DecisionMoreInfo, CardVerbs.RecommendationReview, CardVerbs.RecommendationPanel, CardVerbs.TaskTick];
        var before = await AuditAsync(c.Reference);
        var data = new JsonObject { ["caseRef"] = c.Reference.Value, ["version"] = Version(c), ["reason"] = "Forged.", ["rationale"] = "Forged.", ["taskId"] = "secure-files" };

        // One sequence of presses per verb, run side by side: 500 presses in all.
        await Task.WhenAll(verbs.Select(async verb =>
        {
            for (var i = 0; i < 100; i++)
            {
                var answer = await host.PostAsync(host.Invoke(Actors.Stranger, verb, data.DeepClone().AsObject()));
                answer.EnsureSuccessStatusCode();
            }
        }));

        var after = await AuditAsync(c.Reference);
        var refusals = after.Where(e => e.Action == CaseWorkflow.RefusalAction && e.ActorObjectId == Actors.Stranger).ToList();
        Assert.Equal(verbs.Length, refusals.Count);
        Assert.All(refusals, e => Assert.Equal(100, e.Count));
        Assert.All(refusals, e => Assert.EndsWith(":not-a-party", e.Detail, StringComparison.Ordinal));
        Assert.Equal(before.Count + verbs.Length, after.Count);
        Assert.Equal(c.Version, (await host.Cases.FindAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task My_tasks_after_an_approval_lists_the_persons_own_tasks_with_due_dates_soonest_first()
    {
        var approved = await CaseAtAsync(CaseStage.ReviewInitiated);
        var waiting = await CaseAtAsync(CaseStage.AwaitingChairDecision);

        var chair = await MyTasksAsync(Actors.BoardChair);
        var head = await MyTasksAsync(Actors.HeadOfSafeguarding);

        // The chair: Ofsted told of each serious incident (due at once), then the decision (due in a month).
        var chairsDue = DueDates(chair);
        Assert.True(chairsDue.Count >= 3, string.Join(" | ", chair));
        Assert.Equal(chairsDue.Order(), chairsDue);
        Assert.True(chairsDue[0] < chairsDue[^1], "different due dates, so the order means something");
        Assert.InRange(chair.IndexOf($"{approved.Reference}: Notify Ofsted of the serious incident as soon as it is known, on Ofsted's serious incident notification form (Enfield ESCB procedure 4.1)"), 0, chair.IndexOf($"{waiting.Reference}: Decide whether to initiate the review") - 1);
        Assert.DoesNotContain(chair, t => t.Contains("Secure the files", StringComparison.Ordinal)); // the head of safeguarding's task
        // The head of safeguarding: the approved case's checklist with its due date; the waiting case only followed, after.
        Assert.Contains($"{approved.Reference}: Secure the files", head);
        Assert.Equal(DueDates(head).Order(), DueDates(head));
        Assert.InRange(head.IndexOf("Cases you follow"), head.LastIndexOf($"{approved.Reference}: Secure the files") + 1, int.MaxValue);
        Assert.Contains(head.Skip(head.IndexOf("Cases you follow")), t => t.StartsWith(waiting.Reference.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(CaseDetails, detail => string.Join(" ", chair.Concat(head)).Contains(detail, StringComparison.Ordinal));
    }

    private async Task<List<string>> MyTasksAsync(string actor)
    {
        await host.PostAsync(host.Activity("message", actor, "my tasks"));
        var card = host.Connector.Calls.Last(call => call.Path.Contains("a:personal-" + actor, StringComparison.Ordinal) && Json(call).Contains("My tasks", StringComparison.Ordinal));
        return [.. Texts(card.Body!["attachments"]![0]!["content"]!)];
    }

    private static List<DateTime> DueDates(IEnumerable<string> texts)
        => [.. texts.Where(t => t.StartsWith("Due ", StringComparison.Ordinal))
            .Select(t => DateTime.ParseExact(t[4..].Replace(" (overdue)", string.Empty, StringComparison.Ordinal), "dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")))];

    /// <summary>What reached the person's 1:1 chat: the one they opened, or one the bot opened from a shared conversation.</summary>
    private List<RecordedCall> PrivateCalls(string actor)
        => [.. host.Connector.Calls.Where(call => call.Path.Contains("created-conversation", StringComparison.Ordinal) || call.Path.Contains("a:personal-" + actor, StringComparison.Ordinal))];

    private static string Json(RecordedCall call) => call.Body?.ToJsonString() ?? string.Empty;

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o => (o["type"]?.GetValue<string>() == "TextBlock" && o["text"] is JsonValue t ? [t.GetValue<string>()] : Array.Empty<string>())
            .Concat(o.Where(p => p.Key != "text" && p.Value is not null).SelectMany(p => Texts(p.Value!))),
        JsonArray a => a.Where(n => n is not null).SelectMany(n => Texts(n!)),
        _ => [],
    };

    private static string Version(ReviewCase c) => c.Version.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Refresh(ReviewCase c, string card) => new() { ["caseRef"] = c.Reference.Value, ["version"] = Version(c), ["card"] = card };

    private JsonObject Submit(string actor, JsonObject value, string conversationType, string conversationId)
    {
        var activity = Shared(host.Activity("message", actor), conversationType, conversationId);
        activity["value"] = value;
        return activity;
    }

    /// <summary>The same activity as if sent in a channel or group chat.</summary>
    private static JsonObject Shared(JsonObject activity, string conversationType, string conversationId)
    {
        activity["conversation"]!["id"] = conversationId;
        activity["conversation"]!["conversationType"] = conversationType;
        if (conversationType == "channel")
        {
            activity["channelData"]!["channel"] = new JsonObject { ["id"] = conversationId };
            activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        }

        return activity;
    }

    private async Task<string> CardAnswerAsync(string actor, string verb, JsonObject data)
    {
        var response = await host.PostAsync(host.Invoke(actor, verb, data));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]?.GetValue<string>());
        return body["value"]!.ToJsonString();
    }

    private async Task<ReviewCase> CaseAtAsync(CaseStage stage)
    {
        var intake = host.Services.GetRequiredService<ReferralIntake>();
        var workflow = host.Services.GetRequiredService<CaseWorkflow>();
        var referral = new Referral
        {
            Referrer = new Referrer { Name = "Rita Referrer", Role = "Designated safeguarding lead", Agency = "Riverside School" },
            Child = new Child { Name = ChildName, Incident = IncidentKind.Died },
            Agencies = [new InvolvedAgency("Riverside Police", "police"), new InvolvedAgency("Children's Social Care", "csc")],
            Summary = Account,
        };
        var c = (await intake.SubmitAsync(BotHost.Board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        if (stage == CaseStage.AwaitingRecommendation)
        {
            return c;
        }

        c = (await workflow.ExecuteAsync(BotHost.Board, new RecommendCommand { Case = c.Reference, CardVersion = c.Version, Kind = RecommendationKind.Review, Rationale = Rationale }, Actors.SubGroupChair, null, CancellationToken.None)).Case!;
        return stage == CaseStage.ReviewInitiated
            ? (await workflow.ExecuteAsync(BotHost.Board, new DecideCommand { Case = c.Reference, CardVersion = c.Version, Kind = ChairDecisionKind.Approve }, Actors.BoardChair, null, CancellationToken.None)).Case!
            : c;
    }

    private async Task<List<CaseEvent>> AuditAsync(CaseReference reference)
    {
        var events = new List<CaseEvent>();
        await foreach (var e in host.Cases.ReadAuditAsync(BotHost.Board.BoardId, reference, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }
}
