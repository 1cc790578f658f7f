using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewBot.Bot;
using ReviewBot.Core.Referrals;
using ReviewBot.Teams;

// What a typed message costs the bot before it answers: the body parsed as an activity, mentions stripped, the
// length gate, and (for a command short enough) the intent reader. A 28 KB message of unclosed <at> against a
// plain 28 KB message; the acceptance bound is 3x. Timings are the median of many runs after a warm-up.
const int Size = 28 * 1024;
const int Runs = 2_000;

var plain = string.Concat(Enumerable.Repeat("please tell me about the case ", Size / 30 + 1))[..Size];
var unclosed = string.Concat(Enumerable.Repeat("<at>", Size / 4));
var closedLate = unclosed[..(Size - 30)] + "ReviewBot</at> status SCR-2026-1";

Console.WriteLine($"Runtime {Environment.Version}, {Environment.ProcessorCount} cores, {Runs} runs each, median microseconds");
Console.WriteLine();
Console.WriteLine("message (28 KB text)          strip mentions   whole text path");
var baseline = Report("plain words", plain);
var hostile = Report("unclosed <at> x 7,168", unclosed);
Report("unclosed <at>, closed at end", closedLate);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unclosed <at> / plain, whole text path: {hostile / baseline:F2}x (bound 3x)"));

// For comparison, the expression this replaced, once over the same 28 KB (it backtracks from every tag).
var old = new Regex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
var clock = Stopwatch.StartNew();
_ = old.Replace(unclosed, " ");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the old <at>.*?</at> over the unclosed 28 KB, once: {clock.Elapsed.TotalMilliseconds:F0} ms"));
return hostile / baseline <= 3 ? 0 : 1;

static double Report(string name, string text)
{
    var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["type"] = "message",
        ["id"] = "1",
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["from"] = new JsonObject { ["id"] = "29:x", ["aadObjectId"] = "oid-x" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = "a:1", ["conversationType"] = "personal" },
        ["text"] = text,
    }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }); // as Teams sends it: < and > unescaped
    var strip = Median(() => ChatCommands.WithoutMentions(text).Length);
    var path = Median(() => TextPath(body));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-30}{strip,14:F1}{path,18:F1}"));
    return path;
}

static int TextPath(byte[] body)
{
    var activity = JsonSerializer.Deserialize<ReviewBot.Teams.Activity>(body, TeamsJson.Options)!;
    var text = ChatCommands.WithoutMentions(activity.Text);
    return text.Length > ChatCommands.MaxCommandLength ? -1 : (int)ChatIntentRecogniser.Recognise(text).Kind;
}

static double Median(Func<int> work)
{
    for (var i = 0; i < Runs / 10; i++)
    {
        work();
    }

    var times = new double[Runs];
    for (var i = 0; i < Runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        work();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    Array.Sort(times);
    return times[Runs / 2];
}
