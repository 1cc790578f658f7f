using System.Diagnostics;
using System.Text;

namespace ReviewBot.Testing;

/// <summary>
/// A Node tool from the repository's node_modules run as a child process, killed with its tree on
/// dispose. Output is kept (bounded) for failure messages.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private NodeProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>What the process printed so far (last 20,000 characters).</summary>
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

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !process.HasExited;

    /// <summary>Starts <c>node &lt;script&gt; args</c> in the repository root.</summary>
    public static NodeProcess Start(string script, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"{script} is missing: run 'npm ci' in the repository root (make test does).", script);
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new NodeProcess(process);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>
    /// Sends SIGINT (Ctrl+C: Node tools such as Azurite close cleanly on it, while SIGTERM ends Node at once) and
    /// waits up to <paramref name="timeout"/> for the process to exit by itself.
    /// </summary>
    public async Task InterruptAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Did not stop in time: StopAsync kills it.
        }
    }

    /// <summary>Kills the process and its children.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
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
            if (output.Length > 20_000)
            {
                output.Remove(0, output.Length - 20_000);
            }
        }
    }
}
