using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Imr;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Ports;
using ReviewBot.Core.Referrals;
using ReviewBot.GraphStandIn;
using ReviewBot.Storage;
using ReviewBot.Testing;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Imr;

/// <summary>Azurite, the recording connector, the Graph stand-in and the bot as a real process (so it can be killed), on real time.</summary>
public sealed class ImrProcessEnvironment : IAsyncLifetime
{
    private readonly string boardFile = Path.Combine(Path.GetTempPath(), $"reviewbot-imr-kill-board-{Guid.NewGuid():N}.json");
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public AzuriteFixture Azurite { get; } = new();

    public RecordingConnector Connector { get; private set; } = null!;

    public GraphStandInFixture Graph { get; private set; } = null!;

    public BoardConfiguration Board { get; private set; } = null!;

    public BotProcess Bot { get; private set; } = null!;

    public TableCaseStore Cases { get; private set; } = null!;

    public TableEffectOutbox Outbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Connector = await RecordingConnector.StartAsync();
        Board = ImrPeople.Board with { Channel = new TeamChannel("team-1", BotHost.BoardChannelId, Connector.ServiceUrl) };
        await File.WriteAllTextAsync(boardFile, JsonSerializer.Serialize(Board, StorageJson.Options));
        Graph = new GraphStandInFixture { ExtraBoardFiles = [boardFile] };
        await Graph.InitializeAsync();
        var tables = new StorageTables(TableStorageClients.CreateServiceClient(new StorageOptions { ConnectionString = Azurite.ConnectionString }));
        Cases = new TableCaseStore(tables, TimeProvider.System, NullLogger<TableCaseStore>.Instance);
        Outbox = new TableEffectOutbox(tables);
        Bot = new BotProcess(new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = Azurite.ConnectionString,
            ["Storage__SeedBoardFiles__0"] = boardFile,
            ["Graph__BaseUrl"] = Graph.GraphBaseUrl,
            ["Graph__TeamsAppId"] = "reviewbot-manifest-id",
            ["Sweeps__DeadlineInterval"] = "00:00:01",
            ["Sweeps__ClaimDuration"] = "00:00:10",
            ["Effects__SweepInterval"] = "00:00:00.500",
            // Longer than a mail takes here (2 s below), so a mail in flight is never claimed and sent again by a
            // sweep alongside it; the restart then waits for the killed process's claims to lapse.
            ["Effects__ClaimDuration"] = "00:00:10",
            ["Effects__RetryDelay"] = "00:00:00.200",
            ["Effects__MaxRetryDelay"] = "00:00:01",
        });
        await Bot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Graph.DisposeAsync();
        await Connector.DisposeAsync();
        await Azurite.DisposeAsync();
        File.Delete(boardFile);
    }

    /// <summary>Each person says hello, so the bot knows their 1:1 chat.</summary>
    public async Task GreetAsync(params string[] actors)
    {
        foreach (var actor in actors)
        {
            (await Http.PostAsJsonAsync(Bot.MessagesEndpoint, BotHost.ActivityFor(Connector.ServiceUrl, "message", actor, "hello"))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// A case whose police IMR was due on the last working day before today, with author and panel member named:
    /// its −10, −3 and on-the-day reminders are all due (written with its deadline entries, as a change writes them).
    /// </summary>
    public async Task<ReviewCase> OverdueImrCaseAsync()
    {
        var intake = new ReferralIntake(Cases, TimeProvider.System);
        var referral = new Referral { Child = new Child { Name = "Test Child", Incident = IncidentKind.Died }, Summary = "Summary.", Agencies = [new InvolvedAgency("Riverside Police", "police")] };
        var c = (await intake.SubmitAsync(Board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        var now = DateTimeOffset.UtcNow;
        var dueOn = WorkingDayCalendar.EnglandAndWales.AddWorkingDays(BoardTime.Today(Board, now), -1);
        var request = new ImrRequest("police", dueOn, ImrPeople.Author)
        {
            CommissionedOn = dueOn.AddDays(-60),
            DueSetOn = dueOn.AddDays(-60),
            PanelMemberObjectId = ImrPeople.PanelMember,
            Independence = new ImrIndependence("Confirmed.", ImrPeople.Author, now),
        };
        var result = await Cases.UpdateAsync(Board.BoardId, c.Reference, latest =>
        {
            var agreed = latest with
            {
                Stage = CaseStage.ReviewInitiated,
                ImrRequests = [request],
                Parties = ImrCommissioning.WithParties(latest.Parties, [new(ImrPeople.Author, BoardRole.ImrAuthor, "Ian Author"), new(ImrPeople.PanelMember, BoardRole.PanelMember, "Pat Panel")]),
            };
            var seeded = new CaseEvent { Case = latest.Reference, Action = "TestSeeded", ActorObjectId = "test", At = now, StageBefore = latest.Stage, StageAfter = agreed.Stage };
            return new CaseChange(agreed, seeded) { Effects = [new CaseEffect(CaseEffectKinds.ScheduleDeadlines, Deadlines: DeadlinePlanner.For(agreed, Board))] };
        }, CancellationToken.None);
        return result.Case!;
    }

    public async Task<ReviewCase> CaseAsync(CaseReference reference) => (await Cases.FindAsync(Board.BoardId, reference, CancellationToken.None))!;
}

/// <summary>
/// The bot SIGKILLed in the middle of an IMR reminder sweep (reminders recorded, their mails under way) and started
/// again: every reminder's mail and Teams message arrives, and none twice except a mail Graph had accepted at the kill.
/// </summary>
public sealed class ImrKillTests(ImrProcessEnvironment env) : IClassFixture<ImrProcessEnvironment>
{
    private const int CaseCount = 12;

    [Fact]
    public async Task Killed_mid_reminder_sweep_and_restarted_no_IMR_reminder_is_lost_or_doubled()
    {
        await env.GreetAsync(Actors.SubGroupChair, Actors.BusinessManager, Actors.BoardChair, ImrPeople.Author, ImrPeople.PanelMember);
        await env.Bot.StopAsync();
        var cases = new List<ReviewCase>();
        for (var i = 0; i < CaseCount; i++)
        {
            cases.Add(await env.OverdueImrCaseAsync());
        }

        // Each mail takes two seconds to send, so the kill lands with reminders recorded and mails still in flight.
        await env.Graph.InjectAsync(new Fault { PathContains = "/sendMail", DelayMs = 2000 });
        await env.Bot.StartAsync();
        await Eventually.HoldsAsync(() => ReminderMailsAsync().GetAwaiter().GetResult().Count > 0, 60, env.Bot.Output);
        await env.Bot.KillAsync();
        var atKill = await ReminderMailsAsync();
        var teamsAtKill = env.Connector.Calls.ToArray();
        var recordedAtKill = await Task.WhenAll(cases.Select(c => env.CaseAsync(c.Reference)));
        Assert.True(atKill.Count < CaseCount, $"The kill came after every mail ({atKill.Count}).");
        Assert.Contains(recordedAtKill, c => c.ImrRequests[0].Reminders.Count > 0);

        (await env.Graph.Admin.DeleteAsync("admin/faults")).EnsureSuccessStatusCode();
        await env.Bot.StartAsync();
        await Eventually.HoldsAsync(() => cases.All(c => Settled(c.Reference)), 120, env.Bot.Output);

        var mails = await ReminderMailsAsync();
        foreach (var stored in await Task.WhenAll(cases.Select(c => env.CaseAsync(c.Reference))))
        {
            // −10 and −3 were superseded by the on-the-day reminder due at the same sweep: one reminder sent per case.
            var sent = Assert.Single(stored.ImrRequests[0].Reminders, r => !r.Superseded);
            Assert.EndsWith(":0", sent.Key, StringComparison.Ordinal);
            Assert.Equal(3, stored.ImrRequests[0].Reminders.Count);
            foreach (var recipient in sent.Recipients)
            {
                // Every mail arrives. One that Graph had accepted when the kill landed, before its effect was marked
                // done, may be sent once more: the outbox's one-send window (src/ReviewBot/Storage/README.md,
                // "Duplicates"); sendMail has no idempotency key. Any other repeat is a bug.
                var address = env.Board.FindPerson(recipient)!.Email!;
                bool ToThem(SentMail m) => m.Subject.Contains($"{stored.Reference} (", StringComparison.Ordinal) && m.To.Contains(address);
                Assert.InRange(mails.Count(ToThem), 1, atKill.Any(ToThem) ? 2 : 1);
            }

            var teams = TeamsTo(ImrPeople.Author, $"{stored.Reference} (Riverside Police)");
            Assert.InRange(teams.Count, 1, teams.Any(t => teamsAtKill.Any(k => ReferenceEquals(k, t))) ? 2 : 1); // the same one-send window

        }
    }

    private bool Settled(CaseReference reference)
    {
        var c = env.CaseAsync(reference).GetAwaiter().GetResult();
        return c.ImrRequests[0].Reminders.Count == 3
            && env.Outbox.ListForCaseAsync(env.Board.BoardId, reference, CancellationToken.None).GetAwaiter().GetResult().Count == 0;
    }

    private async Task<List<SentMail>> ReminderMailsAsync()
        => [.. (await env.Graph.MailsAsync()).Where(m => m.Subject.StartsWith("IMR reminder:", StringComparison.Ordinal) || m.Subject.StartsWith("IMR overdue:", StringComparison.Ordinal))];

    private List<RecordedCall> TeamsTo(string objectId, string text)
        => [.. env.Connector.Calls.Where(c => c.Method == "POST" && c.Path.Contains($"a:personal-{objectId}/activities", StringComparison.Ordinal)
            && c.Body?.ToJsonString().Contains(text, StringComparison.Ordinal) == true)];
}
