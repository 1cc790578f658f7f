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

    /// <summary>The host tests' board with a mailbox, an IMR author and the police's panel member.</summary>
    public static BoardConfiguration Board { get; } = BotHost.Board with
    {
        BoardMailbox = "imr-board@example.org",
        People =
        [
            .. BotHost.Board.People,
            new(Author, "Ian Author", AuthorMail, [], "police"),
            new(PanelMember, "Pat Panel", PanelMail, [BoardRole.PanelMember], "police"),
        ],
    };
}

/// <summary>The app with the IMR board, Graph pointed at the stand-in and a clock the test moves.</summary>
public sealed class ImrBotHost : BotHost
{
    public ImrBotHost(string graphBaseUrl, DateTimeOffset start, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        Clock = new FakeTimeProvider(start);
        Settings = new Dictionary<string, string>(extraSettings ?? new Dictionary<string, string>())
        {
            ["Graph:BaseUrl"] = graphBaseUrl,
            ["Graph:TeamsAppId"] = "reviewbot-manifest-id",
        };
    }

    protected override BoardConfiguration SeededBoard => ImrPeople.Board;

    protected override IReadOnlyDictionary<string, string> Settings { get; }
}

/// <summary>
/// The Graph stand-in (knowing the IMR board's people), Azurite, the recording connector and the app with a fake
/// clock: Monday 30 November 2026, 10:00 UTC.
/// </summary>
public class ImrEnvironment : IAsyncLifetime
{
    /// <summary>Settings a variant adds (Outlook on, say).</summary>
    protected virtual IReadOnlyDictionary<string, string>? ExtraSettings => null;

    private readonly string boardFile = Path.Combine(Path.GetTempPath(), $"reviewbot-imr-board-{Guid.NewGuid():N}.json");

    public GraphStandInFixture Graph { get; private set; } = null!;

    public ImrBotHost Host { get; private set; } = null!;

    public FakeTimeProvider Clock => Host.Clock!;

    public RecordingConnector Connector => Host.Connector;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(boardFile, JsonSerializer.Serialize(ImrPeople.Board, global::ReviewBot.Storage.StorageJson.Options));
        Graph = new GraphStandInFixture { ExtraBoardFiles = [boardFile] };
        await Graph.InitializeAsync();
        Host = new ImrBotHost(Graph.GraphBaseUrl, new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), ExtraSettings);
        await ((IAsyncLifetime)Host).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Host).DisposeAsync();
        await Graph.DisposeAsync();
        File.Delete(boardFile);
    }

    /// <summary>A referral naming the police, recommended and approved through the cards: the review is agreed today.</summary>
    public async Task<ReviewCase> AgreedReviewAsync()
    {
        var board = (await Host.Services.GetRequiredService<IBoardDirectory>().GetAsync(ImrPeople.Board.BoardId, CancellationToken.None))!;
        var referral = new Referral
        {
            Child = new Child { Name = "Test Child", Incident = IncidentKind.Died },
            Summary = "Summary.",
            Agencies = [new InvolvedAgency("Riverside Police", "police")],
        };
        var c = (await Host.Services.GetRequiredService<ReferralIntake>().SubmitAsync(board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        Host.Services.GetRequiredService<EffectDispatcher>().Dispatch(board.BoardId, c.Reference, c.Version);
        await Host.AfterResponsesAsync();
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
        await Host.AfterResponsesAsync();
        return await CaseAsync(c.Reference);
    }

    public async Task<ReviewCase> CaseAsync(CaseReference reference) => (await Host.Cases.FindAsync(ImrPeople.Board.BoardId, reference, CancellationToken.None))!;

    /// <summary>Moves the clock to 09:01 UTC (09:01 in London in winter) on <paramref name="day"/> and runs the deadline sweep and what it set off.</summary>
    public async Task SweepOnAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 1)), TimeSpan.Zero);
        Clock.SetUtcNow(at);
        var sweeper = Host.Services.GetRequiredService<DeadlineSweepService>();
        await sweeper.SweepAsync(CancellationToken.None);
        await sweeper.WhenSweptAsync(at, TimeSpan.FromSeconds(30)); // the hosted sweep has seen this time too
        await Host.AfterResponsesAsync();
        // The outbox's own sweep (its timer fired when the clock moved) may have claimed the reminder's effects first.
        await Host.Services.GetRequiredService<EffectDispatcher>().WhenSweptAsync(at, TimeSpan.FromSeconds(30));
    }

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
