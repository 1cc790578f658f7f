using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;
using ReviewBot.EndToEnd.Tests;
using ReviewBot.Ports;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Effects;

/// <summary>
/// What a change sets off survives the bot being killed (SIGKILL) right after it answered, and a connector
/// outage: every effect arrives, once.
/// </summary>
public sealed class DurableEffectTests(EffectEnvironment env) : IClassFixture<EffectEnvironment>
{
    [Fact]
    public async Task Killed_right_after_answering_a_recommendation_the_chair_still_gets_the_decision_card_once_and_the_reminders_exist()
    {
        await env.GreetAsync(Actors.SubGroupChair, Actors.BusinessManager, Actors.BoardChair, Actors.Referrer);
        var c = await env.NewCaseAsync();
        await env.OutboxEmptyAsync(c.Reference);

        env.Connector.HoldFor = TimeSpan.FromSeconds(30); // nothing the bot sends after its answer gets through before the kill
        var answer = await env.PostAsync(BotHost.InvokeFor(env.Connector.ServiceUrl, Actors.SubGroupChair, CardVerbs.RecommendationReview, new JsonObject
        {
            ["caseRef"] = c.Reference.Value,
            ["version"] = c.Version.ToString(CultureInfo.InvariantCulture),
            ["rationale"] = "Met.",
        }));
        await env.Bot.KillAsync();
        env.Connector.HoldFor = TimeSpan.Zero;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(CaseStage.AwaitingChairDecision, (await env.Cases.FindAsync(env.Board.BoardId, c.Reference, CancellationToken.None))!.Stage);
        Assert.Empty(env.PostsTo(Actors.BoardChair, c.Reference, CardVerbs.DecisionApprove));

        await env.Bot.StartAsync();
        await env.OutboxEmptyAsync(c.Reference);
        Assert.Single(env.PostsTo(Actors.BoardChair, c.Reference, CardVerbs.DecisionApprove));
        Assert.Equal(3, await env.DeadlineRowsAsync(c.Reference)); // the board's three decision reminders
    }

