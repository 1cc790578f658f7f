using System.Globalization;
using System.Text;

namespace ReviewBot.EndToEnd.Tests;

/// <summary>A person of the demo board (src/ReviewBot/Storage/demo-board.json) as the Agents Playground knows them.</summary>
/// <param name="Id">The Playground's user id.</param>
/// <param name="Name">Display name.</param>
/// <param name="UserPrincipalName">Sign-in name.</param>
/// <param name="ObjectId">Entra object id (the board's objectId; a Playground's author id).</param>
/// <param name="Email">Mail address.</param>
public sealed record PlaygroundUser(string Id, string Name, string UserPrincipalName, string ObjectId, string Email);

/// <summary>
/// The demo tenant's users and a Playground configuration per person: a Playground shows only its current user's
/// chats, so each person of a test has their own, with the others as the tenant's users. Alex Wilber is the
/// Playground's built-in user and needs none.
/// </summary>
public static class PlaygroundUsers
{
    /// <summary>Business manager, sub-group chair and chair.</summary>
    public static readonly PlaygroundUser Alex = new("user-id-0", "Alex Wilber", "alexw@example.com", "00000000-0000-0000-0000-0000000000020", "alexw@example.com");

    /// <summary>The police's panel member.</summary>
    public static readonly PlaygroundUser Megan = new("user-id-1", "Megan Bowen", "meganb@example.com", "00000000-0000-0000-0000-0000000000021", "meganb@example.com");

    /// <summary>Head of safeguarding (children's social care).</summary>
    public static readonly PlaygroundUser Adele = new("user-id-2", "Adele Vance", "adelev@example.com", "00000000-0000-0000-0000-0000000000022", "adelev@example.com");

    /// <summary>Director of children's services.</summary>
    public static readonly PlaygroundUser Isaiah = new("user-id-3", "Isaiah Langer", "isaiah@example.com", "00000000-0000-0000-0000-0000000000023", "isaiahl@example.com");

    private static readonly PlaygroundUser[] Tenant =
    [
        Alex, Megan, Adele, Isaiah,
        new("user-id-4", "Patti Fernandez", "pattif@example.com", "00000000-0000-0000-0000-0000000000024", "pattif@example.com"),
        new("user-id-5", "Lynne Robbins", "lynner@example.com", "00000000-0000-0000-0000-0000000000025", "lynner@example.com"),
    ];

    /// <summary>
    /// Writes the Playground configuration (its .m365agentsplayground.yml format) with <paramref name="user"/> as
    /// the current user, their own 1:1 chat and the demo tenant; returns the file's path (the caller deletes it).
    /// </summary>
    public static string WriteConfig(PlaygroundUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var yaml = new StringBuilder()
            .AppendLine("version: \"0.1.1\"")
            .AppendLine("tenantId: 00000000-0000-0000-0000-0000000000001")
            .AppendLine("bot:")
            .AppendLine("  id: 00000000-0000-0000-0000-00000000000011")
            .AppendLine("  name: Test Bot")
            .AppendLine("currentUser:");
        AppendUser(yaml, user, "  ");
        yaml.AppendLine("users:");
        foreach (var other in Tenant.Where(u => u != user))
        {
            AppendUser(yaml, other, "  - ", "    ");
        }

        // Each person's 1:1 chat has its own id, as in Teams.
        var number = user.Id[(user.Id.LastIndexOf('-') + 1)..];
        yaml.AppendLine("personalChat:")
            .AppendLine(CultureInfo.InvariantCulture, $"  id: 8f0d6a52-1c3e-4b7a-9e21-5d4c3b2a1f{int.Parse(number, CultureInfo.InvariantCulture):D2}")
            .AppendLine("groupChat:")
            .AppendLine("  id: 3a9b7c61-2d4e-4f80-8a1b-6c5d4e3f2a10")
            .AppendLine("  name: Group Chat")
            .AppendLine("team:")
            .AppendLine("  id: team-id")
            .AppendLine("  name: My Team")
            .AppendLine("  aadGroupId: 00000000-0000-0000-0000-000000000031")
            .AppendLine("  channels:")
            .AppendLine("    - id: channel-announcements-id")
            .AppendLine("      name: Announcements");
        var path = Path.Combine(Path.GetTempPath(), $"reviewbot-playground-{user.Id}-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    private static void AppendUser(StringBuilder yaml, PlaygroundUser user, string first, string? rest = null)
    {
        rest ??= first;
        var names = user.Name.Split(' ', 2);
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{first}id: {user.Id}")
            .AppendLine(CultureInfo.InvariantCulture, $"{rest}name: {user.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"{rest}userPrincipleName: {user.UserPrincipalName}")
            .AppendLine(CultureInfo.InvariantCulture, $"{rest}aadObjectId: {user.ObjectId}")
            .AppendLine(CultureInfo.InvariantCulture, $"{rest}givenName: {names[0]}")
            .AppendLine(CultureInfo.InvariantCulture, $"{rest}surname: {names[^1]}")
            .AppendLine(CultureInfo.InvariantCulture, $"{rest}email: {user.Email}");
    }
}
