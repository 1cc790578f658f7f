using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Reminders;
using ReviewBot.Cards;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Intake;
using ReviewBot.Ports;
using ReviewBot.Core.Referrals;
using ReviewBot.Testing;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Imr;

/// <summary>People of the IMR board besides <see cref="BotHost.Board"/>'s.</summary>
public static class ImrPeople
{
    public const string Author = "oid-imr-author";
    public const string PanelMember = "oid-panel-police";
    public const string AuthorMail = "ian.author@example.org";
    public const string PanelMail = "pat.panel@example.org";
    public const string ChairMail = "chris@example.org";
    public const string CscAuthor = "oid-imr-author-csc";
    public const string CscPanelMember = "oid-panel-csc";
    public const string CscAuthorMail = "cara.author@example.org";
    public const string CscPanelMail = "carl.panel@example.org";

    /// <summary>The host tests' board with a mailbox, an IMR author and the police's panel member.</summary>
    public static BoardConfiguration Board { get; } = BotHost.Board with
    {
        BoardMailbox = "imr-board@example.org",
        People =
        [
            .. BotHost.Board.People,
            new(Author, "Ian Author", AuthorMail, [], "police"),
            new(PanelMember, "Pat Panel", PanelMail, [BoardRole.PanelMember], "police"),
            new(CscAuthor, "Cara Author", CscAuthorMail, [], "csc"),
            new(CscPanelMember, "Carl Panel", CscPanelMail, [BoardRole.PanelMember], "csc"),
        ],
    };
}

/// <summary>The app with the IMR board, Graph pointed at the stand-in and a clock the test moves.</summary>
public sealed class ImrBotHost : BotHost
{
    public ImrBotHost(string graphBaseUrl, DateTimeOffset start, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        Clock = new FakeTimeProvider(start);
        Settings = SettingsFor(graphBaseUrl, extraSettings);
    }

    /// <summary>One of several instances on shared storage, connector and clock.</summary>
    public ImrBotHost(string graphBaseUrl, FakeTimeProvider clock, AzuriteFixture azurite, RecordingConnector connector)
        : base(azurite, connector)
    {
        Clock = clock;
        Settings = SettingsFor(graphBaseUrl, null);
    }

    private static Dictionary<string, string> SettingsFor(string graphBaseUrl, IReadOnlyDictionary<string, string>? extraSettings)
        => new(extraSettings ?? new Dictionary<string, string>())
        {
            ["Graph:BaseUrl"] = graphBaseUrl,
            ["Graph:TeamsAppId"] = "reviewbot-manifest-id",
        };

    protected override BoardConfiguration SeededBoard => ImrPeople.Board;

    protected override IReadOnlyDictionary<string, string> Settings { get; }
}

/// <summary>
/// The Graph stand-in (knowing the IMR board's people), Azurite, the recording connector and the app with a fake
/// clock: Monday 30 November 2026, 10:00 UTC. <see cref="TwoImrInstances"/> runs two apps on the same storage,
/// connector, stand-in and clock.
/// </summary>
public class ImrEnvironment : IAsyncLifetime
{
    /// <summary>Settings a variant adds (Outlook on, say).</summary>
    protected virtual IReadOnlyDictionary<string, string>? ExtraSettings => null;

    private readonly string boardFile = Path.Combine(Path.GetTempPath(), $"reviewbot-imr-board-{Guid.NewGuid():N}.json");
    private readonly int instances;
    private AzuriteFixture? sharedAzurite;
    private RecordingConnector? sharedConnector;

    public ImrEnvironment()
        : this(1)
    {
    }

    protected ImrEnvironment(int instances) => this.instances = instances;

    public GraphStandInFixture Graph { get; private set; } = null!;

    /// <summary>The instance the test talks to (presses and chat go here).</summary>
    public ImrBotHost Host => Hosts[0];

    /// <summary>Every instance; all of them sweep.</summary>
    public List<ImrBotHost> Hosts { get; } = [];

    public FakeTimeProvider Clock => Host.Clock!;

