using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewBot.LoadBench;

/// <summary>Activities as Teams sends them to the bot (1:1 chats in the demo board's tenant).</summary>
public static class Activities
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";
    public const string AppId = "b3c0be4c-0000-4000-8000-00000000be4c";
    public const string Alex = "00000000-0000-0000-0000-0000000000020"; // business manager, sub-group chair, board chair
    public const string Megan = "00000000-0000-0000-0000-0000000000021";
    public static readonly string[] DemoPeople = [Alex, Megan, "00000000-0000-0000-0000-0000000000022", "00000000-0000-0000-0000-0000000000023"];

    /// <summary>An Entra object id for bench user <paramref name="n"/> (not on the board: anyone in the tenant).</summary>
    public static string User(string kind, int n) => $"be{kind}0000-0000-4000-8000-{n:D12}";

    public static JsonObject Message(string serviceUrl, string conversationId, string user, string text, bool expectReplies = true)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "29:" + user, ["name"] = "Bench User", ["aadObjectId"] = user },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "ReviewBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "en-GB",
            ["text"] = text,
        };
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        return activity;
    }

    /// <summary>An Action.Execute press from <paramref name="user"/>'s 1:1 chat.</summary>
    public static JsonObject Invoke(string serviceUrl, string user, string verb, JsonObject data)
    {
        var activity = Message(serviceUrl, "a:personal-" + user, user, string.Empty, expectReplies: false);
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "card-1";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>The activity without an id (the driver puts a fresh one first on every send).</summary>
    public static byte[] Body(JsonObject activity) => JsonSerializer.SerializeToUtf8Bytes(activity);
}
