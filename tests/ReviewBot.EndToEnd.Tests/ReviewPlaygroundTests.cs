using System.Globalization;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Review;
using ReviewBot.Testing;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>
/// The whole review of the host journey (tests/ReviewBot.Tests/Review/ReviewJourneyTests.cs) through the Agents
/// Playground, the bot as a process and the Graph stand-in: referred and agreed, then every stage moved on by
/// pressing the stage card's buttons as the person whose role acts, each in their own Teams client, through to
/// closed. The bot is restarted on chosen days to move its clock across Christmas 2026 and New Year: the stage
/// reminders and the IMR chasing come on their working days, and publication waits for the checklist and the
/// notice period.
/// </summary>
public sealed class ReviewPlaygroundTests(ReviewPlaygroundEnvironment env) : IClassFixture<ReviewPlaygroundEnvironment>
{
    private const string SocialCare = "childrens-social-care";
    private const string Police = "police";
    private const string Reminder = "Reminder: this stage is due on";

    // The first stage has five working days from Monday 14 December; its first reminder is two working days before.
    private static readonly DateTimeOffset ReviewTeamReminderDay = new(2026, 12, 17, 10, 0, 0, TimeSpan.Zero);

    // The IMRs are due 20 working days after the agreement (Thursday 14 January 2027: 25 and 28 December and
    // 1 January are bank holidays); the first chase is ten working days before.
    private static readonly DateTimeOffset ImrChaseDay = new(2026, 12, 30, 10, 0, 0, TimeSpan.Zero);

    // Terms of reference, started on 17 December, has ten working days (to Tuesday 5 January 2027); its first
    // reminder is two working days before, on New Year's Eve, not the day before.
    private static readonly DateTimeOffset TermsReminderDay = new(2026, 12, 31, 10, 0, 0, TimeSpan.Zero);

    // The national panel is told on 31 December: the report may be published seven days later.
    private static readonly DateTimeOffset PublicationDay = new(2027, 1, 7, 10, 0, 0, TimeSpan.Zero);

    private AgentsPlayground Alex => env.Playground;

    [Fact]
    public async Task A_review_runs_from_referral_to_closed_by_card_presses_in_the_Playground_with_each_clock_firing_on_its_working_day()
    {
        // Isaiah and Megan have opened ReviewBot in Teams before.
        foreach (var other in (AgentsPlayground[])[env.IsaiahsPlayground, env.MegansPlayground])
        {
            await new Conversation(other, other.PersonalChatId).SayAsync("help", m => m.AllText.Contains("What you can send me", StringComparison.Ordinal));
        }

        var (reference, recommendation) = await CaseJourney.ReferAsync(Alex);
        var mark = Alex.Messages.Count;
        await CaseJourney.AgreeReviewAsync(Alex, recommendation, reference);
        var stage = await StageCardAsync(Alex, mark, reference, "Review team and case team");
        var checklist = await Alex.WaitForBotMessageAsync(m => m.ConversationId == Alex.PersonalChatId && CardPress.HasButton(m, CardVerbs.TaskTick) && m.AllText.Contains(reference, StringComparison.Ordinal), mark);
        var imrs = await NameImrAuthorsAsync(reference, mark);
        Assert.Contains("Monday 21 December 2026", CardPress.TextOf(stage), StringComparison.Ordinal);
        Assert.True(CardPress.HasButton(stage, CardVerbs.ReviewAdvance));
        Assert.False(CardPress.HasButton(stage, CardVerbs.ReviewTerms)); // each stage's form from its own stage on

        stage = await ReviewTeamAndTermsAsync(reference);
        stage = await LeadReviewerAsync(stage, reference);
        stage = await ImrsInAsync(stage, imrs);
        stage = await PanelMeetingAsync(stage, reference);
        stage = await ReportSignedOffAndApprovedAsync(stage, reference);
        stage = await PublishAsync(stage, checklist, reference);
        await MonitorDisseminateAndCloseAsync(stage, reference);

        var stored = await StoredCases.FindAsync(env.Azurite, reference);
        Assert.Equal((CaseStage.Closed, ReviewStage.Closed), (stored.Stage, stored.Review!.Stage));
    }

