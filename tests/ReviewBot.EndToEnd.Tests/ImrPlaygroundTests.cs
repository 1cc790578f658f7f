using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.GraphStandIn;
using ReviewBot.Testing;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>
/// IMRs through the Agents Playground, the bot as a process and the Graph stand-in: the chair agrees the review →
/// the business manager names each agency's author → each author gets the IMR card in their own Teams client, a
/// mail and a due-date event (the panel member who never opened ReviewBot has it installed for her through Graph) → the bot runs on into the reminder days →
/// an author marks the IMR submitted on the card with a link → that IMR's reminders stop while the other's go on.
/// </summary>
public sealed class ImrPlaygroundTests(ImrPlaygroundEnvironment env) : IClassFixture<ImrPlaygroundEnvironment>
{
    private const string SocialCare = "childrens-social-care";
    private const string Police = "police";
    private const string Isaiah = "00000000-0000-0000-0000-0000000000023";
    private const string IsaiahMail = "isaiahl@example.com";
    private const string Megan = "00000000-0000-0000-0000-0000000000021";
    private const string AlexMail = "alexw@example.com";
    private const string Document = "https://records.example.org/imr/csc-chronology.docx";

    // The demo board's defaults: due 20 working days after Monday 30 November (25 and 28 December are bank
    // holidays), reminders 10 and 3 working days before.
    private static readonly DateTimeOffset FirstReminderDay = new(2026, 12, 14, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondReminderDay = new(2026, 12, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_author_gets_the_IMR_card_and_marking_it_submitted_on_the_card_stops_its_reminders()
    {
        var playground = env.Playground;
        var alex = playground.PersonalChatId;
        var isaiahs = env.IsaiahsPlayground;
        await new Conversation(isaiahs, isaiahs.PersonalChatId).SayAsync("help", m => m.AllText.Contains("What you can send me", StringComparison.Ordinal));
        var (reference, recommendation) = await CaseJourney.ReferAsync(playground);
        var mark = playground.Messages.Count;
        await CaseJourney.AgreeReviewAsync(playground, recommendation, reference);

        // Commissioned: the business manager (Alex) gets one IMR card per agency the referral names. The police's
        // panel member never opened ReviewBot: it is installed for her through Graph before her card is sent.
        var socialCareCard = await playground.WaitForBotMessageAsync(m => m.ConversationId == alex && IsImrCard(m, reference, SocialCare, CardVerbs.ImrEdit), mark);
        var policeCard = await playground.WaitForBotMessageAsync(m => m.ConversationId == alex && IsImrCard(m, reference, Police, CardVerbs.ImrEdit), mark);
        await Waiting.ForAsync(async () => (await env.Graph.RequestsAsync()).FirstOrDefault(r => r.Method == "POST" && r.Path.Contains($"/users/{Megan}/teamwork/installedApps", StringComparison.Ordinal)), what: "ReviewBot installed for the panel member");

        // Alex names Isaiah Langer for children's social care and himself for the police.
        mark = playground.Messages.Count;
        await CardPress.PressAsync(playground, socialCareCard, CardVerbs.ImrEdit, new JsonObject { ["agencyId"] = SocialCare, ["author"] = Isaiah, ["dueOn"] = "2026-12-30" });
        await CardPress.PressAsync(playground, policeCard, CardVerbs.ImrEdit, new JsonObject { ["agencyId"] = Police, ["author"] = playground.CurrentUserObjectId, ["panelMember"] = Megan, ["dueOn"] = "2026-12-30" });

        // Each author has the IMR card (what to send, the chronology columns, the independence statement), a mail from
        // the board mailbox and an event on the due date.
        var isaiahsCard = await isaiahs.WaitForBotMessageAsync(m => m.ConversationId == isaiahs.PersonalChatId && IsImrCard(m, reference, SocialCare, CardVerbs.ImrIndependence));
        var alexsCard = await playground.WaitForBotMessageAsync(m => m.ConversationId == alex && IsImrCard(m, reference, Police, CardVerbs.ImrIndependence), mark);
        Assert.All([isaiahsCard, alexsCard], card => Assert.Contains("Source of evidence", card.AllText, StringComparison.Ordinal));
        Assert.Contains("not been directly involved", isaiahsCard.AllText, StringComparison.Ordinal);
        foreach (var author in (string[])[IsaiahMail, AlexMail])
        {
            var request = await MailAsync(author, $"IMR request: {reference}");
            Assert.Equal("safeguarding-board@example.org", request.From);
            await Waiting.ForAsync(async () => (await env.Graph.EventsAsync()).FirstOrDefault(e => e.Subject?.StartsWith($"IMR due: {reference}", StringComparison.Ordinal) == true
                && e.Attendees?.Any(a => a.EmailAddress?.Address == author) == true), what: $"the due-date event for {author}");
        }

        // Isaiah confirms he is independent of the family's care, on his card.
        isaiahsCard = await CardPress.PressAsync(isaiahs, isaiahsCard, CardVerbs.ImrIndependence, new JsonObject { ["agencyId"] = SocialCare, ["confirmed"] = "true" });

        // Ten working days before the due date: the bot, running on into Monday 14 December, reminds both authors.
        mark = playground.Messages.Count;
        var isaiahsMark = isaiahs.Messages.Count;
        await env.RestartAtAsync(FirstReminderDay);
        await MailAsync(IsaiahMail, $"IMR reminder: {reference}");
        await MailAsync(AlexMail, $"IMR reminder: {reference}");
        await isaiahs.WaitForBotMessageAsync(m => IsReminder(m, reference), isaiahsMark);
        await playground.WaitForBotMessageAsync(m => m.ConversationId == alex && IsReminder(m, reference), mark);

        // Isaiah marks it submitted on the card, with the link to the document.
        var submitted = await CardPress.PressAsync(isaiahs, isaiahsCard, CardVerbs.ImrSubmit, new JsonObject { ["agencyId"] = SocialCare, ["documentUrl"] = Document });
        Assert.Contains(Document, submitted.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(CardVerbs.ImrSubmit, submitted.AllText, StringComparison.Ordinal);
        var stored = await StoredCases.FindAsync(env.Azurite, reference);
        Assert.Equal((Document, Isaiah), (stored.ImrRequests.Single(r => r.AgencyId == SocialCare).Submission?.DocumentUrl, stored.ImrRequests.Single(r => r.AgencyId == SocialCare).Submission?.ByObjectId));
        var isaiahsMails = (await env.Graph.MailsAsync()).Count(m => m.To.Contains(IsaiahMail));

        // Three working days before: only the police's author is reminded. Isaiah gets no Teams message and no mail.
        mark = playground.Messages.Count;
        isaiahsMark = isaiahs.Messages.Count;
        await env.RestartAtAsync(SecondReminderDay);
        await Waiting.ForAsync(async () => (await env.Graph.MailsAsync()).Count(m => m.To.Contains(AlexMail) && m.Subject.StartsWith($"IMR reminder: {reference}", StringComparison.Ordinal)) == 2 ? "" : null, what: "the police author's second reminder");
        await playground.WaitForBotMessageAsync(m => m.ConversationId == alex && IsReminder(m, reference), mark);
        stored = await StoredCases.FindAsync(env.Azurite, reference);
        Assert.Equal(2, stored.ImrRequests.Single(r => r.AgencyId == Police).Reminders.Count);
        Assert.Single(stored.ImrRequests.Single(r => r.AgencyId == SocialCare).Reminders); // 14 December's only
        Assert.Equal(isaiahsMails, (await env.Graph.MailsAsync()).Count(m => m.To.Contains(IsaiahMail)));
        Assert.DoesNotContain(isaiahs.Messages.Skip(isaiahsMark), m => m.FromBot(isaiahs.Bot.Id) && (m.Action == "createMessage" || IsReminder(m, reference))); // his card may be updated in place, nothing new
        Assert.Equal(3, (await StoredCases.AuditAsync(env.Azurite, reference)).Count(e => e.Action == "ImrReminderSent"));
        await AssertTheStandInPageShowsAsync(reference);
    }

    // With make run, the stand-in's page is where a person sees the Outlook side: Isaiah's request mail and reminder,
    // and the due-date event with its .ics.
    private async Task AssertTheStandInPageShowsAsync(string reference)
    {
        var page = await env.Graph.Admin.GetStringAsync("/");
        var start = page.IndexOf($"<h2>{IsaiahMail}</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no section for the author's mailbox.");
        var section = page[start..] is var rest && rest.IndexOf("<h2>", 4, StringComparison.Ordinal) is var next and > 0 ? rest[..next] : rest;
        Assert.Contains($"IMR request: {reference}", section, StringComparison.Ordinal);
        Assert.Contains($"IMR reminder: {reference}", section, StringComparison.Ordinal);
        Assert.Contains($"IMR due: {reference}", section, StringComparison.Ordinal);
        var due = (await env.Graph.EventsAsync()).Single(e => e.Subject?.StartsWith($"IMR due: {reference}", StringComparison.Ordinal) == true && e.Attendees?.Any(a => a.EmailAddress?.Address == IsaiahMail) == true);
        Assert.Contains($"/events/{due.Id}.ics", section, StringComparison.Ordinal);
        var ics = (await env.Graph.Admin.GetStringAsync($"/events/{due.Id}.ics")).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261230T163000Z\r\n", ics, StringComparison.Ordinal); // the last half hour of the working day it is due
        Assert.Contains($"mailto:{IsaiahMail}", ics, StringComparison.Ordinal);
    }

    private async Task<SentMail> MailAsync(string to, string subjectStart)
        => await Waiting.ForAsync(async () => (await env.Graph.MailsAsync()).LastOrDefault(m => m.To.Contains(to) && m.Subject.StartsWith(subjectStart, StringComparison.Ordinal)), what: $"a mail '{subjectStart}…' to {to}");

    private static bool IsImrCard(PlaygroundMessage m, string reference, string agency, string verb)
        => m.AllText.Contains(reference, StringComparison.Ordinal) && m.AllText.Contains($"\"agencyId\":\"{agency}\"", StringComparison.Ordinal)
            && m.AllText.Contains($"\"{verb}\"", StringComparison.Ordinal);

    private static bool IsReminder(PlaygroundMessage m, string reference)
        => m.AllText.Contains($"IMR reminder: {reference}", StringComparison.Ordinal);
}
