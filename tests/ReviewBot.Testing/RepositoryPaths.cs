namespace ReviewBot.Testing;

/// <summary>Paths in the repository, found by walking up from the test binaries to ReviewBot.sln.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding ReviewBot.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The repository's node_modules.</summary>
    public static string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>The card templates folder.</summary>
    public static string Cards => Path.Combine(Root, "cards");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReviewBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReviewBot.sln not found above the test binaries.");
    }
}