    public RecordingConnector Connector => Host.Connector;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(boardFile, JsonSerializer.Serialize(ImrPeople.Board, global::ReviewBot.Storage.StorageJson.Options));
        Graph = new GraphStandInFixture { ExtraBoardFiles = [boardFile] };
        await Graph.InitializeAsync();
        var start = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        if (instances == 1)
        {
            Hosts.Add(new ImrBotHost(Graph.GraphBaseUrl, start, ExtraSettings));
        }
        else
        {
            sharedAzurite = new AzuriteFixture();
            await sharedAzurite.InitializeAsync();
            sharedConnector = await RecordingConnector.StartAsync();
            var clock = new FakeTimeProvider(start);
            Hosts.AddRange(Enumerable.Range(0, instances).Select(_ => new ImrBotHost(Graph.GraphBaseUrl, clock, sharedAzurite, sharedConnector)));
        }

        foreach (var host in Hosts)
        {
            await ((IAsyncLifetime)host).InitializeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }

        if (sharedConnector is not null)
        {
            await sharedConnector.DisposeAsync();
        }

        if (sharedAzurite is not null)
        {
            await sharedAzurite.DisposeAsync();
        }

        await Graph.DisposeAsync();
        File.Delete(boardFile);
    }

    /// <summary>A referral naming the police (and any <paramref name="others"/>), recommended and approved through the cards: the review is agreed today.</summary>
    public async Task<ReviewCase> AgreedReviewAsync(params InvolvedAgency[] others)
    {
        var board = (await Host.Services.GetRequiredService<IBoardDirectory>().GetAsync(ImrPeople.Board.BoardId, CancellationToken.None))!;
        var referral = new Referral
        {
            Child = new Child { Name = "Test Child", Incident = IncidentKind.Died },
            Summary = "Summary.",
            Agencies = [new InvolvedAgency("Riverside Police", "police"), .. others],
        };
        var c = (await Host.Services.GetRequiredService<ReferralIntake>().SubmitAsync(board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        Host.Services.GetRequiredService<EffectDispatcher>().Dispatch(board.BoardId, c.Reference, c.Version);
        await AllIdleAsync();
        c = await PressAsync(Actors.SubGroupChair, CardVerbs.RecommendationReview, c, new JsonObject { ["rationale"] = "Met." });
        return await PressAsync(Actors.BoardChair, CardVerbs.DecisionApprove, c, []);
    }

    /// <summary>Presses a case card's button with the case's current version and waits for what it set off.</summary>
    public async Task<ReviewCase> PressAsync(string actor, string verb, ReviewCase c, JsonObject data)
    {
        c = await CaseAsync(c.Reference); // the card as updated in place after the last change (reminders change the case too)
        data["caseRef"] = c.Reference.Value;
        data["version"] = c.Version.ToString(CultureInfo.InvariantCulture);
        (await Host.PostAsync(Host.Invoke(actor, verb, data))).EnsureSuccessStatusCode();
        await AllIdleAsync();
        return await CaseAsync(c.Reference);
    }

    /// <summary>Presses as <see cref="PressAsync"/> does, without waiting for the case; returns the invoke's answer.</summary>
    public async Task<string> PressForAnswerAsync(string actor, string verb, ReviewCase c, JsonObject data)
    {
        c = await CaseAsync(c.Reference);
        data["caseRef"] = c.Reference.Value;
        data["version"] = c.Version.ToString(CultureInfo.InvariantCulture);
        var answer = await Host.PostAsync(Host.Invoke(actor, verb, data));
        answer.EnsureSuccessStatusCode();
        await AllIdleAsync();
        return await answer.Content.ReadAsStringAsync();
    }

    /// <summary>The case's audit trail, oldest first.</summary>
    public async Task<List<CaseEvent>> AuditAsync(CaseReference reference)
    {
        var audit = new List<CaseEvent>();
        await foreach (var e in Host.Cases.ReadAuditAsync(ImrPeople.Board.BoardId, reference, CancellationToken.None))
        {
            audit.Add(e);
        }

        return audit;
    }

    public async Task<ReviewCase> CaseAsync(CaseReference reference) => (await Host.Cases.FindAsync(ImrPeople.Board.BoardId, reference, CancellationToken.None))!;

    /// <summary>Moves the clock to 09:01 UTC (09:01 in London in winter) on <paramref name="day"/> and runs the deadline sweep and what it set off.</summary>
    public async Task SweepOnAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 1)), TimeSpan.Zero);
        Clock.SetUtcNow(at);
        // Every instance sweeps at once (with several, they race for each entry).
        await Task.WhenAll(Hosts.Select(async host =>
        {
            var sweeper = host.Services.GetRequiredService<DeadlineSweepService>();
            await sweeper.SweepAsync(CancellationToken.None);
            await sweeper.WhenSweptAsync(at, TimeSpan.FromSeconds(30)); // the hosted sweep has seen this time too
        }));
        await AllIdleAsync();
        // The outbox's own sweeps (their timers fired when the clock moved) may have claimed the reminder's effects first.
        await Task.WhenAll(Hosts.Select(h => h.Services.GetRequiredService<EffectDispatcher>().WhenSweptAsync(at, TimeSpan.FromSeconds(30))));
        await AllIdleAsync();
    }

    /// <summary>Sweeps each day from <paramref name="from"/> to <paramref name="to"/>: exactly the reminder mails <paramref name="expected"/> lists go out each day.</summary>
    public async Task ExpectRemindersAsync(DateOnly from, DateOnly to, Dictionary<DateOnly, string[]> expected)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var before = await ReminderMailsAsync();
            await SweepOnAsync(day);
            var wanted = before.Count + expected.GetValueOrDefault(day, []).Length;
            await Eventually.HoldsAsync(() => ReminderMailsAsync().GetAwaiter().GetResult().Sum(m => m.To.Count) >= wanted + before.Sum(m => m.To.Count) - before.Count, 15, $"{day:d MMM yyyy}: reminders did not arrive.");
            var sent = (await ReminderMailsAsync()).Skip(before.Count).SelectMany(m => m.To).Order(StringComparer.Ordinal).ToArray();
            Assert.True(expected.GetValueOrDefault(day, []).Order(StringComparer.Ordinal).SequenceEqual(sent), $"{day:ddd d MMM yyyy}: expected [{string.Join(", ", expected.GetValueOrDefault(day, []))}], sent [{string.Join(", ", sent)}]");
        }
    }

    /// <summary>Every IMR reminder and overdue mail so far, oldest first.</summary>
    public async Task<List<GraphStandIn.SentMail>> ReminderMailsAsync()
        => [.. (await MailsAsync("IMR reminder:")).Concat(await MailsAsync("IMR overdue:")).OrderBy(m => m.SentAt)];

    private Task AllIdleAsync() => Task.WhenAll(Hosts.Select(h => h.AfterResponsesAsync()));

    /// <summary>Mails the stand-in received whose subject starts with <paramref name="prefix"/>.</summary>
    public async Task<List<GraphStandIn.SentMail>> MailsAsync(string prefix)
        => [.. (await Graph.MailsAsync()).Where(m => m.Subject.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>Messages posted to a person's 1:1 chat (known or opened by the bot) containing <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<RecordedCall>> TeamsToAsync(string objectId, string text)
    {
        var address = await Host.Services.GetRequiredService<IConversationStore>().FindPersonalAsync(objectId, CancellationToken.None);
        return address is null
            ? []
            : [.. Connector.Calls.Where(c => c.Method == "POST" && c.Path.Contains($"/{address.ConversationId}/activities", StringComparison.Ordinal)
                && c.Body?.ToJsonString().Contains(text, StringComparison.Ordinal) == true)];
    }

    /// <summary>Each person says hello, so the bot knows their 1:1 chat.</summary>
    public async Task GreetAsync(params string[] actors)
    {
        foreach (var actor in actors)
        {
            (await Host.PostAsync(Host.Activity("message", actor, "hello"))).EnsureSuccessStatusCode();
        }
    }
}

/// <summary>Two instances of the app on one Azurite, one connector, one Graph stand-in and one clock.</summary>
public sealed class TwoImrInstances() : ImrEnvironment(2);
