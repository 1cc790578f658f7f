using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using ReviewBot.Cards;
using ReviewBot.Teams;
using Activity = System.Diagnostics.Activity;

namespace ReviewBot.Telemetry;

/// <summary>
/// ReviewBot's own traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both
/// named <see cref="Name"/>. Every other part of the bot records through the methods here, so instrument
/// names and tags live in one place. Tags carry only closed sets (activity type, channel, card verb, kind,
/// outcome, status code): never a user, conversation, case narrative or free text.
/// </summary>
/// <remarks>
/// Instruments (OpenTelemetry names; Application Insights shows them under customMetrics):
/// <list type="table">
/// <item><term><c>reviewbot.turns</c></term><description>counter; tags <c>activity.type</c>, <c>channel</c>, <c>outcome</c> (ok, error)</description></item>
/// <item><term><c>reviewbot.turn.duration</c></term><description>histogram, seconds; same tags</description></item>
/// <item><term><c>reviewbot.invokes</c></term><description>counter; tags <c>channel</c>, <c>verb</c> (a known card verb or "other"), <c>status</c></description></item>
/// <item><term><c>reviewbot.graph.calls</c></term><description>counter; tags <c>operation</c>, <c>outcome</c> — <see cref="GraphCall"/></description></item>
/// <item><term><c>reviewbot.graph.duration</c></term><description>histogram, seconds; same tags</description></item>
/// <item><term><c>reviewbot.effects.delivered</c> / <c>.failed</c> / <c>.retried</c></term><description>counters; tag <c>kind</c> — <see cref="EffectDelivered"/>, <see cref="EffectFailed"/>, <see cref="EffectRetried"/></description></item>
/// <item><term><c>reviewbot.reminders.sent</c></term><description>counter; tag <c>kind</c> (decision, draft, imr, ...)</description></item>
/// <item><term><c>reviewbot.storage.conflicts</c></term><description>counter; tag <c>entity</c> (case, conversation, ...): a lost optimistic-concurrency race</description></item>
/// </list>
/// Spans: <c>reviewbot.turn</c> (one per activity the bot handles) and <c>reviewbot.graph</c> (one per Graph call).
/// </remarks>
public sealed class ReviewBotTelemetry
{
    /// <summary>The ActivitySource and Meter name to subscribe to.</summary>
    public const string Name = "ReviewBot";

    private const string Other = "other";

    private static readonly string? Version = typeof(ReviewBotTelemetry).Assembly.GetName().Version?.ToString();

    private static readonly HashSet<string> KnownVerbs = [.. typeof(CardVerbs)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    private static readonly HashSet<string> KnownChannels = new(StringComparer.OrdinalIgnoreCase) { "msteams", "outlook", "emulator", "webchat", "directline", "test" };

    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.Event,
        ActivityTypes.Typing, ActivityTypes.EndOfConversation,
    };

