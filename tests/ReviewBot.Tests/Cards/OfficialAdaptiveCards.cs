using System.Diagnostics;
using System.Text.Json.Nodes;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Cards;

/// <summary>
/// Runs the official JavaScript libraries (adaptivecards-templating 2.3.1 and adaptivecards 3.0.6) through
/// adaptive-cards.js, all items in one node process: expansion of each template with its data, and
/// parse + validation of a card at schema 1.5 (or the request's <see cref="OfficialRequest.Version"/>).
/// </summary>
internal static class OfficialAdaptiveCards
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string Script => Path.Combine(RepositoryPaths.Root, "tests", "ReviewBot.Tests", "Cards", "adaptive-cards.js");

    public static IReadOnlyDictionary<string, OfficialResult> Run(IEnumerable<OfficialRequest> items)
    {
        var folder = Directory.CreateTempSubdirectory("reviewbot-cards-");
        try
        {
            var request = Path.Combine(folder.FullName, "request.json");
            var response = Path.Combine(folder.FullName, "response.json");
            var payload = new JsonObject
            {
                ["items"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
                {
                    ["id"] = i.Id,
                    ["template"] = i.Template.DeepClone(),
                    ["data"] = i.Data?.DeepClone(),
                    ["card"] = i.Card?.DeepClone(),
                    ["validate"] = i.Validate,
                    ["version"] = i.Version,
                })]),
            };
            File.WriteAllText(request, payload.ToJsonString());
            RunNode(request, response);
            var results = JsonNode.Parse(File.ReadAllText(response))!["results"]!.AsArray();
            return results.ToDictionary(
                r => (string)r!["id"]!,
                r => new OfficialResult(
                    r!["expanded"]?.DeepClone(),
                    (string?)r["expandError"],
                    r["validation"]?["parseErrors"]?.AsArray().Select(e => (string)e!).ToList() ?? [],
                    r["validation"]?["validationErrors"]?.AsArray().Select(e => (string)e!).ToList() ?? []));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void RunNode(string request, string response)
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.NodeModules, "adaptivecards-templating")))
        {
            throw new InvalidOperationException($"{RepositoryPaths.NodeModules} lacks adaptivecards-templating: run 'npm ci' in the repository root.");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(request);
        info.ArgumentList.Add(response);
        using var node = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(Timeout))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {Script} did not finish within {Timeout.TotalSeconds} s.");
        }

        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {Script} exited with {node.ExitCode}: {stderr.Result}{stdout.Result}");
        }
    }
}

/// <summary>One template and data for the official engine; <see cref="Card"/> is what to validate instead of its own expansion.</summary>
internal sealed record OfficialRequest(string Id, JsonNode Template, JsonNode? Data, JsonNode? Card = null, bool Validate = true, string Version = "1.5");

/// <summary>What the official libraries said.</summary>
internal sealed record OfficialResult(JsonNode? Expanded, string? ExpandError, IReadOnlyList<string> ParseErrors, IReadOnlyList<string> ValidationErrors);
