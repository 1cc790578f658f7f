using System.Text.Json.Nodes;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>The real activity payloads in Samples/.</summary>
internal static class Samples
{
    public static readonly string[] Names =
    [
        "conversation-update-members-added.json",
        "installation-update.json",
        "invoke-adaptive-card-action.json",
        "message-card-submit.json",
        "message-personal.json",
    ];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static string Load(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    public static JsonObject LoadObject(string name) => JsonNode.Parse(Load(name))!.AsObject();
}
