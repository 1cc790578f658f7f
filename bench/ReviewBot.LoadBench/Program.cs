using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.LoadBench;
using ReviewBot.Storage;
using ReviewBot.Testing;

// make bench: ReviewBot as a process (Release, JWT validation on) under load from this driver, against Azurite,
// the Graph stand-in and a recording connector; one table on stdout, progress on stderr. docs/performance.md.
if (args is ["bare", var barePort, var bodyFile])
{
    await BareEndpoint.RunAsync(int.Parse(barePort, CultureInfo.InvariantCulture), bodyFile);
    return 0;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// Storage requests a second that two idle instances' sweeps cost at most (each sweeps every 2 s, a few queries a pass).
const double IdleStorageCeiling = 25;
var seconds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SECONDS"), out var s) && s > 0 ? s : 10;
var measure = TimeSpan.FromSeconds(seconds);
var warmUp = TimeSpan.FromSeconds(Math.Clamp(seconds / 4.0, 1, 3));
var invokes = Math.Clamp(seconds * 3, 10, 40);
var progress = Console.Error;
var root = RepositoryPaths.Root;
var work = Path.Combine(root, ".local", "bench");
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}

Directory.CreateDirectory(work);
// BENCH_BOT_DLL: another build of the bot, e.g. the ReadyToRun publish output scripts/bench.sh makes.
var botDll = Environment.GetEnvironmentVariable("BENCH_BOT_DLL") is { Length: > 0 } other
    ? Path.GetFullPath(other)
    : Path.Combine(root, "src", "ReviewBot", "bin", "Release", "net10.0", "ReviewBot.dll");
if (!File.Exists(botDll))
{
    progress.WriteLine($"{botDll} is missing: make bench builds it (dotnet build -c Release src/ReviewBot).");
    return 2;
}

// BENCH_ONLY=turns (the plain and writing turns only) or sweep (the reminder sweep only): a narrower run while working.
var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
var started = Stopwatch.StartNew();
progress.WriteLine("Starting Azurite, the token issuer, the connector and the Graph stand-in ...");
await using var rig = await Rig.StartAsync(work);
var rows = new List<string>();
var budgets = new List<(string Budget, string Measured, bool Met)>();
var token = rig.Token;
long ids = 0;

if (only == "sweep")
{
    foreach (var sweep in await SweepBench.RunAsync(rig, progress))
    {
        Console.WriteLine($"{sweep.Scenario,-48}{sweep.StorageRequests,18}{sweep.WallMs,10:F0}{sweep.Reminded,11}");
    }

    return 0;
}

progress.WriteLine("Starting the bot ...");
var botA = await StartBotAsync("bot-a");
foreach (var person in Activities.DemoPeople)
{
    // Each board member's 1:1 chat is known, so the effects of a decision reach the connector.
    var hello = Activities.Body(Activities.Message(rig.Connector.ServiceUrl, "a:personal-" + person, person, "hello"));
    Check(await Load.SendAsync(Load.Post(botA.Messages, Load.WithId(hello, ++ids), token)), "hello");
}

// 1. Plain message turns: "help" in 1,000 1:1 chats of 1,000 people.
var help = Bodies("h", "help");
progress.WriteLine("First contact in 1,000 conversations ...");
var first = await OnceEachAsync(botA, help, 16);
Row("first turn of a new conversation", 16, first.Load, first.CpuPerTurn, first.StoragePerTurn);

double helpCpu16 = 0, helpStorage = 0, rps64 = 0, p99At16 = 0, p99At64 = 0, rssUnderLoad = 0;
foreach (var concurrency in new[] { 16, 64 })
{
    progress.WriteLine($"Plain message turns at concurrency {concurrency} ...");
    var (result, cpu, storage) = await MeasureAsync(botA, concurrency, (c, _) => Load.Post(botA.Messages, Load.WithId(help[c], Interlocked.Increment(ref ids)), token));
    Row("plain turn (\"help\")", concurrency, result, cpu, storage);
    rssUnderLoad = Math.Max(rssUnderLoad, botA.PeakRssMiB());
    if (concurrency == 16)
    {
        helpCpu16 = cpu;
        helpStorage = storage;
        p99At16 = result.P99Ms;
    }
    else
    {
        rps64 = result.RequestsPerSecond;
        p99At64 = result.P99Ms;
    }
}

