using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Bot.Referrals;
using ReviewBot.Bot.Routing;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;
using ReviewBot.Ports;

namespace ReviewBot.Tests.Bot;

/// <summary>The app with its own storage, for the Action.Submit fallback.</summary>
public sealed class FallbackBotHost : BotHost;

/// <summary>
/// Older clients press the Action.Submit fallback: a message whose value carries the verb and the inputs.
/// It must do exactly what Action.Execute does, answering with messages and card updates instead.
/// </summary>
public sealed class SubmitFallbackTests(FallbackBotHost host) : IClassFixture<FallbackBotHost>
{
    [Fact]
    public async Task A_referral_answer_by_Action_Submit_moves_to_the_next_question()
    {
        await host.PostAsync(host.Activity("message", Actors.HeadOfSafeguarding, "refer"));
        var store = host.Services.GetRequiredService<IConversationStore>();
        var draft = ReferralDraft.FromJson((await store.LoadAsync("a:personal-" + Actors.HeadOfSafeguarding, Actors.HeadOfSafeguarding, CancellationToken.None)).Dialog!.Json)!;

        await host.PostAsync(Submit(Actors.HeadOfSafeguarding, new JsonObject
        {
            ["verb"] = ReferralVerbs.Answer,
            ["draftId"] = draft.DraftId,
            ["questionId"] = draft.StepId,
            ["answer"] = "Hana Head",
        }));

        var after = ReferralDraft.FromJson((await store.LoadAsync("a:personal-" + Actors.HeadOfSafeguarding, Actors.HeadOfSafeguarding, CancellationToken.None)).Dialog!.Json)!;
        Assert.Equal("Hana Head", after.Referral.Referrer.Name);
        Assert.NotEqual(draft.StepId, after.StepId);
        Assert.NotEmpty(host.Connector.Containing("Which agency do you work for?"));
    }

    [Fact]
    public async Task A_chair_approving_by_Action_Submit_decides_once_and_the_pressed_card_is_updated()
    {
        var intake = host.Services.GetRequiredService<ReferralIntake>();
        var workflow = host.Services.GetRequiredService<CaseWorkflow>();
        var c = (await intake.SubmitAsync(BotHost.Board, new Referral { Child = new Child { Name = "Test Child" }, Summary = "Summary." }, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        c = (await workflow.ExecuteAsync(BotHost.Board, new RecommendCommand { Case = c.Reference, CardVersion = c.Version, Kind = RecommendationKind.Review, Rationale = "Met." }, Actors.SubGroupChair, null, CancellationToken.None)).Case!;
        var press = new JsonObject { ["verb"] = CardVerbs.DecisionApprove, ["caseRef"] = c.Reference.Value, ["version"] = c.Version };

        await host.PostAsync(Submit(Actors.BoardChair, press));
        await host.PostAsync(Submit(Actors.BoardChair, press.DeepClone().AsObject()));
        await host.AfterResponsesAsync();

        var decided = (await host.Cases.FindAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))!;
        Assert.Equal((CaseStage.ReviewInitiated, c.Version + 1), (decided.Stage, decided.Version));
        Assert.Contains(host.Connector.Calls, call => call.Method == "PUT" && call.Path.EndsWith("/activities/decision-card-1", StringComparison.Ordinal));
        Assert.NotEmpty(host.Connector.Containing("out of date")); // the repeat press is told nothing changed
    }

    [Fact]
    public async Task The_welcome_card_button_starts_a_referral()
    {
        var response = await host.PostAsync(host.Invoke(Actors.SubGroupChair, CardVerbs.ReferralStart, []));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Starting a referral", body, StringComparison.Ordinal);
        Assert.Contains(host.Connector.Calls, call => call.Path.Contains(Actors.SubGroupChair, StringComparison.Ordinal)
            && call.Body!.ToJsonString().Contains("What is your name?", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_route_finds_its_handler_in_the_apps_per_turn_services()
    {
        using var scope = host.Services.CreateScope();

        Assert.All(BotRoutes.Table.Verbs, verb => Assert.NotNull(BotRoutes.Table.ForVerb(verb, scope.ServiceProvider)));
        Assert.All(BotRoutes.Table.Commands, command => Assert.NotNull(BotRoutes.Table.ForCommand(command, scope.ServiceProvider)));
        Assert.NotNull(BotRoutes.Table.ForDialog(ReferralDialog.FlowName, scope.ServiceProvider));
    }

    [Fact]
    public async Task A_panel_meeting_pick_by_Action_Submit_or_Execute_reaches_the_meeting_handler()
    {
        var data = new JsonObject { ["caseRef"] = "SCR-2026-9999", ["version"] = 3, ["slotId"] = "20260320T1000Z-60" };
        var submit = data.DeepClone().AsObject();
        submit["verb"] = CardVerbs.MeetingPick;

        var executed = await host.PostAsync(host.Invoke(Actors.BusinessManager, CardVerbs.MeetingSearch, data));
        await host.PostAsync(Submit(Actors.BusinessManager, submit));

        // No such case: the meeting handler's answer by either path (the unknown-case answer), and nothing written.
        const string Unknown = "show you SCR-2026-9999: either there is no such case";
        Assert.Contains(Unknown, await executed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(host.Connector.Containing(Unknown));
    }

    private JsonObject Submit(string actor, JsonObject value)
    {
        var activity = host.Activity("message", actor);
        activity.Remove("text");
        activity["replyToId"] = "decision-card-1";
        activity["value"] = value;
        return activity;
    }
}
