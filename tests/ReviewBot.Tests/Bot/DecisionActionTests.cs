using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Tests.Bot;

/// <summary>Card verbs through the real /api/messages endpoint, against Azurite.</summary>
public sealed class DecisionActionTests(BotHost host) : IClassFixture<BotHost>
{
    private static readonly Dictionary<string, string[]> Changers = new()
    {
        [CardVerbs.RecommendationReview] = [Actors.SubGroupChair],
        [CardVerbs.RecommendationAlternative] = [Actors.SubGroupChair],
        [CardVerbs.RecommendationMoreInfo] = [Actors.SubGroupChair, Actors.BusinessManager, Actors.BoardChair],
        [CardVerbs.RecommendationPanel] = [Actors.SubGroupChair, Actors.BusinessManager],
        [CardVerbs.DecisionApprove] = [Actors.BoardChair],
        [CardVerbs.DecisionDecline] = [Actors.BoardChair],
        [CardVerbs.DecisionMoreInfo] = [Actors.SubGroupChair, Actors.BusinessManager, Actors.BoardChair],
        // The role gate admits the chairs too, but only the task's owner or the business manager may tick it.
        [CardVerbs.TaskTick] = [Actors.HeadOfSafeguarding, Actors.BusinessManager],
    };

    /// <summary>Who passes the role check at all (the rest are refused, told who may, and audited).</summary>
    private static readonly Dictionary<string, string[]> RoleGate = new()
    {
        [CardVerbs.RecommendationReview] = [Actors.SubGroupChair],
        [CardVerbs.RecommendationAlternative] = [Actors.SubGroupChair],
        [CardVerbs.RecommendationMoreInfo] = [Actors.SubGroupChair, Actors.BusinessManager, Actors.BoardChair],
        [CardVerbs.RecommendationPanel] = [Actors.SubGroupChair, Actors.BusinessManager],
        [CardVerbs.DecisionApprove] = [Actors.BoardChair],
        [CardVerbs.DecisionDecline] = [Actors.BoardChair],
        [CardVerbs.DecisionMoreInfo] = [Actors.SubGroupChair, Actors.BusinessManager, Actors.BoardChair],
        [CardVerbs.TaskTick] = [Actors.HeadOfSafeguarding, Actors.BusinessManager, Actors.BoardChair, Actors.SubGroupChair],
    };

