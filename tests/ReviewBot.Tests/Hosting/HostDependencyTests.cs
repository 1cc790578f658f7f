using System.Text.RegularExpressions;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Hosting;

/// <summary>
/// The host's folders (Bot, Hosting, Storage, Cards, Graph, Outlook, Sweeps, Telemetry, Ports) depend on each
/// other one way only: a source scan of every reference to another folder's namespace (<c>using</c> lines and
/// qualified names), so Hosting stays wiring that nothing else needs.
/// </summary>
public sealed partial class HostDependencyTests
{
    private static readonly string HostSource = Path.Combine(RepositoryPaths.Root, "src", "ReviewBot");

    [Fact]
    public void Nothing_but_Program_refers_to_Hosting()
    {
        var edges = Edges(HostSource);

        Assert.Empty(edges.Where(e => e.To == "Hosting").Select(e => $"{e.From} -> Hosting ({e.File})"));
    }

    [Fact]
    public void The_host_folders_have_no_dependency_cycle()
    {
        var cycle = FindCycle(Edges(HostSource));

        Assert.True(cycle is null, $"Dependency cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void The_scan_sees_a_cycle_through_using_lines_and_qualified_names()
    {
        var root = Directory.CreateTempSubdirectory("reviewbot-deps-").FullName;
        try
        {
            Write(root, "Bot/Turn.cs", "using ReviewBot.Hosting.Telemetry;\nnamespace ReviewBot.Bot;\n// ReviewBot.Storage.Ignored in a comment\nclass Turn { string s = \"Storage.Ignored\"; }");
            Write(root, "Hosting/Host.cs", "namespace ReviewBot.Hosting;\nclass Host { object b = new global::ReviewBot.Bot.Turn(); }");

            var edges = Edges(root);

            Assert.Equal(["Bot -> Hosting", "Hosting -> Bot"], edges.Select(e => $"{e.From} -> {e.To}").Distinct().Order(StringComparer.Ordinal));
            Assert.NotNull(FindCycle(edges));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Folder-to-folder references of the C# files under <paramref name="root"/> (Program.cs and obj/ left out).</summary>
    private static List<(string From, string To, string File)> Edges(string root)
    {
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(d => d is not ("obj" or "bin" or "Properties")).ToHashSet(StringComparer.Ordinal);
        var reference = new Regex($@"(?<![\w.])(?:global::)?(?:ReviewBot\.)?(?<folder>{string.Join('|', folders.Select(Regex.Escape))})(?:\.[A-Z]|\s*;)");
        var edges = new List<(string, string, string)>();
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var code = CommentOrString().Replace(File.ReadAllText(file), " ");
                edges.AddRange(reference.Matches(code)
                    .Select(m => m.Groups["folder"].Value)
                    .Where(to => to != folder)
                    .Distinct()
                    .Select(to => (folder, to, Path.GetRelativePath(root, file))));
            }
        }

        return edges;
    }

    private static List<string>? FindCycle(IEnumerable<(string From, string To, string File)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().ToList());
        var done = new HashSet<string>();
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            if (path.IndexOf(node) is var at and >= 0)
            {
                return [.. path[at..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (Visit(to) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return next.Keys.Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:""""|[^""])*""|""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();
}