// A turn that writes its state: a referral's first answer, then "back", in turn (1,000 other people).
var answer = Bodies("d", "Ruth Okafor");
var back = Bodies("d", "back");
await OnceEachAsync(botA, Bodies("d", "refer"), 16);
progress.WriteLine("Referral answer / back at concurrency 16 ...");
var dialog = await MeasureAsync(botA, 16, (c, n) => Load.Post(botA.Messages, Load.WithId(n % 2 == 0 ? answer[c] : back[c], Interlocked.Increment(ref ids)), token));
Row("referral answer / back (writes)", 16, dialog.Result, dialog.Cpu, dialog.Storage);

if (only == "turns")
{
    rows.ForEach(Console.WriteLine);
    Console.WriteLine($"peak RSS (VmHWM) {botA.PeakRssMiB():F0} MiB, start-up {botA.StartUp.TotalMilliseconds:F0} ms");
    await botA.DisposeAsync();
    return 0;
}

// 2. The ceiling: the same reply body from a bare endpoint.
var reply = await ReplyAsync(botA, help[0]);
var replyFile = Path.Combine(work, "help-reply.json");
await File.WriteAllBytesAsync(replyFile, reply);
var barePortNumber = FreePort.Next();
double bareCpu16 = 0;
await using (var bare = await ChildProcess.StartAsync(typeof(Rig).Assembly.Location, ["bare", barePortNumber.ToString(CultureInfo.InvariantCulture), replyFile], new Dictionary<string, string>(), barePortNumber, Path.Combine(work, "bare.log")))
{
    foreach (var concurrency in new[] { 16, 64 })
    {
        progress.WriteLine($"Bare endpoint at concurrency {concurrency} ...");
        var (result, cpu, _) = await MeasureAsync(bare, concurrency, (c, _) => Load.Post(bare.Messages, Load.WithId(help[c], Interlocked.Increment(ref ids)), null), countStorage: false);
        Row($"bare endpoint ({reply.Length:N0}-byte reply)", concurrency, result, cpu, double.NaN);
        bareCpu16 = concurrency == 16 ? cpu : bareCpu16;
    }
}

// 3. Invoke: the chair approves a prepared case, with Graph answering at once and then 10 s late.
progress.WriteLine($"Invoke: preparing {invokes * 2} cases ...");
var prepared = new List<ReviewCase>();
for (var i = 0; i < invokes * 2; i++)
{
    prepared.Add(await RecommendedCaseAsync(botA));
}

var invokeRows = new List<string>();
var (fastP50, fastP99, fastErrors) = await ApproveAllAsync(prepared[..invokes], [botA]);
invokeRows.Add(InvokeRow("approve, Graph answering at once", invokes, fastP50, fastP99, fastErrors));
await rig.DelayGraphAsync(10_000);
var (slowP50, slowP99, slowErrors) = await ApproveAllAsync(prepared[invokes..], [botA]);
invokeRows.Add(InvokeRow("approve, every Graph call delayed 10 s", invokes, slowP50, slowP99, slowErrors));
await rig.DelayGraphAsync(0);
budgets.Add(("invoke p99 < 300 ms while Graph is 10 s slow", $"{slowP99:F0} ms", slowP99 < 300 && slowErrors == 0));

// 5. Two instances on one Azurite, the driver alternating between them.
progress.WriteLine("Starting a second instance ...");
var botB = await StartBotAsync("bot-b");
var both = new[] { botA, botB };

// The first instance has answered thousands of turns by now: the second answers one in each conversation first,
// so the comparison is warm against warm (a just-started process spends its first seconds compiling).
progress.WriteLine("Warming the second instance: one turn in each conversation ...");
await OnceEachAsync(botB, help, 16);
progress.WriteLine("Two instances, round-robin, concurrency 64 ...");
var pairCpuBefore = botA.CpuMilliseconds() + botB.CpuMilliseconds();
var pair = await MeasureAsync(botA, 64, (c, n) => Load.Post(both[(c + n) % 2].Messages, Load.WithId(help[c], Interlocked.Increment(ref ids)), token), countStorage: false, second: botB);
Row("two instances, round-robin", 64, pair.Result, pair.Cpu, pair.Storage);
var scale = pair.Result.RequestsPerSecond / rps64;

var connectorBefore = rig.Connector.Calls.Count;
progress.WriteLine("Two instances: approvals and reminders, each to be sent once ...");
var shared = new List<ReviewCase>();
for (var i = 0; i < 10; i++)
{
    shared.Add(await RecommendedCaseAsync(both[i % 2]));
}

