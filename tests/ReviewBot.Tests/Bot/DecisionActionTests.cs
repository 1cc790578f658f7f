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
public sealed class DecisionActionTests(TwoTenantBotHost host) : IClassFixture<TwoTenantBotHost>
{
    private const string NoSuchCase = "SCR-2026-9999";

    /// <summary>Everyone's name on both boards: a refusal names none of them.</summary>
    private static readonly string[] PeopleNames = ["Bea Manager", "Sid Chair", "Chris Chair", "Hana Head", "Olly Other"];

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
            foreach (var actor in Actors.All.Append(TwoTenantBotHost.OtherTenantStranger))
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

        var response = await host.PostAsync(Press(actor, verb, DataFor(verb, before)));

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

        if (RoleGate[verb].Contains(actor))
        {
            return;
        }

        Assert.DoesNotContain(PeopleNames, name => body.ToJsonString().Contains(name, StringComparison.Ordinal));
        if (actor is Actors.Stranger or TwoTenantBotHost.OtherTenantStranger)
        {
            // No role on the case: exactly what `status` answers for a case that does not exist, naming nobody.
            Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
            var unknown = await StatusAnswerAsync(actor, NoSuchCase);
            Assert.StartsWith($"I can't show you {NoSuchCase}", unknown, StringComparison.Ordinal);
            Assert.Equal(unknown.Replace(NoSuchCase, before.Reference.Value, StringComparison.Ordinal), body["value"]!.GetValue<string>());
        }
        else
        {
            // A party without the role: a card saying which role may.
            Assert.Contains("Only the", body.ToJsonString(), StringComparison.Ordinal);
        }

        // Audited, unless the press came from a tenant whose board has no such case.
        Assert.Equal(actor != TwoTenantBotHost.OtherTenantStranger, audit.Any(e => e.Action == CaseWorkflow.RefusalAction && e.ActorObjectId == actor));
    }

    [Theory]
    [InlineData(Actors.Referrer)]
    [InlineData(Actors.Stranger)]
    [InlineData(TwoTenantBotHost.OtherTenantStranger)]
    public async Task The_referrer_asking_for_the_recommendation_view_gets_the_status_and_strangers_get_nothing(string actor)
    {
        var c = await CaseAtAsync(CaseStage.AwaitingChairDecision);

        var response = await host.PostAsync(Press(actor, CardVerbs.CaseRefresh, new JsonObject { ["caseRef"] = c.Reference.Value, ["version"] = "2", ["card"] = "recommendation" }));

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.DoesNotContain("Test Child", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sub-group recommendation", body.ToJsonString(), StringComparison.Ordinal);
        if (actor == Actors.Referrer)
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
            Assert.Equal($"Case {c.Reference}", body["value"]!["body"]![0]!["text"]!.GetValue<string>()); // the status card
        }
        else
        {
            Assert.Equal(await StatusAnswerAsync(actor, c.Reference.Value), body["value"]!.GetValue<string>());
        }
    }

    /// <summary>What `status` tells <paramref name="actor"/> in their 1:1 chat about <paramref name="reference"/>.</summary>
    private async Task<string> StatusAnswerAsync(string actor, string reference)
    {
        await host.PostAsync(Press(actor, null, null, $"status {reference}"));
        return host.Connector.Calls.Last(c => c.Path.Contains("a:personal-" + actor, StringComparison.Ordinal) && c.Body?["text"] is not null).Body!["text"]!.GetValue<string>();
    }

    /// <summary>A press (or, without a verb, a message) by <paramref name="actor"/> from their own tenant.</summary>
    private JsonObject Press(string actor, string? verb, JsonObject? data, string? text = null)
    {
        var activity = verb is null ? host.Activity("message", actor, text) : host.Invoke(actor, verb, data!);
        return actor == TwoTenantBotHost.OtherTenantStranger ? TwoTenantBotHost.FromOtherTenant(activity) : activity;
    }

    [Fact]
    public async Task A_non_chair_pressing_Approve_is_told_which_role_may_and_not_who_holds_it()
    {
        var awaiting = await CaseAtAsync(CaseStage.AwaitingChairDecision);

        var response = await host.PostAsync(host.Invoke(Actors.SubGroupChair, CardVerbs.DecisionApprove, DataFor(CardVerbs.DecisionApprove, awaiting)));

        var card = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["type"]!.GetValue<string>());
        Assert.Contains("Only the board chair may", card["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Chris Chair", card["value"]!.ToJsonString(), StringComparison.Ordinal);
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
