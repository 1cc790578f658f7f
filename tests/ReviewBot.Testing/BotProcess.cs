using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ReviewBot.Testing;

/// <summary>
/// The built ReviewBot app run as its own process on a fixed free port, so a test can stop and start it
/// again (a real restart: nothing survives but what is in storage).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly StringBuilder output = new();
    private Process? process;

    /// <summary>Prepares the bot; <paramref name="environment"/> holds its configuration (Section__Key).</summary>
    public BotProcess(IReadOnlyDictionary<string, string> environment)
    {
        this.environment = environment;
    }

    /// <summary>The bot's port (kept across restarts).</summary>
    public int Port { get; } = FreePort.Next();

    /// <summary>The messaging endpoint.</summary>
    public Uri MessagesEndpoint => new($"http://127.0.0.1:{Port}/api/messages");

    /// <summary>The base address.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the bot logged (for failure messages and the no-personal-data check).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the bot and waits until /readyz answers (storage ready, boards seeded).</summary>
    public async Task StartAsync()
    {
        var app = FindAppDll();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(app);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitHealthyAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Stops the bot gracefully (SIGTERM), killing it if it lingers.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        process = null;
    }

    /// <summary>Kills the bot at once (SIGKILL): no shutdown, nothing flushed, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        process = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                // Ready = storage reachable, tables created and boards seeded.
                if ((await http.GetAsync("readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The bot did not become healthy:\n{Output}");
    }

    private static string FindAppDll()
    {
        var bin = Path.Combine(RepositoryPaths.Root, "src", "ReviewBot", "bin");
        return Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "ReviewBot.dll", SearchOption.AllDirectories)
                .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault() ?? throw new FileNotFoundException("ReviewBot.dll not built; run 'make test'.")
            : throw new DirectoryNotFoundException("src/ReviewBot/bin not found; run 'make test'.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