await ApproveAllAsync(shared, both);
var reminded = new List<(ReviewCase Case, int Due)>();
var referredAt = DateTimeOffset.UtcNow.AddDays(5).AddMonths(-1);
for (var i = 0; i < 10; i++)
{
    var c = await rig.NewCaseAsync(referredAt);
    var plan = DeadlinePlanner.For(c, rig.Board);
    await new TableDeadlineIndex(rig.Tables, TimeProvider.System).ScheduleAsync(plan, CancellationToken.None);
    reminded.Add((c, plan.Count(d => d.DueAt <= DateTimeOffset.UtcNow)));
}

var settled = await SettledAsync([.. shared, .. reminded.Select(r => r.Case)], TimeSpan.FromSeconds(90));
var calls = rig.Connector.Calls.Skip(connectorBefore).ToList();
var posts = calls.Where(c => c.Method == "POST").ToList();
var duplicates = posts.GroupBy(c => (c.Path, Body: WithoutId(c.Body))).Count(g => g.Count() > 1);
var remindersSent = reminded.Sum(r => posts.Count(p => p.Body?.ToJsonString().Contains($"Decision due: {r.Case.Reference}", StringComparison.Ordinal) == true));
var remindersDue = reminded.Sum(r => r.Due);
var pairRows = new[]
{
    $"effects of 10 approvals (alternating instances): {posts.Count} posts and {calls.Count - posts.Count} updates to the connector, {duplicates} posted twice; outbox {(settled ? "empty" : "NOT empty after 90 s")}",
    $"reminders (10 cases due, both instances sweeping every 2 s): {remindersSent} sent for {remindersDue} due",
};
budgets.Add(("two instances ≥ 1.6× one instance's throughput", $"{scale:F2}×", scale >= 1.6));
budgets.Add(("effects and reminders sent exactly once with two instances", $"{duplicates} duplicates, {remindersSent}/{remindersDue} reminders", duplicates == 0 && remindersSent == remindersDue && settled));

var startUpA = botA.StartUp.TotalMilliseconds;
var startUpB = botB.StartUp.TotalMilliseconds;
rssUnderLoad = Math.Max(rssUnderLoad, Math.Max(botA.PeakRssMiB(), botB.PeakRssMiB()));
await botB.DisposeAsync();
await botA.DisposeAsync();

// 4. The reminder sweep over 100,000 cases (in this process, on its own tables).
progress.WriteLine("Reminder sweep: seeding 100,000 cases ...");
var sweeps = await SweepBench.RunAsync(rig, progress);
budgets.Add(("sweep ≤ 20 storage requests and < 1 s, 100,000 cases, 10 due", $"{sweeps[0].StorageRequests} requests, {sweeps[0].WallMs:F0} ms", sweeps[0].StorageRequests <= 20 && sweeps[0].WallMs < 1000));

budgets.Insert(0, ("≤ 0.15 ms bot CPU per plain turn (≤ 5× the bare endpoint)", $"{helpCpu16:F3} ms ({helpCpu16 / bareCpu16:F1}× bare)", helpCpu16 <= 0.15 && helpCpu16 <= 5 * bareCpu16));
budgets.Insert(1, ("≤ 2 storage requests per plain turn cold, 1 warm", $"first turn {first.StoragePerTurn:F2}, help {helpStorage:F2}, answer/back {dialog.Storage:F2}", first.StoragePerTurn <= 2 && helpStorage <= 1.05 && dialog.Storage <= 1.05));
budgets.Insert(2, ("p99 ≤ 25 ms at concurrency 16, ≤ 100 ms at 64", $"{p99At16:F0} ms / {p99At64:F0} ms", p99At16 <= 25 && p99At64 <= 100));
budgets.Add(("start-up to ready ≤ 2 s; peak RSS ≤ 150 MiB under load", $"{startUpA:F0} / {startUpB:F0} ms; {rssUnderLoad:F0} MiB", Math.Max(startUpA, startUpB) <= 2000 && rssUnderLoad <= 150));

