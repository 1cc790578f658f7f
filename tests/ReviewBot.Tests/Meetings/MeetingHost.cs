using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Referrals;
using ReviewBot.Testing;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Meetings;

/// <summary>
/// The app against Azurite and the Graph stand-in (the real Microsoft.Graph SDK over HTTP), with a board that has
/// a mailbox and a panel member for each agency. Sweeps run every 200 ms so tests wait for outcomes, not timers.
/// </summary>
public sealed class MeetingHost : BotHost
{
    public const string BoardMailbox = "board@hosttests.example.org";
    public const string PolicePanel = "oid-panel-police";
    public const string CarePanel = "oid-panel-csc";
    public const string PoliceMail = "pat@example.org";
    public const string CareMail = "cara@example.org";
    public const string ManagerMail = "bea@example.org";
    public const string ChairMail = "sid@example.org";
    public const string LeadReviewer = "oid-meeting-lead-reviewer";
    public const string LeadMail = "lee.lead@example.org";
    public const string BoardChairMail = "chris@example.org";

    private readonly string standInBoard = Path.Combine(Path.GetTempPath(), $"reviewbot-standin-board-{Guid.NewGuid():N}.json");

    public static BoardConfiguration MeetingBoard { get; } = Board with
    {
        BoardMailbox = BoardMailbox,
        People =
        [
            .. Board.People,
            new(PolicePanel, "Pat Police", PoliceMail, [BoardRole.PanelMember], "police"),
            new(CarePanel, "Cara Care", CareMail, [BoardRole.PanelMember], "csc"),
            new(LeadReviewer, "Lee Lead", LeadMail, [BoardRole.LeadReviewer]),
        ],
    };

    public GraphStandInFixture StandIn { get; private set; } = null!;

    protected override BoardConfiguration SeededBoard => MeetingBoard;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Graph:BaseUrl"] = StandIn.GraphBaseUrl,
        ["Effects:SweepInterval"] = "00:00:00.200",
        ["Effects:RetryDelay"] = "00:00:00.100",
        ["Effects:MaxRetryDelay"] = "00:00:00.500",
        ["Meetings:ResponsePollInterval"] = "00:00:00.200",
    };

    /// <summary>A new case naming both agencies, with the 1:1 chats of everyone who hears about it known.</summary>
    public async Task<ReviewCase> NewCaseAsync()
    {
        foreach (var person in new[] { Actors.BusinessManager, Actors.SubGroupChair, PolicePanel, CarePanel })
        {
            await PostAsync(Activity("message", person, "hello"));
        }

        var referral = new Referral
        {
            Child = new Child { Name = "Test Child", Incident = IncidentKind.Died },
            Summary = "Summary.",
            Agencies = [new InvolvedAgency("Riverside Police", "police"), new InvolvedAgency("Children's Social Care", "csc")],
        };
        var c = (await Services.GetRequiredService<ReferralIntake>().SubmitAsync(MeetingBoard, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        await AfterResponsesAsync();
        return c;
    }

    /// <summary>The case as stored now.</summary>
    public async Task<ReviewCase> CaseAsync(CaseReference reference) => (await Cases.FindAsync(MeetingBoard.BoardId, reference, CancellationToken.None))!;

    /// <summary>The case's panel meeting plan as stored now.</summary>
    public async Task<PanelMeetingPlan> PlanAsync(CaseReference reference) => PanelMeetings.Current(await CaseAsync(reference))!.Plan!;

    /// <summary>Presses a card button as <paramref name="actor"/> with the case's current version; returns the invoke's answer.</summary>
    public async Task<JsonObject> PressAsync(string actor, string verb, CaseReference reference, JsonObject? fields = null)
    {
        var data = fields ?? [];
        data["caseRef"] = reference.Value;
        data["version"] = (await CaseAsync(reference)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await PostAsync(Invoke(actor, verb, data));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Waits until the stored case satisfies <paramref name="condition"/>.</summary>
    public async Task<ReviewCase> WhenCaseAsync(CaseReference reference, Func<ReviewCase, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var c = await CaseAsync(reference);
        while (!condition(c) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            c = await CaseAsync(reference);
        }

        Assert.True(condition(c), $"{reference} did not reach the expected state: {JsonSerializer.Serialize(PanelMeetings.Current(c)?.Plan)}");
        return c;
    }

    /// <summary>Messages and card updates that reached <paramref name="actor"/>'s 1:1 chat, as JSON text.</summary>
    public IReadOnlyList<string> SentTo(string actor)
        => [.. Connector.Calls.Where(c => c.Path.Contains("a:personal-" + actor, StringComparison.Ordinal) && c.Body is not null).Select(c => c.Body!.ToJsonString())];

    protected override async Task BeforeAppStartsAsync()
    {
        await File.WriteAllTextAsync(standInBoard, JsonSerializer.Serialize(MeetingBoard, global::ReviewBot.Storage.StorageJson.Options));
        StandIn = GraphStandInFixture.For(standInBoard);
        await StandIn.InitializeAsync();
    }

    protected override async Task AfterAppStopsAsync()
    {
        await StandIn.DisposeAsync();
        File.Delete(standInBoard);
    }
}
