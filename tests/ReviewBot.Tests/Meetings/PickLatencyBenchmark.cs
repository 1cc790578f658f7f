using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Meetings;
using ReviewBot.GraphStandIn;
using ReviewBot.Tests.Bot;
using Xunit.Abstractions;

namespace ReviewBot.Tests.Meetings;

/// <summary>
/// Benchmark (docs/performance.md, "Picking a panel meeting slot while Graph is slow"): how long the pick's invoke
/// takes to answer while the stand-in delays every Graph call by 10 s. It asserts behaviour only (every answer
/// arrives before its event exists); the figures are printed, not asserted. Run:
/// <c>dotnet test tests/ReviewBot.Tests --filter "FullyQualifiedName~PickLatencyBenchmark" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class PickLatencyBenchmark(MeetingHost host, ITestOutputHelper output) : IClassFixture<MeetingHost>
{
    private const int Samples = 10;

    [Fact]
    public async Task Picks_are_answered_while_every_graph_call_waits_ten_seconds()
    {
        await host.StandIn.ResetAsync();
        var cases = new List<CaseReference>();
        for (var i = 0; i <= Samples; i++)
        {
            var c = await host.NewCaseAsync();
            await host.PressAsync(Actors.SubGroupChair, CardVerbs.RecommendationPanel, c.Reference);
            await host.WhenCaseAsync(c.Reference, x => PanelMeetings.Current(x)?.Plan?.SlotsFoundFor == 1);
            cases.Add(c.Reference);
        }

        await PickAsync(cases[0]); // warm-up, Graph at full speed
        await host.WhenCaseAsync(cases[0], x => PanelMeetings.Current(x)!.Plan!.Status == PanelMeetingStatus.Scheduled);
        await host.StandIn.InjectAsync(new Fault { DelayMs = 10_000 });

        var times = new List<double>();
        foreach (var reference in cases.Skip(1))
        {
            var timer = Stopwatch.StartNew();
            var answer = await PickAsync(reference);
            times.Add(timer.Elapsed.TotalMilliseconds);
            Assert.Contains("Sending the invite", answer.ToJsonString(), StringComparison.Ordinal);
            Assert.Single(await host.StandIn.EventsAsync()); // only the warm-up's: this pick's create has not finished
        }

        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pick invoke with every Graph call delayed 10 s, {Samples} samples: median {times[Samples / 2]:0} ms, p90 {times[(int)(Samples * 0.9) - 1]:0} ms, max {times[^1]:0} ms"));
    }

    private async Task<JsonObject> PickAsync(CaseReference reference)
    {
        var slot = (await host.PlanAsync(reference)).Offered[0];
        return await host.PressAsync(Actors.BusinessManager, CardVerbs.MeetingPick, reference, new JsonObject { ["slotId"] = PanelSlotIds.Format(slot.Start, slot.End) });
    }
}
