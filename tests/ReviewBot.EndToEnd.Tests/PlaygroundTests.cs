using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;
using ReviewBot.Testing;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>
/// ReviewBot through the Microsoft 365 Agents Playground, a real Teams client: the same HTTP calls its web
/// UI makes, and the bot's messages read from its WebSocket stream as the UI reads them.
/// </summary>
public sealed partial class PlaygroundTests(BotEnvironment environment) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task Install_greets_with_the_welcome_card_and_help_answers_anywhere()
    {
        await using var playground = await environment.NewPlaygroundAsync();
        await playground.InstallAsync(playground.PersonalChatId);

        var welcome = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && m.AllText.Contains(CardVerbs.ReferralStart, StringComparison.Ordinal));
        Assert.Contains("Demo", welcome.AllText, StringComparison.OrdinalIgnoreCase);

        var personal = new Conversation(playground, playground.PersonalChatId);
        var help = await personal.SayAsync("help", m => m.AllText.Contains("What you can send me", StringComparison.Ordinal));
        Assert.Contains("restart", help.AllText, StringComparison.OrdinalIgnoreCase);

        await playground.InstallAsync(playground.GroupChatId);
        var group = new Conversation(playground, playground.GroupChatId);
        var groupHelp = await group.SayAsync("help", m => m.AllText.Contains("What you can send me", StringComparison.Ordinal), mentionBot: true);
        Assert.Equal(playground.GroupChatId, groupHelp.ConversationId);
    }

    [Fact]
    public async Task A_card_button_is_answered_and_the_card_replaced()
    {
        await using var playground = await environment.NewPlaygroundAsync();
        var chat = new Conversation(playground, playground.PersonalChatId);
        var first = await chat.SayAsync("refer", Conversation.IsReferralPrompt);
        var draftId = Conversation.DataValue(first.Card!, "draftId")!;
        var step = Conversation.StepOf(first)!;

        var response = await playground.InvokeAsync(chat.Id, first.MessageId, ReferralVerbs.Answer, new JsonObject
        {
            ["draftId"] = draftId,
            ["questionId"] = step,
            ["answer"] = ReferralAnswers.For(step),
        });

        // The Playground relays the invoke response's type and value (the card that replaces the pressed one).
        Assert.NotNull(response);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]?.GetValue<string>());
        var next = response["value"]!.ToJsonString();
        Assert.DoesNotContain($"\"questionId\":\"{step}\"", next, StringComparison.Ordinal);
        Assert.Contains("\"questionId\":\"referrer.", next, StringComparison.Ordinal);

        // An unknown verb is a clean 400 invoke error, not an exception.
        var unknown = await playground.InvokeAsync(chat.Id, first.MessageId, "no.such.verb");
        Assert.Equal("application/vnd.microsoft.error", unknown?["type"]?.GetValue<string>());
        await chat.SayAsync("cancel", m => true);
        await chat.SayAsync("yes", m => true);
    }

    [Fact]
    public async Task In_a_channel_the_bot_refuses_to_collect_details_and_opens_a_private_chat()
    {
        await using var playground = await environment.NewPlaygroundAsync();
        await playground.InstallAsync(playground.TeamId);
        var channel = new Conversation(playground, playground.TeamId);

        var mark = playground.Messages.Count;
        await playground.SendAsync(playground.TeamId, "refer", mentionBot: true);

        var notice = await playground.WaitForBotMessageAsync(m => m.AllText.Contains("private chat", StringComparison.Ordinal), mark);
        var question = await playground.WaitForBotMessageAsync(m => Conversation.StepOf(m) is not null, mark);
        // The notice is in the channel's thread; the first question in a 1:1 chat, never in the channel.
        Assert.StartsWith(playground.TeamId, notice.ConversationId, StringComparison.Ordinal);
        Assert.False(question.ConversationId.StartsWith(playground.TeamId, StringComparison.Ordinal), question.ConversationId);
        Assert.DoesNotContain(playground.Messages.Skip(mark), m => m.ConversationId.StartsWith(playground.TeamId, StringComparison.Ordinal) && Conversation.StepOf(m) is not null);
        Assert.NotNull(channel);
    }

    [Fact]
    public async Task A_referral_typed_as_a_user_would_survives_mistakes_back_and_a_restart_then_goes_to_the_chair()
    {
        await using var playground = await environment.NewPlaygroundAsync();
        var chat = new Conversation(playground, playground.PersonalChatId);
        var prompt = await chat.SayAsync("make a refferal", Conversation.IsReferralPrompt);
        var restarted = false;
        var wentBack = false;
        for (var turns = 0; !Conversation.IsSummary(prompt); turns++)
        {
            Assert.True(turns < 80, "The referral did not reach its summary.");
            var step = Conversation.StepOf(prompt)!;
            if (step == ReferralSteps.ChildDateOfBirth && !prompt.AllText.Contains("There is no 31 February", StringComparison.Ordinal))
            {
                prompt = await chat.AnswerAsync("31/02/2023"); // wrong answer 1: no such date
                Assert.Contains("There is no 31 February", prompt.AllText, StringComparison.Ordinal);
                continue;
            }

            if (step == ReferralSteps.ChildIncidentDate && !prompt.AllText.Contains("future", StringComparison.Ordinal))
            {
                prompt = await chat.AnswerAsync("1/1/2099"); // wrong answer 2: a death in the future
                Assert.Contains("future", prompt.AllText, StringComparison.Ordinal);
                Assert.Equal(ReferralSteps.ChildIncidentDate, Conversation.StepOf(prompt));
                continue;
            }

            if (step == ReferralSteps.ChildEthnicity && !wentBack)
            {
                wentBack = true;
                prompt = await chat.AnswerAsync("back");
                Assert.Equal(ReferralSteps.ChildAddress, Conversation.StepOf(prompt));
                continue;
            }

            if (step == ReferralSteps.ChildLanguage && !restarted)
            {
                restarted = true;
                await environment.Bot.StopAsync();
                await environment.Bot.StartAsync();
            }

            prompt = await chat.AnswerAsync(ReferralAnswers.For(step));
        }

        Assert.True(restarted && wentBack);
        Assert.Contains(ReferralAnswers.ChildName, prompt.AllText, StringComparison.Ordinal);
        Assert.Contains(ReferralAnswers.Summary[..40], prompt.AllText, StringComparison.Ordinal);

        var acknowledgement = await chat.SayAsync("submit", m => CaseRef().IsMatch(m.AllText));
        var reference = CaseRef().Match(acknowledgement.AllText).Value;

        // The business manager and sub-group chair (Alex, in the demo board) get the recommendation card in
        // their 1:1 chat through the conversation reference stored before the restart.
        var recommendation = await playground.WaitForBotMessageAsync(m => m.AllText.Contains(CardVerbs.RecommendationReview, StringComparison.Ordinal) && m.AllText.Contains(reference, StringComparison.Ordinal));
        var stored = await StoredCases.FindAsync(environment, reference);
        var referrer = stored.Referral.Referrer;
        Assert.Equal(("Alex Wilber", "Designated safeguarding lead", "020 7946 0000", "alexw@example.com", true), (referrer.Name, referrer.Role, referrer.Phone, referrer.Email, referrer.DesignatedSafeguardingLeadConsulted));
        Assert.Equal(playground.CurrentUserObjectId, referrer.ObjectId);
        Assert.False(string.IsNullOrEmpty(referrer.Agency));
        var child = stored.Referral.Child;
        Assert.Equal((IncidentKind.Died, "12 Mill Lane, Riverside RV2 4QT", "White and Black Caribbean", "English", "Child in need", true), (child.Incident, child.Address, child.Ethnicity, child.LanguagesSpokenAtHome, child.LegalStatus, child.KnownToChildrensSocialCare));
        Assert.Null(child.Religion); // skipped
        Assert.Equal(("Mother", new DateOnly(1995, 4, 3), "12 Mill Lane, Riverside RV2 4QT"), (stored.Referral.Family[0].Relationship, stored.Referral.Family[0].DateOfBirth, stored.Referral.Family[0].Address));
        Assert.Equal(("At home", "Consider a serious case review"), (child.IncidentPlace, stored.Referral.Request));
        Assert.Equal([ReviewProcess.ChildDeathReview], stored.Referral.OtherReviewProcesses);
        Assert.True(stored.Referral.PanelMember!.IsReferrer);
        Assert.Equal("Abuse is suspected and Jordan died.", stored.Referral.CriteriaNarrative);
        Assert.Equal(ReferralAnswers.ChildName, stored.Referral.Child.Name);
        Assert.Equal(new DateOnly(2023, 2, 14), stored.Referral.Child.DateOfBirth);
        Assert.Equal(new DateOnly(2026, 11, 2), stored.Referral.Child.IncidentDate);
        Assert.Equal(ReferralAnswers.Summary, stored.Referral.Summary);
        Assert.Equal("Sam Ellis", Assert.Single(stored.Referral.Family).Name);
        Assert.Equal(2, stored.Referral.Agencies.Count);
        Assert.All(stored.Referral.CriteriaAnswers.Values, Assert.True);
        Assert.Equal(CaseStage.AwaitingRecommendation, stored.Stage);

        await RecommendAndDecideAsync(playground, recommendation, reference);
    }

    private async Task RecommendAndDecideAsync(AgentsPlayground playground, PlaygroundMessage recommendation, string reference)
    {
        var version = Conversation.DataValue(recommendation.Card!, "version")!;
        var mark = playground.Messages.Count;
        var recommended = await playground.InvokeAsync(recommendation.ConversationId, recommendation.MessageId, CardVerbs.RecommendationReview, new JsonObject
        {
            ["caseRef"] = reference,
            ["version"] = version,
            ["rationale"] = "Abuse suspected and the child died: reg 5(2)(a) and (b)(i).",
            ["methodology"] = "SCIE systems model",
        });
        Assert.True(recommended?.ToJsonString().Contains("Waiting for the chair", StringComparison.Ordinal), recommended?.ToJsonString());

        // The decision card reaches the chair; the recommendation card is updated in place.
        var decision = await playground.WaitForBotMessageAsync(m => m.AllText.Contains(CardVerbs.DecisionApprove, StringComparison.Ordinal) && m.AllText.Contains(reference, StringComparison.Ordinal), mark);
        await playground.WaitForBotMessageAsync(m => m.Action == "updateMessage" && m.MessageId == recommendation.MessageId, mark);

        var decisionVersion = Conversation.DataValue(decision.Card!, "version")!;
        mark = playground.Messages.Count;
        var approved = await playground.InvokeAsync(decision.ConversationId, decision.MessageId, CardVerbs.DecisionApprove, new JsonObject
        {
            ["caseRef"] = reference,
            ["version"] = decisionVersion,
        });
        Assert.Contains("agreed", approved!["value"]!.ToJsonString(), StringComparison.Ordinal);

        // The referrer is told the outcome in their 1:1 chat, and the follow-up checklist arrives.
        await playground.WaitForBotMessageAsync(m => m.AllText.Contains($"The decision on your referral {reference}", StringComparison.Ordinal), mark);
        await playground.WaitForBotMessageAsync(m => m.AllText.Contains(CardVerbs.TaskTick, StringComparison.Ordinal), mark);

        // A second press of the same (now stale) Approve changes nothing: the card shows the decision made.
        var again = await playground.InvokeAsync(decision.ConversationId, decision.MessageId, CardVerbs.DecisionApprove, new JsonObject { ["caseRef"] = reference, ["version"] = decisionVersion });
        Assert.Contains("agreed", again!["value"]!.ToJsonString(), StringComparison.Ordinal);
        var stored = await StoredCases.FindAsync(environment, reference);
        Assert.Equal(CaseStage.ReviewInitiated, stored.Stage);
        Assert.Single(await StoredCases.AuditAsync(environment, reference), e => e.Action == "ChairDecisionRecorded");
    }

    [GeneratedRegex(@"\b(SCR|CSPR)-\d{4}-\d{4}\b")]
    private static partial Regex CaseRef();
}
