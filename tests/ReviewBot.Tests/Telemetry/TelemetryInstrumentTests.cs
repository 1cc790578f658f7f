using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Telemetry;

namespace ReviewBot.Tests.Telemetry;

/// <summary>The instruments other parts of the bot call (Graph adapter, effect outbox, sweeps, stores), by name and tags.</summary>
public sealed class TelemetryInstrumentTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = [];
    private readonly MeterListener listener = new();
    private readonly ReviewBotTelemetry telemetry;

    public TelemetryInstrumentTests()
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
        telemetry = new ReviewBotTelemetry(meters);
    }

    [Fact]
    public void Effects_reminders_and_conflicts_count_by_kind()
    {
        telemetry.EffectDelivered("mail");
        telemetry.EffectRetried("mail");
        telemetry.EffectFailed("teams-message");
        telemetry.ReminderSent("decision");
        telemetry.StorageConflict("case");

        Assert.Equal(
            [
                ("reviewbot.effects.delivered", "kind", "mail"),
                ("reviewbot.effects.retried", "kind", "mail"),
                ("reviewbot.effects.failed", "kind", "teams-message"),
                ("reviewbot.reminders.sent", "kind", "decision"),
                ("reviewbot.storage.conflicts", "entity", "case"),
            ],
            measurements.Select(m => (m.Instrument, m.Tags.Single().Key, (string?)m.Tags.Single().Value)));
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public void A_Graph_call_counts_as_failed_unless_marked_succeeded()
    {
        using (var call = telemetry.GraphCall("sendMail"))
        {
            call.Succeeded();
        }

        using (telemetry.GraphCall("createEvent"))
        {
            // an exception would leave the scope like this
        }

        var calls = measurements.Where(m => m.Instrument == "reviewbot.graph.calls").Select(m => ((string?)m.Tags["operation"], (string?)m.Tags["outcome"]));
        Assert.Equal([("sendMail", "ok"), ("createEvent", "error")], calls);
        Assert.Equal(2, measurements.Count(m => m.Instrument == "reviewbot.graph.duration" && m.Value >= 0));
    }

    public void Dispose()
    {
        listener.Dispose();
        services.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (measurements)
        {
            measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
    }
}
