using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace ReviewBot.LoadBench;

/// <summary>What one measured window of load gave.</summary>
public sealed record LoadResult(int Concurrency, long Requests, long Errors, double Seconds, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// A closed-loop load driver: N workers, each sending its next request as soon as the last one answered. Each
/// worker owns its own conversations (worker w: w, w+N, w+2N, … of the 1,000), so two turns of one
/// conversation never race and a dialog's answers stay in order.
/// </summary>
public static class Load
{
    public const int Conversations = 1_000;

    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The shared client (one connection pool, as a load tool has).</summary>
    public static HttpClient Client => Http;

    /// <summary>
    /// Runs <paramref name="warmUp"/> of load (not counted), calls <paramref name="measureStart"/>, runs
    /// <paramref name="duration"/> measured, and calls <paramref name="measureEnd"/> before the workers stop.
    /// <paramref name="next"/> builds worker w's request for its conversation c and its n-th turn there.
    /// </summary>
    public static async Task<LoadResult> RunAsync(
        int concurrency, TimeSpan warmUp, TimeSpan duration, Func<int, long, HttpRequestMessage> next,
        Func<Task> measureStart, Func<Task> measureEnd)
    {
        long measuring = 0; // 0 warm-up, 1 measuring, 2 still loaded but not counted, 3 stop
        var latencies = new List<long>[concurrency];
        var errors = new long[concurrency];
        var turns = new long[Conversations];
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = new List<long>(100_000);
            var mine = Enumerable.Range(0, Conversations).Where(c => c % concurrency == w).ToArray();
            for (var i = 0L; Interlocked.Read(ref measuring) < 3; i++)
            {
                var conversation = mine[i % mine.Length];
                var turn = turns[conversation]++;
                var counted = Interlocked.Read(ref measuring) == 1;
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(next(conversation, turn));
                var elapsed = Stopwatch.GetTimestamp() - started;
                if (counted && Interlocked.Read(ref measuring) == 1)
                {
                    latencies[w].Add(elapsed);
                    errors[w] += ok ? 0 : 1;
                }
            }
        })).ToArray();

        await Task.Delay(warmUp);
        await measureStart();
        Interlocked.Exchange(ref measuring, 1);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        Interlocked.Exchange(ref measuring, 2); // stop counting first, then read the bot's counters under the same load
        var seconds = clock.Elapsed.TotalSeconds;
        await measureEnd();
        Interlocked.Exchange(ref measuring, 3);
        await Task.WhenAll(workers);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(concurrency, all.Length, errors.Sum(), seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>Sends, reads the whole answer, and says whether it was a success.</summary>
    public static async Task<bool> SendAsync(HttpRequestMessage request)
    {
        try
        {
            using (request)
            using (var response = await Http.SendAsync(request, HttpCompletionOption.ResponseContentRead))
            {
                return response.IsSuccessStatusCode;
            }
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>A POST of a JSON body with a bearer token.</summary>
    public static HttpRequestMessage Post(Uri endpoint, byte[] body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>The body with a fresh activity id put first (the rest is serialised once per conversation).</summary>
    public static byte[] WithId(byte[] bodyWithoutId, long id)
    {
        var head = Encoding.UTF8.GetBytes($"{{\"id\":\"bench-{id}\",");
        var body = new byte[head.Length + bodyWithoutId.Length - 1];
        head.CopyTo(body, 0);
        bodyWithoutId.AsSpan(1).CopyTo(body.AsSpan(head.Length));
        return body;
    }

    public static double Percentile(long[] sortedTicks, double p)
        => sortedTicks.Length == 0 ? double.NaN : sortedTicks[Math.Min(sortedTicks.Length - 1, (int)Math.Ceiling(p * sortedTicks.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

    /// <summary>Median and 99th percentile of single timed calls, in ms.</summary>
    public static (double P50, double P99) Percentiles(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (At(0.5), At(0.99));
    }
}