    [Fact]
    public async Task Killed_right_after_answering_a_referral_submit_the_sub_group_still_gets_the_recommendation_card_once()
    {
        await env.GreetAsync(Actors.SubGroupChair, Actors.BusinessManager, Actors.Referrer);
        var draft = await StoreCompletedDraftAsync();

        env.Connector.HoldFor = TimeSpan.FromSeconds(30);
        var answer = await env.PostAsync(BotHost.InvokeFor(env.Connector.ServiceUrl, Actors.Referrer, ReferralVerbs.Submit, new JsonObject { ["draftId"] = draft.DraftId }));
        await env.Bot.KillAsync();
        env.Connector.HoldFor = TimeSpan.Zero;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var c = (await env.Cases.FindBySubmissionAsync(env.Board.BoardId, draft.DraftId, CancellationToken.None))!;
        Assert.Empty(env.PostsTo(Actors.SubGroupChair, c.Reference, CardVerbs.RecommendationReview));

        await env.Bot.StartAsync();
        await env.OutboxEmptyAsync(c.Reference);
        Assert.Single(env.PostsTo(Actors.SubGroupChair, c.Reference, CardVerbs.RecommendationReview));
        Assert.Single(env.PostsTo(Actors.BusinessManager, c.Reference, CardVerbs.RecommendationReview));
        Assert.Single(env.Connector.Calls, call => call.Path.Contains(BotHost.BoardChannelId, StringComparison.Ordinal)
            && call.Body!.ToJsonString().Contains(c.Reference.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_Teams_answers_503_the_business_manager_sees_the_delay_in_status_and_the_card_arrives_once_it_recovers()
    {
        await env.GreetAsync(Actors.SubGroupChair, Actors.BusinessManager, Actors.BoardChair, Actors.Referrer);
        var c = await env.NewCaseAsync();
        await env.OutboxEmptyAsync(c.Reference);
        var chairChat = "a:personal-" + Actors.BoardChair;
        env.Connector.Unavailable = path => path.Contains(chairChat, StringComparison.Ordinal);
        try
        {
            await env.PostAsync(BotHost.InvokeFor(env.Connector.ServiceUrl, Actors.SubGroupChair, CardVerbs.RecommendationReview, new JsonObject
            {
                ["caseRef"] = c.Reference.Value,
                ["version"] = c.Version.ToString(CultureInfo.InvariantCulture),
                ["rationale"] = "Met.",
            }));

            // After the quick tries the case says what is late; the business manager's status shows it.
            await Eventually.HoldsAsync(() => env.Cases.FindAsync(env.Board.BoardId, c.Reference, CancellationToken.None).GetAwaiter().GetResult()?.DeliveryProblem is not null, 60, env.Bot.Output);
            await env.PostAsync(BotHost.ActivityFor(env.Connector.ServiceUrl, "message", Actors.BusinessManager, $"status {c.Reference}"));
            Assert.Contains(env.Connector.Calls, call => call.Path.Contains("a:personal-" + Actors.BusinessManager, StringComparison.Ordinal)
                && call.Body!.ToJsonString().Contains("reach Teams to post the decision card; retrying", StringComparison.Ordinal));
            Assert.Empty(env.PostsTo(Actors.BoardChair, c.Reference, CardVerbs.DecisionApprove));
        }
        finally
        {
            env.Connector.Unavailable = null;
        }

        await env.OutboxEmptyAsync(c.Reference);
        Assert.Single(env.PostsTo(Actors.BoardChair, c.Reference, CardVerbs.DecisionApprove));
        Assert.True(env.Connector.Refused >= 3, $"{env.Connector.Refused} refused");
        // The problem is cleared by a write just after the last stuck effect's row goes, so wait for it.
        await Eventually.HoldsAsync(() => env.Cases.FindAsync(env.Board.BoardId, c.Reference, CancellationToken.None).GetAwaiter().GetResult()!.DeliveryProblem is null, 30, env.Bot.Output);
    }

    [Fact]
    public async Task An_effect_that_throws_unexpectedly_is_kept_for_a_later_try_and_the_others_run_and_the_host_stays_up()
    {
        await env.GreetAsync(Actors.SubGroupChair, Actors.BusinessManager, Actors.BoardChair);
        var c = await env.NewCaseAsync();
        await env.OutboxEmptyAsync(c.Reference);
        var partition = c.BoardId;
        var broken = new TableEntity(partition, $"fx|{c.Reference.Value}|{c.Version:D19}|900")
        {
            ["Case"] = c.Reference.Value,
            ["Board"] = c.BoardId,
            ["Version"] = c.Version,
            ["Index"] = 900,
            ["Kind"] = "no-such-effect",
            ["Payload"] = "{\"kind\":\"no-such-effect\"}",
            ["IdempotencyKey"] = "broken",
            ["Attempts"] = 0,
            ["NextAttemptAt"] = DateTimeOffset.UtcNow,
            ["Stuck"] = false,
        };
        await env.Tables.Cases.AddEntityAsync(broken);

        await env.PostAsync(BotHost.InvokeFor(env.Connector.ServiceUrl, Actors.SubGroupChair, CardVerbs.RecommendationReview, new JsonObject
        {
            ["caseRef"] = c.Reference.Value,
            ["version"] = c.Version.ToString(CultureInfo.InvariantCulture),
            ["rationale"] = "Met.",
        }));

        await Eventually.HoldsAsync(() => env.PostsTo(Actors.BoardChair, c.Reference, CardVerbs.DecisionApprove).Count == 1, 60, env.Bot.Output);
        await Eventually.HoldsAsync(() => env.Tables.Cases.GetEntity<TableEntity>(partition, broken.RowKey).Value.GetInt32("Attempts") >= 2, 60, env.Bot.Output);
        using var http = new HttpClient { BaseAddress = env.Bot.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
        await env.Tables.Cases.DeleteEntityAsync(partition, broken.RowKey);
    }

    /// <summary>A referral answered to its summary, stored as the bot stores a draft.</summary>
    private async Task<ReferralDraft> StoreCompletedDraftAsync()
    {
        var conversation = new ReferralConversation(TimeProvider.System);
        var context = ReferralContext.For(env.Board, new ReferrerProfile(Actors.Referrer, "Ruth Okafor", "ruth@example.org"));
        var turn = conversation.Start(context);
        for (var i = 0; i < 80 && turn.Prompts[^1] is QuestionPrompt question; i++)
        {
            turn = conversation.Continue(turn.Draft!, ReferralInput.Typed(ReferralAnswers.For(question.StepId)), context);
        }

        var conversationId = "a:personal-" + Actors.Referrer;
        var loaded = await env.Conversations.LoadAsync(conversationId, Actors.Referrer, CancellationToken.None);
        await env.Conversations.SaveAsync(loaded, loaded.Address!, new DialogState(ReferralDraft.FlowName, turn.Draft!.ToJson(), DateTimeOffset.UtcNow), CancellationToken.None);
        return turn.Draft;
    }
}