// The table.
Console.WriteLine($"ReviewBot make bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: .NET {Environment.Version}, {Environment.ProcessorCount} cores, load average at start {string.Join(' ', load)}");
Console.WriteLine($"BENCH_SECONDS={seconds} per measured window (warm-up {warmUp.TotalSeconds:F0} s); JWT validation on; state on Azurite; expectReplies; 1,000 rotating 1:1 conversations");
Console.WriteLine("storage/turn: requests the bot's Table client sent during the window, less its idle rate (sweeps) measured just before, per turn");
Console.WriteLine();
Console.WriteLine($"{"turn",-40}{"conc",5}{"req/s",9}{"p50 ms",9}{"p99 ms",9}{"errors",8}{"CPU ms/turn",13}{"storage/turn",14}");
rows.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine($"{"invoke (Action.Execute decision.approve)",-48}{"n",4}{"p50 ms",9}{"p99 ms",9}{"errors",8}");
invokeRows.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine($"{"reminder sweep, one pass",-48}{"storage requests",18}{"wall ms",10}{"reminders",11}");
foreach (var sweep in sweeps)
{
    Console.WriteLine($"{sweep.Scenario,-48}{sweep.StorageRequests,18}{sweep.WallMs,10:F0}{sweep.Reminded,11}{(sweep.Failed > 0 ? $"  ({sweep.Failed} failed)" : "")}");
}

Console.WriteLine();
Console.WriteLine($"two instances: {pair.Result.RequestsPerSecond:F0} req/s against {rps64:F0} for one ({scale:F2}×)");
foreach (var line in pairRows)
{
    Console.WriteLine("two instances: " + line);
}

Console.WriteLine($"start-up to /readyz 200: {startUpA:F0} ms (first), {startUpB:F0} ms (second); peak RSS (VmHWM) under load: {rssUnderLoad:F0} MiB");
Console.WriteLine();
Console.WriteLine("budget                                                         measured                                  met");
foreach (var (budget, measured, met) in budgets)
{
    Console.WriteLine($"{budget,-63}{measured,-42}{(met ? "yes" : "NO")}");
}

Console.WriteLine();
Console.WriteLine($"whole run {started.Elapsed.TotalSeconds:F0} s; logs in .local/bench/");
return 0;

async Task<ChildProcess> StartBotAsync(string name)
{
    var port = FreePort.Next();
    return await ChildProcess.StartAsync(botDll, ["--urls", $"http://127.0.0.1:{port}"], rig.BotEnvironment(), port, Path.Combine(work, name + ".log"));
}

byte[][] Bodies(string kind, string text)
    => [.. Enumerable.Range(0, Load.Conversations).Select(i => Activities.Body(Activities.Message(rig.Connector.ServiceUrl, $"a:bench-{kind}-{i}", Activities.User(kind, i), text)))];

// One turn in each conversation, 'concurrency' at a time, measured as a whole.
async Task<(LoadResult Load, double CpuPerTurn, double StoragePerTurn)> OnceEachAsync(ChildProcess bot, byte[][] bodies, int concurrency)
{
    var cpu = bot.CpuMilliseconds();
    var storage = await Rig.StorageRequestsAsync(bot);
    var times = new double[bodies.Length];
    var errors = 0;
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, bodies.Length), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
    {
        var one = Stopwatch.StartNew();
        if (!await Load.SendAsync(Load.Post(bot.Messages, Load.WithId(bodies[i], Interlocked.Increment(ref ids)), token)))
        {
            Interlocked.Increment(ref errors);
        }

        times[i] = one.Elapsed.TotalMilliseconds;
    });
    var elapsed = clock.Elapsed.TotalSeconds;
    var turns = bodies.Length;
    var (p50, p99) = Load.Percentiles(times);
    return (new LoadResult(concurrency, turns, errors, elapsed, p50, p99), (bot.CpuMilliseconds() - cpu) / turns, (await Rig.StorageRequestsAsync(bot) - storage) / (double)turns);
}

async Task<(LoadResult Result, double Cpu, double Storage)> MeasureAsync(
    ChildProcess bot, int concurrency, Func<int, long, HttpRequestMessage> next, bool countStorage = true, ChildProcess? second = null)
{
    double cpu = 0;
    long storage = 0;
    double Cpu() => bot.CpuMilliseconds() + (second?.CpuMilliseconds() ?? 0);
    async Task<long> Storage() => countStorage || second is not null
        ? await Rig.StorageRequestsAsync(bot) + (second is null ? 0 : await Rig.StorageRequestsAsync(second))
        : 0;
    // Sweeps still running use storage: their rate, idle, is taken off. A phase's tail (the outbox draining after the
    // slow-Graph approvals) is not idle: wait, up to 30 s, for the rate to fall to what sweeps alone cost.
    double idlePerSecond;
    var settling = Stopwatch.StartNew();
    do
    {
        var idleFrom = await Storage();
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(2));
        idlePerSecond = (await Storage() - idleFrom) / idleClock.Elapsed.TotalSeconds;
    }
    while (idlePerSecond > IdleStorageCeiling && settling.Elapsed < TimeSpan.FromSeconds(30));

    var result = await Load.RunAsync(concurrency, warmUp, measure, next,
        async () => { cpu = Cpu(); storage = await Storage(); },
        async () => { cpu = Cpu() - cpu; storage = await Storage() - storage; });
    var perTurn = result.Requests == 0 ? double.NaN : 1.0 / result.Requests;
    return (result, cpu * perTurn, countStorage || second is not null ? Math.Max(0, storage - (idlePerSecond * result.Seconds)) * perTurn : double.NaN);
}