    // The business manager names himself as each agency's IMR author (the due date as the card shows it); returns
    // his author cards.
    private async Task<PlaygroundMessage[]> NameImrAuthorsAsync(string reference, int mark)
    {
        var authorMark = Alex.Messages.Count;
        foreach (var agency in (string[])[SocialCare, Police])
        {
            var card = await Alex.WaitForBotMessageAsync(m => m.ConversationId == Alex.PersonalChatId && IsImrCard(m, reference, agency, CardVerbs.ImrEdit), mark);
            await CardPress.PressAsync(Alex, card, CardVerbs.ImrEdit, new JsonObject { ["agencyId"] = agency, ["author"] = Alex.CurrentUserObjectId });
        }

        return
        [
            await Alex.WaitForBotMessageAsync(m => m.ConversationId == Alex.PersonalChatId && IsImrCard(m, reference, SocialCare, CardVerbs.ImrIndependence), authorMark),
            await Alex.WaitForBotMessageAsync(m => m.ConversationId == Alex.PersonalChatId && IsImrCard(m, reference, Police, CardVerbs.ImrIndependence), authorMark),
        ];
    }

    // Review team, then terms of reference: each stage's reminder on its working day, the IMR chase between them.
    private async Task<PlaygroundMessage> ReviewTeamAndTermsAsync(string reference)
    {
        var mark = Alex.Messages.Count;
        await env.RestartAtAsync(ReviewTeamReminderDay);
        var reminder = await StageCardAsync(Alex, mark, reference, "Review team and case team", $"{Reminder} Monday 21 December 2026 (2 working days left).");
        var stage = await CardPress.PressAsync(Alex, reminder, CardVerbs.ReviewAdvance, new JsonObject { ["team"] = "Alex Wilber (review team); Megan Bowen, Isaiah Langer (case team)" });
        var text = CardPress.TextOf(stage);
        Assert.Contains("Serious case review: Terms of reference, scope and panel", text, StringComparison.Ordinal);
        Assert.Contains("Tuesday 5 January 2027", text, StringComparison.Ordinal);
        Assert.Contains("Please record the terms of reference, scope and panel first.", text, StringComparison.Ordinal);

        // Wednesday 30 December: the IMRs are chased; the terms' reminder is not due yet.
        mark = Alex.Messages.Count;
        await env.RestartAtAsync(ImrChaseDay);
        await Alex.WaitForBotMessageAsync(m => m.ConversationId == Alex.PersonalChatId && m.AllText.Contains($"IMR reminder: {reference}", StringComparison.Ordinal), mark, TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(Alex.Messages.Skip(mark), m => CardPress.TextOf(m).Contains(Reminder, StringComparison.Ordinal));

        // Thursday 31 December: the terms' reminder; the sub-group chair records them with the panel the card proposes.
        await env.RestartAtAsync(TermsReminderDay);
        reminder = await StageCardAsync(Alex, mark, reference, "Terms of reference, scope and panel", $"{Reminder} Tuesday 5 January 2027 (2 working days left).");
        Assert.Single(Alex.Messages.Skip(mark), m => CardPress.TextOf(m).Contains(Reminder, StringComparison.Ordinal)); // none came a day early
        stage = await CardPress.PressAsync(Alex, reminder, CardVerbs.ReviewTerms, new JsonObject { ["scope"] = "Agency contact with the family from the child's birth" });
        Assert.Contains("Panel: Megan Bowen (Police Child Abuse Investigation Team)", CardPress.TextOf(stage), StringComparison.Ordinal);
        return await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAdvance);
    }