    public static TheoryData<string, string> VerbsByActor()
    {
        var data = new TheoryData<string, string>();
        foreach (var verb in Changers.Keys)
        {
            foreach (var actor in Actors.All)
            {
                data.Add(verb, actor);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VerbsByActor))]
    public async Task Only_permitted_roles_change_anything(string verb, string actor)
    {
        var stage = verb.StartsWith("recommendation.", StringComparison.Ordinal) ? CaseStage.AwaitingRecommendation
            : verb == CardVerbs.TaskTick ? CaseStage.ReviewInitiated : CaseStage.AwaitingChairDecision;
        var before = await CaseAtAsync(stage);

        var response = await host.PostAsync(host.Invoke(actor, verb, DataFor(verb, before)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        var after = (await host.Cases.FindAsync(BotHost.Board.BoardId, before.Reference, CancellationToken.None))!;
        var audit = await AuditAsync(before.Reference);
        if (Changers[verb].Contains(actor))
        {
            Assert.True(before.Version + 1 == after.Version, $"v{before.Version} → v{after.Version}; answer: {body.ToJsonString()[..Math.Min(body.ToJsonString().Length, 400)]}");
            Assert.Equal(actor, audit[^1].ActorObjectId);
        }
        else
        {
            Assert.Equal(before.Version, after.Version);
            Assert.Equal(before.Stage, after.Stage);
        }

        if (!RoleGate[verb].Contains(actor))
        {
            // Refused for want of a role: a card saying who may, and an audit entry; nothing else.
            Assert.Contains("Only", body.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains(audit, e => e.Action == "ActionRefused" && e.ActorObjectId == actor);
        }
    }

    [Fact]
    public async Task A_non_chair_pressing_Approve_is_told_who_may()
    {
        var awaiting = await CaseAtAsync(CaseStage.AwaitingChairDecision);

        var response = await host.PostAsync(host.Invoke(Actors.SubGroupChair, CardVerbs.DecisionApprove, DataFor(CardVerbs.DecisionApprove, awaiting)));

        var card = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["type"]!.GetValue<string>());
        Assert.Contains("Chris Chair (board chair)", card["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_concurrent_duplicate_approvals_make_one_decision_one_audit_record_and_one_notification()
    {
        await host.PostAsync(host.Activity("message", Actors.Referrer, "hello")); // the referrer's 1:1 chat is known
        var awaiting = await CaseAtAsync(CaseStage.AwaitingChairDecision);
        var press = DataFor(CardVerbs.DecisionApprove, awaiting);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.PostAsync(host.Invoke(Actors.BoardChair, CardVerbs.DecisionApprove, press.DeepClone().AsObject()))));
        await host.AfterResponsesAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var decided = (await host.Cases.FindAsync(BotHost.Board.BoardId, awaiting.Reference, CancellationToken.None))!;
        Assert.Equal(CaseStage.ReviewInitiated, decided.Stage);
        Assert.Equal(awaiting.Version + 1, decided.Version);
        Assert.Single(await AuditAsync(awaiting.Reference), e => e.Action == "ChairDecisionRecorded");
        Assert.Single(host.Connector.Containing($"The decision on your referral {awaiting.Reference}"));
    }

    [Fact]
    public async Task Status_shows_a_case_only_to_people_with_a_role_on_it()
    {
        var c = await CaseAtAsync(CaseStage.AwaitingChairDecision);

        await host.PostAsync(host.Activity("message", Actors.BoardChair, $"status {c.Reference}"));
        await host.PostAsync(host.Activity("message", Actors.Stranger, $"status {c.Reference}"));

        // (Apostrophes arrive JSON-escaped, so the checks use words without them.)
        Assert.Contains(host.Connector.Calls, call => call.Path.Contains(Actors.BoardChair, StringComparison.Ordinal) && call.Body!.ToJsonString().Contains("Waiting for the chair", StringComparison.Ordinal));
        Assert.Contains(host.Connector.Calls, call => call.Path.Contains(Actors.Stranger, StringComparison.Ordinal) && call.Body!.ToJsonString().Contains("show you", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Connector.Calls, call => call.Path.Contains(Actors.Stranger, StringComparison.Ordinal) && call.Body!.ToJsonString().Contains("Waiting for the chair", StringComparison.Ordinal));
    }

    private async Task<ReviewCase> CaseAtAsync(CaseStage stage)
    {
        var intake = host.Services.GetRequiredService<ReferralIntake>();
        var workflow = host.Services.GetRequiredService<CaseWorkflow>();
        var referral = new Referral { Child = new Child { Name = "Test Child", Incident = IncidentKind.Died }, Summary = "Summary." };
        var c = (await intake.SubmitAsync(BotHost.Board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        if (stage == CaseStage.AwaitingRecommendation)
        {
            return c;
        }

        c = (await workflow.ExecuteAsync(BotHost.Board, new RecommendCommand { Case = c.Reference, CardVersion = c.Version, Kind = RecommendationKind.Review, Rationale = "Met." }, Actors.SubGroupChair, null, CancellationToken.None)).Case!;
        return stage == CaseStage.AwaitingChairDecision
            ? c
            : (await workflow.ExecuteAsync(BotHost.Board, new DecideCommand { Case = c.Reference, CardVersion = c.Version, Kind = ChairDecisionKind.Approve }, Actors.BoardChair, null, CancellationToken.None)).Case!;
    }

    private static JsonObject DataFor(string verb, ReviewCase c) => new()
    {
        ["caseRef"] = c.Reference.Value,
        ["version"] = c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["rationale"] = "The criteria are met.",
        ["reason"] = "Following the sub-group.",
        ["alternative"] = "managementReview",
        ["taskId"] = "secure-files",
    };

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
