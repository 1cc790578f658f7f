using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;
using ReviewBot.Ports;
using ReviewBot.Storage;
using ReviewBot.Testing;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Effects;

/// <summary>One instance of the app on storage and a connector shared with another, both dispatching often.</summary>
public sealed class InstanceBotHost(AzuriteFixture azurite, RecordingConnector connector) : BotHost(azurite, connector)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Effects:SweepInterval"] = "00:00:00.200",
        ["Effects:ClaimDuration"] = "00:00:30",
    };
}

/// <summary>Two instances on one Azurite: every effect runs once, whichever instance gets to it.</summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private const int Changes = 50;
    private readonly AzuriteFixture azurite = new();
    private RecordingConnector connector = null!;
    private readonly List<InstanceBotHost> instances = [];

    private InstanceBotHost First => instances[0];

    private InstanceBotHost Second => instances[1];

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        connector = await RecordingConnector.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            instances.Add(new InstanceBotHost(azurite, connector));
            await ((IAsyncLifetime)instances[i]).InitializeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await ((IAsyncLifetime)instance).DisposeAsync();
        }

        await connector.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Fifty_concurrent_changes_with_two_instances_dispatching_run_each_effect_once()
    {
        foreach (var actor in new[] { Actors.SubGroupChair, Actors.BusinessManager, Actors.BoardChair, Actors.Referrer })
        {
            (await First.PostAsync(First.Activity("message", actor, "hello"))).EnsureSuccessStatusCode();
        }

        // New cases whose effects only the two instances' outbox sweeps find: they race for every one.
        var intake = First.Services.GetRequiredService<ReferralIntake>();
        var board = (await First.Services.GetRequiredService<IBoardDirectory>().GetAsync(BotHost.Board.BoardId, CancellationToken.None))!; // with its channel
        var referral = new Referral { Child = new Child { Name = "Test Child", Incident = IncidentKind.Died }, Summary = "Summary." };
        var cases = await Task.WhenAll(Enumerable.Range(0, Changes).Select(async _ =>
            (await intake.SubmitAsync(board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case));
        await OutboxEmptyAsync(cases);

        // Fifty recommendations at once, half through each instance (each dispatches its own at once; both sweep).
        var answers = await Task.WhenAll(cases.Select((c, i) => (i % 2 == 0 ? First : Second).PostAsync(BotHost.InvokeFor(connector.ServiceUrl, Actors.SubGroupChair, CardVerbs.RecommendationReview, new JsonObject
        {
            ["caseRef"] = c.Reference.Value,
            ["version"] = c.Version.ToString(CultureInfo.InvariantCulture),
            ["rationale"] = "Met.",
        }))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await OutboxEmptyAsync(cases);

        foreach (var c in cases)
        {
            Assert.Single(connector.PostsTo(Actors.SubGroupChair, c.Reference, CardVerbs.RecommendationReview));
            Assert.Single(connector.PostsTo(Actors.BusinessManager, c.Reference, CardVerbs.RecommendationReview));
            Assert.Single(connector.NoticesAbout(BotHost.BoardChannelId, c.Reference));
            Assert.Single(connector.PostsTo(Actors.BoardChair, c.Reference, CardVerbs.DecisionApprove));
        }
    }

    private Task OutboxEmptyAsync(IEnumerable<ReviewCase> cases)
    {
        var outbox = First.Services.GetRequiredService<TableEffectOutbox>();
        return Eventually.HoldsAsync(
            () => cases.All(c => outbox.ListForCaseAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None).GetAwaiter().GetResult().Count == 0),
            120,
            "Effects still pending.");
    }
}
