using System.Globalization;
using System.Net.Http.Json;
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
using ReviewBot.Core.Referrals;
using ReviewBot.Ports;
using ReviewBot.Testing;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Review;

/// <summary>People of the review board besides <see cref="BotHost.Board"/>'s.</summary>
public static class ReviewPeople
{
    public const string Director = "oid-director";
    public const string PanelMember = "oid-review-panel-police";
    public const string LeadReviewer = "oid-lead-reviewer";

    /// <summary>The host tests' board with a mailbox, the director of children's services, the police's panel member and a lead reviewer.</summary>
    public static BoardConfiguration Board { get; } = BotHost.Board with
    {
        BoardId = "review-host-tests",
        BoardMailbox = "review-board@example.org",
        People =
        [
            .. BotHost.Board.People,
            new(Director, "Dee Director", "dee@example.org", [BoardRole.DirectorOfChildrensServices]),
            new(PanelMember, "Pat Panel", "pat.review@example.org", [BoardRole.PanelMember], "police"),
            new(LeadReviewer, "Lee Reviewer", "lee@example.org", [BoardRole.LeadReviewer]),
        ],
    };
}

/// <summary>The app with the review board, Graph pointed at the stand-in and a clock the test moves.</summary>
public sealed class ReviewBotHost : BotHost
{
    public ReviewBotHost(string graphBaseUrl, DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start);
        Settings = new Dictionary<string, string> { ["Graph:BaseUrl"] = graphBaseUrl, ["Graph:TeamsAppId"] = "reviewbot-manifest-id" };
    }

    protected override BoardConfiguration SeededBoard => ReviewPeople.Board;

    protected override IReadOnlyDictionary<string, string> Settings { get; }
}

/// <summary>The Graph stand-in, Azurite, the recording connector and the app on a fake clock: Monday 14 December 2026, 10:00 UTC.</summary>
public sealed class ReviewEnvironment : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string boardFile = Path.Combine(Path.GetTempPath(), $"reviewbot-review-board-{Guid.NewGuid():N}.json");

    public GraphStandInFixture Graph { get; private set; } = null!;

    public ReviewBotHost Host { get; private set; } = null!;

    public FakeTimeProvider Clock => Host.Clock!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(boardFile, JsonSerializer.Serialize(ReviewPeople.Board, global::ReviewBot.Storage.StorageJson.Options));
        Graph = new GraphStandInFixture { ExtraBoardFiles = [boardFile] };
        await Graph.InitializeAsync();
        Host = new ReviewBotHost(Graph.GraphBaseUrl, new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero));
        await ((IAsyncLifetime)Host).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Host).DisposeAsync();
        await Graph.DisposeAsync();
        File.Delete(boardFile);
    }

    /// <summary>A referral naming the police, recommended (with a lead reviewer proposed) and approved through the cards.</summary>
    public async Task<ReviewCase> AgreedReviewAsync()
    {
        var board = (await Host.Services.GetRequiredService<IBoardDirectory>().GetAsync(ReviewPeople.Board.BoardId, CancellationToken.None))!;
        var referral = new Referral
        {
            Child = new Child { Name = "Test Child", Incident = IncidentKind.Died },
            Summary = "Summary.",
            Agencies = [new InvolvedAgency("Riverside Police", "police")],
        };
        var c = (await Host.Services.GetRequiredService<ReferralIntake>().SubmitAsync(board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        Host.Services.GetRequiredService<EffectDispatcher>().Dispatch(board.BoardId, c.Reference, c.Version);
        await Host.AfterResponsesAsync();
        c = await PressAsync(Actors.SubGroupChair, CardVerbs.RecommendationReview, c, new JsonObject { ["rationale"] = "Met.", ["leadReviewer"] = "Lee Reviewer" });
        return await PressAsync(Actors.BoardChair, CardVerbs.DecisionApprove, c, []);
    }

    /// <summary>Presses a card button with the case's current version; returns the invoke's answer (the card or message shown).</summary>
    public async Task<string> AnswerAsync(string actor, string verb, ReviewCase c, JsonObject data)
    {
        c = await CaseAsync(c.Reference);
        data["caseRef"] = c.Reference.Value;
        data["version"] = c.Version.ToString(CultureInfo.InvariantCulture);
        var response = await Host.PostAsync(Host.Invoke(actor, verb, data));
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        await Host.AfterResponsesAsync();
        // The card or message as people read it (apostrophes unescaped).
        return body["value"] is JsonValue text ? text.GetValue<string>() : body["value"]?.ToJsonString(Readable) ?? string.Empty;
    }

    /// <summary>Presses a card button and returns the case as it then stands.</summary>
    public async Task<ReviewCase> PressAsync(string actor, string verb, ReviewCase c, JsonObject data)
    {
        await AnswerAsync(actor, verb, c, data);
        return await CaseAsync(c.Reference);
    }

    public async Task<ReviewCase> CaseAsync(CaseReference reference) => (await Host.Cases.FindAsync(ReviewPeople.Board.BoardId, reference, CancellationToken.None))!;

    /// <summary>Moves the clock to 09:01 UTC on <paramref name="day"/> and runs the deadline sweep and what it set off.</summary>
    public async Task SweepOnAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 1)), TimeSpan.Zero);
        Clock.SetUtcNow(at);
        var sweeper = Host.Services.GetRequiredService<DeadlineSweepService>();
        await sweeper.SweepAsync(CancellationToken.None);
        await sweeper.WhenSweptAsync(at, TimeSpan.FromSeconds(30));
        await Host.AfterResponsesAsync();
        await Host.Services.GetRequiredService<EffectDispatcher>().WhenSweptAsync(at, TimeSpan.FromSeconds(30));
    }

    /// <summary>Messages posted to a person's 1:1 chat containing every one of <paramref name="texts"/>.</summary>
    public async Task<IReadOnlyList<RecordedCall>> TeamsToAsync(string objectId, params string[] texts)
    {
        var address = await Host.Services.GetRequiredService<IConversationStore>().FindPersonalAsync(objectId, CancellationToken.None);
        return address is null
            ? []
            : [.. Host.Connector.Calls.Where(c => c.Method == "POST" && c.Path.Contains($"/{address.ConversationId}/activities", StringComparison.Ordinal)
                && c.Body?.ToJsonString() is { } json && texts.All(t => json.Contains(t, StringComparison.Ordinal)))];
    }

    /// <summary>Each person says hello, so the bot knows their 1:1 chat.</summary>
    public async Task GreetAsync(params string[] actors)
    {
        foreach (var actor in actors)
        {
            (await Host.PostAsync(Host.Activity("message", actor, "hello"))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>The case's audit trail, in order.</summary>
    public async Task<List<CaseEvent>> AuditAsync(CaseReference reference)
    {
        var audit = new List<CaseEvent>();
        await foreach (var e in Host.Cases.ReadAuditAsync(ReviewPeople.Board.BoardId, reference, CancellationToken.None))
        {
            audit.Add(e);
        }

        return audit;
    }
}
