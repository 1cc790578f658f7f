using System.IO.Compression;
using System.Text.Json.Nodes;

namespace ReviewBot.Tests.Package;

/// <summary>The Teams app package as make package writes it: node manifest/package.js, once for the class.</summary>
public sealed class BuiltAppPackage : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("reviewbot-package-");

    public BuiltAppPackage()
    {
        Run = ManifestTool.Package(folder.FullName, ManifestTool.Settings());
        ZipPath = Path.Combine(folder.FullName, "appPackage.zip");
        if (Run.ExitCode == 0)
        {
            using var zip = ZipFile.OpenRead(ZipPath);
            Entries = zip.Entries.ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            });
        }
    }

    internal NodeRun Run { get; }

    internal string ZipPath { get; }

    internal IReadOnlyDictionary<string, byte[]> Entries { get; } = new Dictionary<string, byte[]>();

    internal JsonNode Manifest => JsonNode.Parse(Entries["manifest.json"])!;

    public void Dispose() => folder.Delete(recursive: true);
}

public sealed class AppPackageTests(BuiltAppPackage package) : IClassFixture<BuiltAppPackage>
{
    private static readonly string[] Scopes = ["personal", "team", "groupChat"];

    [Fact]
    public void The_zip_holds_the_manifest_and_both_icons_at_its_root()
    {
        Assert.True(package.Run.ExitCode == 0, package.Run.Stderr + package.Run.Stdout);

        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(ManifestTool.Folder, "color.png")), package.Entries["color.png"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(ManifestTool.Folder, "outline.png")), package.Entries["outline.png"]);
        Assert.Equal("color.png", (string?)package.Manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)package.Manifest["icons"]!["outline"]);
    }

    [Fact]
    public void The_filled_manifest_matches_the_official_schema_of_its_version()
    {
        var manifestVersion = (string)package.Manifest["manifestVersion"]!;
        var (valid, schema, errors) = ManifestTool.Validate(package.Manifest);

        Assert.True(valid, string.Join("\n", errors));
        Assert.True(Version.Parse(manifestVersion) >= new Version(1, 19), $"manifestVersion {manifestVersion} is older than 1.19");
        Assert.EndsWith($"teams/v{manifestVersion}/MicrosoftTeams.schema.json", schema?.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public void Package_settings_fill_the_app_id_bot_id_and_domain()
    {
        var manifest = package.Manifest;

        Assert.Equal(ManifestTool.AppId, (string?)manifest["id"]);
        Assert.Equal(ManifestTool.BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(ManifestTool.BotId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal([ManifestTool.Domain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("https://anyshire.example.gov.uk/lscp/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.DoesNotContain("${{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bot_works_in_every_scope_with_its_four_commands()
    {
        var bot = package.Manifest["bots"]!.AsArray().Single()!;

        Assert.Equal(Scopes, bot["scopes"]!.AsArray().Select(s => (string?)s));
        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(Scopes, lists.SelectMany(l => l!["scopes"]!.AsArray()).Select(s => (string?)s));
        Assert.All(lists, list => Assert.Equal(
            ["refer", "status", "my tasks", "help"],
            list!["commands"]!.AsArray().Select(c => (string?)c!["title"])));
    }

    [Theory]
    [InlineData("accentColor", null, "accentColor")]
    [InlineData("id", "not-a-guid", "/id")]
    [InlineData("bots/0/botId", "73a4cba2-8d5a-455d-93e7", "/bots/0/botId")]
    [InlineData("webApplicationInfo/id", "{73a4cba2-8d5a-455d-93e7-24545b199b1f}", "/webApplicationInfo/id")]
    [InlineData("bots/0/scopes/0", "everyone", "/bots/0/scopes/0")]
    public void The_schema_check_catches_a_broken_manifest(string path, string? value, string reported)
    {
        var manifest = package.Manifest.DeepClone();
        Change(manifest, path, value);

        var (valid, _, errors) = ManifestTool.Validate(manifest);

        Assert.False(valid);
        Assert.Contains(errors, e => e.Contains(reported, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_or_malformed_settings_stop_the_package_naming_each_and_write_no_zip()
    {
        var settings = ManifestTool.Settings();
        settings.Remove("BOT_APP_ID");
        settings["BOT_DOMAIN"] = "https://reviewbot.azurewebsites.net";
        var folder = Directory.CreateTempSubdirectory("reviewbot-package-");
        try
        {
            var run = ManifestTool.Package(folder.FullName, settings);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("BOT_APP_ID must be", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("BOT_DOMAIN must be", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("MANIFEST_APP_ID", run.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "appPackage.zip")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_colour_icon_is_192_pixels_square()
    {
        var icon = PngImage.Read(package.Entries["color.png"]);

        Assert.Equal((192, 192), (icon.Width, icon.Height));
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_of_white_on_transparency()
    {
        var icon = PngImage.Read(package.Entries["outline.png"]);

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.IsRgba8, $"outline.png must be 8-bit RGBA, is colour type {icon.ColourType} at {icon.BitDepth} bits");
        var pixels = icon.Rgba.Chunk(4).ToList();
        Assert.All(pixels, p => Assert.True(p[3] == 0 || (p[0] == 255 && p[1] == 255 && p[2] == 255), "a visible pixel is not white"));
        Assert.Contains(pixels, p => p[3] == 0);
        Assert.Contains(pixels, p => p[3] == 255);
    }

    private static void Change(JsonNode manifest, string path, string? value)
    {
        var steps = path.Split('/');
        var parent = steps[..^1].Aggregate(manifest, (node, step) => int.TryParse(step, out var i) ? node[i]! : node[step]!);
        var last = steps[^1];
        if (int.TryParse(last, out var index))
        {
            parent[index] = value;
        }
        else if (value is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
    }
}