    // The lead reviewer: proposed and agreed by the chair (Alex), agreed by the director (Isaiah, on his own card),
    // checked, independence confirmed.
    private async Task<PlaygroundMessage> LeadReviewerAsync(PlaygroundMessage stage, string reference)
    {
        Assert.Contains("Serious case review: Lead reviewer appointed", CardPress.TextOf(stage), StringComparison.Ordinal);
        var isaiah = env.IsaiahsPlayground;
        var isaiahsCard = await StageCardAsync(isaiah, 0, reference, "Lead reviewer appointed");
        Assert.False(CardPress.HasButton(isaiahsCard, CardVerbs.ReviewLeadAgree)); // nobody proposed yet

        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewLeadPropose, new JsonObject { ["leadName"] = "Dr Robin Hale" });
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewLeadAgree);
        Assert.Contains("the director of children's services' agreement", CardPress.TextOf(stage), StringComparison.Ordinal);

        isaiahsCard = await CardPress.PressAsync(isaiah, isaiahsCard, CardVerbs.ReviewLeadAgree);
        Assert.Contains("director of children's services agreed (Isaiah Langer)", CardPress.TextOf(isaiahsCard), StringComparison.Ordinal);
        Assert.False(CardPress.HasButton(isaiahsCard, CardVerbs.ReviewAdvance)); // the director does not move the stage on

        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewLeadCheck, new JsonObject { ["check"] = "Training" });
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewLeadCheck, new JsonObject { ["check"] = "References" });
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewLeadIndependence, new JsonObject { ["confirmed"] = "true" });
        return await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAdvance);
    }

    // The stage waits for the IMRs; the author (Alex) confirms independence and marks each submitted on its card.
    private async Task<PlaygroundMessage> ImrsInAsync(PlaygroundMessage stage, PlaygroundMessage[] imrs)
    {
        Assert.Contains("Some IMRs are not in yet", CardPress.TextOf(stage), StringComparison.Ordinal);
        Assert.Contains("Some IMRs are not in yet", await CardPress.RefusedAsync(Alex, stage, CardVerbs.ReviewAdvance), StringComparison.Ordinal);
        foreach (var (card, agency) in imrs.Zip((string[])[SocialCare, Police]))
        {
            var confirmed = await CardPress.PressAsync(Alex, card, CardVerbs.ImrIndependence, new JsonObject { ["agencyId"] = agency, ["confirmed"] = "true" });
            await CardPress.PressAsync(Alex, confirmed, CardVerbs.ImrSubmit, new JsonObject { ["agencyId"] = agency, ["documentUrl"] = $"https://records.example.org/imr/{agency}.docx" });
        }

        return await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAdvance);
    }

    // The panel meeting goes through the meeting flow (reachable in the Playground and quick): the slot card, a
    // pick, and the stand-in holds the Teams meeting with the panel.
    private async Task<PlaygroundMessage> PanelMeetingAsync(PlaygroundMessage stage, string reference)
    {
        Assert.Contains("Serious case review: Panel meetings", CardPress.TextOf(stage), StringComparison.Ordinal);
        var mark = Alex.Messages.Count;
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewMeeting);
        var slots = await Alex.WaitForBotMessageAsync(m => m.Action == "createMessage" && CardPress.HasButton(m, CardVerbs.MeetingPick) && m.AllText.Contains(reference, StringComparison.Ordinal), mark);
        await CardPress.PressAsync(Alex, slots, CardVerbs.MeetingPick);
        await BookedAsync(slots);
        var held = await Waiting.ForAsync(async () => (await env.Graph.EventsAsync()).FirstOrDefault(e => e.Subject?.StartsWith(reference, StringComparison.Ordinal) == true), what: "the panel meeting in the board mailbox");
        Assert.Contains(held.Attendees!, a => a.EmailAddress?.Address == PlaygroundUsers.Megan.Email);
        return await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAdvance);
    }

    // The report's versions as links; the panel member (Megan, on her card) signs off; the chair approves.
    private async Task<PlaygroundMessage> ReportSignedOffAndApprovedAsync(PlaygroundMessage stage, string reference)
    {
        Assert.Contains("Serious case review: Draft overview report", CardPress.TextOf(stage), StringComparison.Ordinal);
        var megansMark = env.MegansPlayground.Messages.Count;
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewReport, new JsonObject { ["reportKind"] = "OverviewReport", ["reportUrl"] = "https://docs.example.org/overview-v1.docx", ["reportLabel"] = "v1" });
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewReport, new JsonObject { ["reportKind"] = "ExecutiveSummary", ["reportUrl"] = "https://docs.example.org/summary-v1.docx", ["reportLabel"] = "v1" });
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAdvance);
        var text = CardPress.TextOf(stage);
        Assert.Contains("Not every panel member has signed off", text, StringComparison.Ordinal);
        Assert.Contains("Signed off v1: no one yet; waiting for Megan Bowen", text, StringComparison.Ordinal);

        var megansCard = await StageCardAsync(env.MegansPlayground, megansMark, reference, "Panel sign-off");
        megansCard = await CardPress.PressAsync(env.MegansPlayground, megansCard, CardVerbs.ReviewSignOff);
        Assert.False(CardPress.HasButton(megansCard, CardVerbs.ReviewSignOff));
        Assert.False(CardPress.HasButton(megansCard, CardVerbs.ReviewAdvance));

        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAdvance);
        Assert.Contains("Approve the final report", CardPress.TextOf(stage), StringComparison.Ordinal);
        return await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAdvance);
    }

    // Publication is refused until the anonymisation checklist is complete and the national panel has had the
    // report for the notice period; on the day it has, it is published.
    private async Task<PlaygroundMessage> PublishAsync(PlaygroundMessage stage, PlaygroundMessage checklist, string reference)
    {
        Assert.Contains("Serious case review: Publication", CardPress.TextOf(stage), StringComparison.Ordinal);
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewPublicationPlan, new JsonObject { ["plannedOn"] = "2027-01-14" });
        Assert.Contains("The anonymisation checklist is not complete", await CardPress.RefusedAsync(Alex, stage, CardVerbs.ReviewAdvance), StringComparison.Ordinal);
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAnonymisation, new JsonObject { ["checks"] = "NoNames,NoDatesOfBirth,NoAddresses,NoSchools" });
        Assert.Contains("motivated-intruder", await CardPress.RefusedAsync(Alex, stage, CardVerbs.ReviewAdvance), StringComparison.Ordinal);
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAnonymisation, new JsonObject { ["checks"] = "MotivatedIntruderTest" });
        Assert.Contains("must be told before publication", await CardPress.RefusedAsync(Alex, stage, CardVerbs.ReviewAdvance), StringComparison.Ordinal);

        // The business manager sends the report to the national panel and ticks the notice on the checklist.
        checklist = await CardPress.PressAsync(Alex, checklist, CardVerbs.TaskTick, new JsonObject { ["taskId"] = Publication.NoticeTaskPrefix + "the-national-panel" });
        Assert.Contains("Send the report to the national panel", CardPress.TextOf(checklist), StringComparison.Ordinal);
        Assert.Contains("can be published from 7 January 2027", await CardPress.RefusedAsync(Alex, stage, CardVerbs.ReviewAdvance), StringComparison.Ordinal);

        await env.RestartAtAsync(PublicationDay);
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAdvance);
        var text = CardPress.TextOf(stage);
        Assert.Contains("Serious case review: Action plan monitoring", text, StringComparison.Ordinal);
        Assert.Contains("Published Thursday 7 January 2027", text, StringComparison.Ordinal);
        return stage;
    }

    // Action plan monitoring skipped with a reason; the agencies asked to disseminate the learning, the police's
    // panel member confirms on her card and the business manager for children's social care (no panel member on the
    // demo board); the learning event is held; the business manager closes the review.
    private async Task MonitorDisseminateAndCloseAsync(PlaygroundMessage stage, string reference)
    {
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewSkip, new JsonObject { ["reason"] = "Monitored by the joint action plan" });
        Assert.Contains("Serious case review: Learning disseminated", CardPress.TextOf(stage), StringComparison.Ordinal);

        var megan = env.MegansPlayground;
        var megansMark = megan.Messages.Count;
        var plan = await new Conversation(Alex, Alex.PersonalChatId).SayAsync($"action plan {reference}", m => CardPress.HasButton(m, CardVerbs.LearningStart));
        var alexsMark = Alex.Messages.Count;
        await CardPress.PressAsync(Alex, plan, CardVerbs.LearningStart, new JsonObject { ["disseminateBy"] = "2027-02-26" });

        // Children's social care has no panel member on the demo board: its task comes to the business manager.
        var forSocialCare = await Alex.WaitForBotMessageAsync(m => m.ConversationId == Alex.PersonalChatId && CardPress.HasButton(m, CardVerbs.LearningConfirm) && m.AllText.Contains(reference, StringComparison.Ordinal), alexsMark);
        forSocialCare = await CardPress.PressAsync(Alex, forSocialCare, CardVerbs.LearningConfirm, new JsonObject { ["note"] = "Practice briefings in each social work team" });
        Assert.False(CardPress.HasButton(forSocialCare, CardVerbs.LearningConfirm));
        var learning = await megan.WaitForBotMessageAsync(m => m.ConversationId == megan.PersonalChatId && CardPress.HasButton(m, CardVerbs.LearningConfirm) && m.AllText.Contains(reference, StringComparison.Ordinal), megansMark);
        learning = await CardPress.PressAsync(megan, learning, CardVerbs.LearningConfirm, new JsonObject { ["note"] = "Briefings for the child abuse investigation team" });
        Assert.False(CardPress.HasButton(learning, CardVerbs.LearningConfirm));

        stage = await LearningEventHeldAsync(stage, reference);
        Assert.Contains("Close the review", CardPress.TextOf(stage), StringComparison.Ordinal);
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewAdvance);
        Assert.Contains("No one: the review is closed", CardPress.TextOf(stage), StringComparison.Ordinal);
        Assert.False(CardPress.HasButton(stage, CardVerbs.ReviewAdvance));
    }

    // The multi-agency learning event through the same meeting flow (the slot card, a pick, the Teams meeting in the
    // stand-in with the panel member invited); the review may close only once it has taken place, so the bot runs on
    // to the day after it.
    private async Task<PlaygroundMessage> LearningEventHeldAsync(PlaygroundMessage stage, string reference)
    {
        var mark = Alex.Messages.Count;
        stage = await CardPress.PressAsync(Alex, stage, CardVerbs.ReviewLearningEvent);
        var slots = await Alex.WaitForBotMessageAsync(m => m.Action == "createMessage" && CardPress.HasButton(m, CardVerbs.MeetingPick) && m.AllText.Contains(reference, StringComparison.Ordinal), mark);
        await CardPress.PressAsync(Alex, slots, CardVerbs.MeetingPick);

        // Graph may hold the event before the case records it (the bot then says it is still sending): wait for the booking.
        await BookedAsync(slots);
        var learningEvent = await Waiting.ForAsync(async () => (await env.Graph.EventsAsync()).FirstOrDefault(e => e.Subject == $"{reference}: multi-agency learning event"), what: "the learning event in the board mailbox");
        Assert.True(learningEvent.IsOnlineMeeting);
        Assert.Contains(learningEvent.Attendees!, a => a.EmailAddress?.Address == PlaygroundUsers.Megan.Email);
        Assert.Contains("The multi-agency learning event has not taken place yet", await CardPress.RefusedAsync(Alex, stage, CardVerbs.ReviewAdvance), StringComparison.Ordinal);

        var eventDay = DateOnly.FromDateTime(DateTime.Parse(learningEvent.End!.DateTime!, CultureInfo.InvariantCulture));
        await env.RestartAtAsync(new DateTimeOffset(eventDay.AddDays(1), new TimeOnly(10, 0), TimeSpan.Zero));
        return await CardPress.ShownAsync(Alex, stage);
    }

    // Waits until the slot card, shown again, says the meeting is booked: the case has recorded Graph's event.
    private Task<string> BookedAsync(PlaygroundMessage slots)
        => Waiting.ForAsync(async () => CardPress.TextOf(await CardPress.ShownAsync(Alex, slots)) is var shown && shown.Contains("Booked: the invite is in the panel's calendars", StringComparison.Ordinal) ? shown : null, what: "the slot card saying the meeting is booked");

    // The stage card the bot posted in the person's 1:1 chat since mark, at the stage titled so, showing every one of texts.
    private static Task<PlaygroundMessage> StageCardAsync(AgentsPlayground client, int mark, string reference, string stage, params string[] texts)
        => client.WaitForBotMessageAsync(
            m => m.ConversationId == client.PersonalChatId && m.Action == "createMessage"
                && texts.Append($"Serious case review: {stage} ({reference})").All(t => CardPress.TextOf(m).Contains(t, StringComparison.Ordinal)),
            mark,
            TimeSpan.FromSeconds(60));

    private static bool IsImrCard(PlaygroundMessage m, string reference, string agency, string verb)
        => m.AllText.Contains(reference, StringComparison.Ordinal) && m.AllText.Contains($"\"agencyId\":\"{agency}\"", StringComparison.Ordinal) && CardPress.HasButton(m, verb);
}
