using System.Diagnostics;
using System.Text.Json.Nodes;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Package;

/// <summary>Runs manifest/package.js and manifest/validate-manifest.js with node, as make package does.</summary>
internal static class ManifestTool
{
    public const string AppId = "9e0d5051-0d31-4def-8a03-4eb2c23401b8";
    public const string BotId = "73a4cba2-8d5a-455d-93e7-24545b199b1f";
    public const string Domain = "reviewbot-lscb-app.azurewebsites.net";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string Folder => Path.Combine(RepositoryPaths.Root, "manifest");

    /// <summary>Every setting package.js needs, valid; tests change or drop one.</summary>
    public static Dictionary<string, string> Settings() => new(StringComparer.Ordinal)
    {
        ["APP_VERSION"] = "1.0.0",
        ["MANIFEST_APP_ID"] = AppId,
        ["BOT_APP_ID"] = BotId,
        ["BOT_DOMAIN"] = Domain,
        ["DEVELOPER_NAME"] = "Anyshire LSCP",
        ["DEVELOPER_WEBSITE_URL"] = "https://anyshire.example.gov.uk/lscp",
        ["PRIVACY_URL"] = "https://anyshire.example.gov.uk/lscp/privacy",
        ["TERMS_OF_USE_URL"] = "https://anyshire.example.gov.uk/lscp/terms",
    };

    public static NodeRun Package(string outFolder, IReadOnlyDictionary<string, string> settings) =>
        Run(Path.Combine(Folder, "package.js"), ["--out", outFolder], settings);

    /// <summary>Validates <paramref name="manifest"/> against the bundled schema of its manifestVersion.</summary>
    public static (bool Valid, string? Schema, IReadOnlyList<string> Errors) Validate(JsonNode manifest)
    {
        var file = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, manifest.ToJsonString());
        try
        {
            var run = Run(Path.Combine(Folder, "validate-manifest.js"), [file], new Dictionary<string, string>());
            var result = JsonNode.Parse(run.Stdout) ?? throw new InvalidDataException(run.Stderr);
            var valid = (bool)result["valid"]!;
            Assert.Equal(valid ? 0 : 1, run.ExitCode);
            return (valid, (string?)result["schema"], [.. result["errors"]!.AsArray().Select(e => (string)e!)]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static NodeRun Run(string script, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in Settings().Keys)
        {
            info.Environment.Remove(key); // only what the test passes
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(Timeout))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in {Timeout.TotalSeconds} s.");
        }

        return new NodeRun(node.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>What a node script did.</summary>
internal sealed record NodeRun(int ExitCode, string Stdout, string Stderr);
