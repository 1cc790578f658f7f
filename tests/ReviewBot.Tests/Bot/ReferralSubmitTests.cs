using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Core.Ports;
using ReviewBot.Core.Referrals;
using ReviewBot.EndToEnd.Tests;
using ReviewBot.Ports;

namespace ReviewBot.Tests.Bot;

/// <summary>The app with its own storage, so the cases it holds are this test's alone.</summary>
public sealed class SubmitBotHost : BotHost;

public sealed class ReferralSubmitTests(SubmitBotHost host) : IClassFixture<SubmitBotHost>
{
    [Fact]
    public async Task Two_presses_of_Submit_at_once_create_one_case_and_both_name_it()
    {
        var draft = await StoreCompletedDraftAsync();

        var presses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            host.PostAsync(host.Invoke(Actors.Referrer, ReferralVerbs.Submit, new JsonObject { ["draftId"] = draft.DraftId }))));
        await host.AfterResponsesAsync();

        var cases = new List<CaseSummary>();
        await foreach (var c in host.Cases.ListOpenAsync(BotHost.Board.BoardId, null, CancellationToken.None))
        {
            cases.Add(c);
        }

        var only = Assert.Single(cases);
        Assert.Equal(only.Reference, (await host.Cases.FindBySubmissionAsync(BotHost.Board.BoardId, draft.DraftId, CancellationToken.None))?.Reference);
        foreach (var press in presses)
        {
            var body = (await press.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString();
            Assert.True(body.Contains(only.Reference.Value, StringComparison.Ordinal), body[..Math.Min(body.Length, 600)]);
        }

        Assert.Single(await AuditAsync(only), e => e.Action == "ReferralSubmitted");

        // Notifying Ofsted is the chair's task from the moment of referral (Enfield 4.1), and the chair's month runs.
        var stored = (await host.Cases.FindAsync(BotHost.Board.BoardId, only.Reference, CancellationToken.None))!;
        Assert.Contains(stored.Tasks, t => t.Id == Core.Decisions.StatutoryTasks.OfstedIncidentNotification && t.OwnerRole == Core.Boards.BoardRole.BoardChair && t.DoneAt is null);
        Assert.Contains(stored.Clocks, c => c.Kind == Core.Cases.ClockKinds.ChairDecision && c.CompletedAt is null);

        // The board channel hears of the new case once, with no child name or narrative.
        var notice = Assert.Single(host.Connector.Calls, call => call.Path.Contains(BotHost.BoardChannelId, StringComparison.Ordinal));
        var noticeJson = notice.Body!.ToJsonString();
        Assert.Contains(only.Reference.Value, noticeJson, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferralAnswers.ChildName, noticeJson, StringComparison.Ordinal);
        Assert.DoesNotContain("unresponsive", noticeJson, StringComparison.Ordinal);

        // The referrer finds the case in "my tasks".
        await host.PostAsync(host.Activity("message", Actors.Referrer, "my tasks"));
        Assert.Contains(host.Connector.Calls, call => call.Body?.ToJsonString().Contains("My tasks", StringComparison.Ordinal) == true
            && call.Body.ToJsonString().Contains(only.Reference.Value, StringComparison.Ordinal));
    }

    /// <summary>A referral answered to its summary, stored as the bot stores a draft.</summary>
    private async Task<ReferralDraft> StoreCompletedDraftAsync()
    {
        var conversation = host.Services.GetRequiredService<ReferralConversation>();
        var context = ReferralContext.For(BotHost.Board, new ReferrerProfile(Actors.Referrer, "Ruth Okafor", "ruth@example.org"));
        var turn = conversation.Start(context);
        for (var i = 0; i < 80 && turn.Prompts[^1] is QuestionPrompt question; i++)
        {
            turn = conversation.Continue(turn.Draft!, ReferralInput.Typed(ReferralAnswers.For(question.StepId)), context);
        }

        Assert.IsType<SummaryPrompt>(turn.Prompts[^1]);
        var store = host.Services.GetRequiredService<IConversationStore>();
        var conversationId = "a:personal-" + Actors.Referrer;
        var address = new ConversationAddress(host.Connector.ServiceUrl, "msteams", conversationId, "personal", BotHost.TenantId, "28:reviewbot", "29:" + Actors.Referrer, Actors.Referrer);
        var loaded = await store.LoadAsync(conversationId, Actors.Referrer, CancellationToken.None);
        await store.SaveAsync(loaded, address, new DialogState(ReferralDraft.FlowName, turn.Draft!.ToJson(), DateTimeOffset.UtcNow), CancellationToken.None);
        return turn.Draft;
    }

    private async Task<List<Core.Cases.CaseEvent>> AuditAsync(CaseSummary c)
    {
        var events = new List<Core.Cases.CaseEvent>();
        await foreach (var e in host.Cases.ReadAuditAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }
}
