using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewBot.Core.Boards;

namespace ReviewBot.Tests.Bot;

/// <summary>
/// The app with a second organisation's board seeded beside <see cref="BotHost.Board"/>: its people press buttons
/// on cards naming the first board's cases (a stranger from another tenant).
/// </summary>
public sealed class TwoTenantBotHost : BotHost
{
    /// <summary>Another organisation's tenant, with a board of its own.</summary>
    public const string OtherTenantId = "tenant-host-tests-other";

    /// <summary>Someone in the other tenant: that board's chair.</summary>
    public const string OtherTenantStranger = "oid-other-tenant";

    private readonly string otherBoardFile = Path.Combine(Path.GetTempPath(), $"reviewbot-other-board-{Guid.NewGuid():N}.json");

    public TwoTenantBotHost()
    {
        File.WriteAllText(otherBoardFile, JsonSerializer.Serialize(OtherBoard, global::ReviewBot.Storage.StorageJson.Options));
        Settings = new Dictionary<string, string> { ["Storage:SeedBoardFiles:1"] = otherBoardFile };
    }

    /// <summary>The other tenant's board: one person, its chair.</summary>
    public static BoardConfiguration OtherBoard { get; } = new()
    {
        BoardId = "hosttestsother",
        Name = "Other Safeguarding Children Board",
        TenantId = OtherTenantId,
        People = [new(OtherTenantStranger, "Olly Other", "olly@example.org", [BoardRole.BoardChair])],
    };

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The same activity as if sent from the other tenant.</summary>
    public static JsonObject FromOtherTenant(JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = OtherTenantId;
        activity["channelData"]!["tenant"]!["id"] = OtherTenantId;
        return activity;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(otherBoardFile);
    }
}