    private readonly Counter<long> turns;
    private readonly Histogram<double> turnDuration;
    private readonly Counter<long> invokes;
    private readonly Counter<long> graphCalls;
    private readonly Histogram<double> graphDuration;
    private readonly Counter<long> effectsDelivered;
    private readonly Counter<long> effectsFailed;
    private readonly Counter<long> effectsRetried;
    private readonly Counter<long> reminders;
    private readonly Counter<long> storageConflicts;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/> (one per host).</summary>
    public ReviewBotTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name, Version);
        turns = meter.CreateCounter<long>("reviewbot.turns", "{turn}", "Activities the bot handled");
        turnDuration = meter.CreateHistogram<double>("reviewbot.turn.duration", "s", "Time to handle one activity");
        invokes = meter.CreateCounter<long>("reviewbot.invokes", "{invoke}", "Invoke activities (card actions) answered");
        graphCalls = meter.CreateCounter<long>("reviewbot.graph.calls", "{call}", "Microsoft Graph calls");
        graphDuration = meter.CreateHistogram<double>("reviewbot.graph.duration", "s", "Time of one Microsoft Graph call");
        effectsDelivered = meter.CreateCounter<long>("reviewbot.effects.delivered", "{effect}", "Effects (messages, mails, meetings) delivered");
        effectsFailed = meter.CreateCounter<long>("reviewbot.effects.failed", "{effect}", "Effects given up after their last attempt");
        effectsRetried = meter.CreateCounter<long>("reviewbot.effects.retried", "{effect}", "Effect attempts that failed and will be tried again");
        reminders = meter.CreateCounter<long>("reviewbot.reminders.sent", "{reminder}", "Reminders sent");
        storageConflicts = meter.CreateCounter<long>("reviewbot.storage.conflicts", "{conflict}", "Optimistic-concurrency races lost in Table storage");
    }

    /// <summary>The source of ReviewBot's spans.</summary>
    public static ActivitySource Source { get; } = new(Name, Version);

    /// <summary>Starts the span of one turn; dispose it when the turn ends.</summary>
    /// <param name="activity">The inbound activity (only its type, channel and invoke verb are recorded).</param>
    /// <returns>The span, or null when nobody listens.</returns>
    public static Activity? StartTurn(Teams.Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var span = Source.StartActivity("reviewbot.turn", ActivityKind.Internal);
        span?.SetTag("activity.type", ActivityTypeTag(activity.Type));
        span?.SetTag("channel", ChannelTag(activity.ChannelId));
        if (activity.Type == ActivityTypes.Invoke && activity.TryGetAdaptiveCardAction(out var action))
        {
            span?.SetTag("verb", VerbTag(action.Verb));
        }

        return span;
    }

    /// <summary>Records a finished turn.</summary>
    public void TurnCompleted(Teams.Activity activity, bool succeeded, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tags = new TagList
        {
            { "activity.type", ActivityTypeTag(activity.Type) },
            { "channel", ChannelTag(activity.ChannelId) },
            { "outcome", succeeded ? "ok" : "error" },
        };
        turns.Add(1, tags);
        turnDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Records an answered invoke with the status the card action got (the inner <c>statusCode</c> for card responses).</summary>
    public void InvokeAnswered(Teams.Activity activity, int status)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var verb = activity.TryGetAdaptiveCardAction(out var action) ? VerbTag(action.Verb) : Other;
        invokes.Add(1, new TagList { { "channel", ChannelTag(activity.ChannelId) }, { "verb", verb }, { "status", status } });
    }

    /// <summary>
    /// For the Graph adapter: wrap each Graph call, <c>using var call = telemetry.GraphCall("sendMail");</c>
    /// then <c>call.Succeeded()</c> before returning. Disposing without it records a failure.
    /// </summary>
    /// <param name="operation">A fixed operation name (sendMail, createEvent, findMeetingTimes, installApp, ...), never an address.</param>
    public GraphCallScope GraphCall(string operation) => new(this, operation, Source.StartActivity("reviewbot.graph", ActivityKind.Client));

    /// <summary>For the effect outbox: an effect (Teams message, mail, meeting) was delivered.</summary>
    /// <param name="kind">A fixed kind name: the effect's kind (post-card, mail-card, imr-mail, ...).</param>
    public void EffectDelivered(string kind) => effectsDelivered.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>For the effect outbox: an effect's quick tries are spent (it is kept and retried, and shown to the business manager).</summary>
    /// <param name="kind">A fixed kind name.</param>
    public void EffectFailed(string kind) => effectsFailed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>For the effect outbox: an attempt failed and the effect will be tried again.</summary>
    /// <param name="kind">A fixed kind name.</param>
    public void EffectRetried(string kind) => effectsRetried.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A reminder was sent.</summary>
    /// <param name="kind">decision, draft, imr, ...</param>
    public void ReminderSent(string kind) => reminders.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A write lost an optimistic-concurrency race (412/409) in Table storage.</summary>
    /// <param name="entity">case, conversation, deadline, ...</param>
    public void StorageConflict(string entity) => storageConflicts.Add(1, new KeyValuePair<string, object?>("entity", entity));

    internal void GraphCallCompleted(string operation, bool succeeded, TimeSpan elapsed)
    {
        var tags = new TagList { { "operation", operation }, { "outcome", succeeded ? "ok" : "error" } };
        graphCalls.Add(1, tags);
        graphDuration.Record(elapsed.TotalSeconds, tags);
    }

    private static string ActivityTypeTag(string? type) => type is not null && KnownActivityTypes.Contains(type) ? type : Other;

    private static string ChannelTag(string? channel) => channel is not null && KnownChannels.Contains(channel) ? channel.ToLowerInvariant() : Other;

    // The verb comes from the client: only the bot's own verbs are recorded, so nobody can put text in a tag.
    private static string VerbTag(string? verb) => verb is not null && KnownVerbs.Contains(verb) ? verb : Other;
}

/// <summary>One Graph call being measured; see <see cref="ReviewBotTelemetry.GraphCall"/>.</summary>
public sealed class GraphCallScope : IDisposable
{
    private readonly ReviewBotTelemetry telemetry;
    private readonly string operation;
    private readonly Activity? span;
    private readonly long started = Stopwatch.GetTimestamp();
    private bool succeeded;

    internal GraphCallScope(ReviewBotTelemetry telemetry, string operation, Activity? span)
    {
        this.telemetry = telemetry;
        this.operation = operation;
        this.span = span;
        span?.SetTag("operation", operation);
    }

    /// <summary>Marks the call as succeeded.</summary>
    public void Succeeded() => succeeded = true;

    /// <inheritdoc />
    public void Dispose()
    {
        span?.SetStatus(succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        span?.Dispose();
        telemetry.GraphCallCompleted(operation, succeeded, Stopwatch.GetElapsedTime(started));
    }
}