void Row(string name, int concurrency, LoadResult result, double cpu, double storage)
{
    var line = $"{name,-40}{concurrency,5}{result.RequestsPerSecond,9:F0}{result.P50Ms,9:F1}{result.P99Ms,9:F1}{result.Errors,8}{cpu,13:F3}{(double.IsNaN(storage) ? "-" : storage.ToString("F2", CultureInfo.InvariantCulture)),14}";
    rows.Add(line);
    progress.WriteLine("  " + line.Trim());
}

string InvokeRow(string name, int n, double p50, double p99, int errors) => $"{name,-48}{n,4}{p50,9:F0}{p99,9:F0}{errors,8}";

async Task<byte[]> ReplyAsync(ChildProcess bot, byte[] body)
{
    using var response = await Load.Client.SendAsync(Load.Post(bot.Messages, Load.WithId(body, ++ids), token));
    response.EnsureSuccessStatusCode();
    return await response.Content.ReadAsByteArrayAsync();
}

async Task<JsonObject> PressAsync(ChildProcess bot, string verb, ReviewCase c, JsonObject? extra = null)
{
    var data = extra ?? [];
    data["caseRef"] = c.Reference.Value;
    data["version"] = c.Version.ToString(CultureInfo.InvariantCulture);
    using var response = await Load.Client.SendAsync(Load.Post(bot.Messages, Load.WithId(Activities.Body(Activities.Invoke(rig.Connector.ServiceUrl, Activities.Alex, verb, data)), ++ids), token));
    response.EnsureSuccessStatusCode();
    return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}

async Task<ReviewCase> RecommendedCaseAsync(ChildProcess bot)
{
    var c = await rig.NewCaseAsync();
    await PressAsync(bot, CardVerbs.RecommendationReview, c, new JsonObject { ["rationale"] = "Met." });
    c = (await rig.Cases.FindAsync(rig.Board.BoardId, c.Reference, CancellationToken.None))!;
    Check(c.Stage == CaseStage.AwaitingChairDecision, $"{c.Reference} is {c.Stage} after the recommendation");
    return c;
}

async Task<(double P50, double P99, int Errors)> ApproveAllAsync(IReadOnlyList<ReviewCase> cases, ChildProcess[] bots)
{
    var times = new List<double>();
    var errors = 0;
    for (var i = 0; i < cases.Count; i++)
    {
        var clock = Stopwatch.StartNew();
        var answer = await PressAsync(bots[i % bots.Length], CardVerbs.DecisionApprove, cases[i]);
        times.Add(clock.Elapsed.TotalMilliseconds);
        errors += answer["statusCode"]?.GetValue<int>() == 200 ? 0 : 1;
    }

    var (p50, p99) = Load.Percentiles(times);
    return (p50, p99, errors);
}

// Every effect of these cases done (outbox empty) and every due reminder marked done.
async Task<bool> SettledAsync(IReadOnlyList<ReviewCase> cases, TimeSpan timeout)
{
    var outbox = new TableEffectOutbox(rig.Tables);
    var deadline = Stopwatch.StartNew();
    while (deadline.Elapsed < timeout)
    {
        var pending = 0;
        foreach (var c in cases)
        {
            pending += (await outbox.ListForCaseAsync(rig.Board.BoardId, c.Reference, CancellationToken.None)).Count;
            await foreach (var row in rig.Tables.Deadlines.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"Case eq {c.Reference.Value}")))
            {
                pending += row.GetDateTimeOffset("DueAt") <= DateTimeOffset.UtcNow && row.GetBoolean("Done") != true ? 1 : 0;
            }
        }

        if (pending == 0)
        {
            await Task.Delay(2_000); // a duplicate would come from a second claimant just after
            return true;
        }

        await Task.Delay(500);
    }

    return false;
}

static string? WithoutId(JsonNode? body)
{
    if (body is not JsonObject o)
    {
        return body?.ToJsonString();
    }

    var copy = o.DeepClone().AsObject();
    copy.Remove("id");
    return copy.ToJsonString();
}

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("Bench set-up failed: " + what);
    }
}
