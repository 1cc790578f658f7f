using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using ReviewBot.Telemetry;
using ReviewBot.Tests.Bot;

namespace ReviewBot.Tests.Telemetry;

/// <summary>The app with OpenTelemetry's in-memory exporter added to its own tracer provider.</summary>
public sealed class TelemetryHost : BotHost
{
    public ConcurrentQueue<Activity> Spans { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new SpanCollector(Spans))));
    }

    private sealed class SpanCollector(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}

public sealed class TelemetryTests(TelemetryHost host) : IClassFixture<TelemetryHost>, IDisposable
{
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> measurements = new();
    private MeterListener? listener;

    [Fact]
    public async Task A_turn_produces_a_span_and_counts_once_without_personal_data()
    {
        Listen();
        var activity = host.Activity("message", Actors.Referrer, "help");

        var (response, traceId) = await PostTracedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(SpansOf(traceId), s => s.OperationName == "reviewbot.turn");
        Assert.Equal("message", turn.GetTagItem("activity.type"));
        Assert.Equal("msteams", turn.GetTagItem("channel"));
        Assert.Equal(ActivityStatusCode.Ok, turn.Status);
        var counted = Assert.Single(measurements, m => m.Instrument == "reviewbot.turns");
        Assert.Equal(1, counted.Value);
        Assert.Equal(new Dictionary<string, object?> { ["activity.type"] = "message", ["channel"] = "msteams", ["outcome"] = "ok" }, counted.Tags);
        AssertNoPersonalData(activity, traceId);
    }

    [Fact]
    public async Task An_invoke_is_counted_with_its_status_and_a_verb_the_bot_does_not_know_is_not_recorded()
    {
        Listen();
        var activity = host.Invoke(Actors.Stranger, "Jane Doe's referral", new JsonObject { ["caseRef"] = "SCR-2026-0001" });

        var (response, traceId) = await PostTracedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invoke = Assert.Single(measurements, m => m.Instrument == "reviewbot.invokes");
        Assert.Equal(new Dictionary<string, object?> { ["channel"] = "msteams", ["verb"] = "other", ["status"] = 400 }, invoke.Tags);
        var turn = Assert.Single(SpansOf(traceId), s => s.OperationName == "reviewbot.turn");
        Assert.Equal("other", turn.GetTagItem("verb"));
        Assert.Equal(400, turn.GetTagItem("invoke.status"));
        AssertNoPersonalData(activity, traceId, "Jane Doe");
    }

    public void Dispose() => listener?.Dispose();

    /// <summary>Listens to this host's meter only (its IMeterFactory), not other tests' hosts.</summary>
    private void Listen()
    {
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ReviewBotTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
    }

    /// <summary>Posts with a W3C traceparent so this request's spans can be told from other tests'.</summary>
    private async Task<(HttpResponseMessage Response, ActivityTraceId TraceId)> PostTracedAsync(JsonObject activity)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await host.CreateClient().SendAsync(request);
        await host.AfterResponsesAsync();
        return (response, traceId);
    }

    private List<Activity> SpansOf(ActivityTraceId traceId) => [.. host.Spans.Where(s => s.TraceId == traceId)];

    private void AssertNoPersonalData(JsonObject activity, ActivityTraceId traceId, params string[] more)
    {
        string[] personal = [(string)activity["from"]!["aadObjectId"]!, (string)activity["from"]!["name"]!, (string)activity["conversation"]!["id"]!, BotHost.TenantId, .. more];
        // The connector stand-in runs in this process too: its server spans are the Bot Connector's, not the bot's.
        var spans = SpansOf(traceId).Where(s => !(s.GetTagItem("url.path") as string ?? string.Empty).StartsWith("/v3/", StringComparison.Ordinal)).ToList();
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string url && url.StartsWith("http://127.0.0.1", StringComparison.Ordinal));
        var values = spans.SelectMany(s => s.TagObjects.Select(t => $"{s.OperationName} {t.Key}={t.Value}"))
            .Concat(measurements.SelectMany(m => m.Tags.Select(t => $"{m.Instrument} {t.Key}={t.Value}")))
            .ToList();
        var leaks = values.Where(v => personal.Any(p => v.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "Personal data in telemetry: " + string.Join(" | ", leaks));
    }
}
