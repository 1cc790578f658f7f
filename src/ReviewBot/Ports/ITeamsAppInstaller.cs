namespace ReviewBot.Ports;

/// <summary>
/// Makes sure ReviewBot is installed for a user in Teams (so a proactive 1:1 message can reach someone who
/// never opened the app) and finds the 1:1 chat. Graph users/{id}/teamwork/installedApps in the host.
/// </summary>
public interface ITeamsAppInstaller
{
    /// <summary>
    /// Installs the app for <paramref name="userObjectId"/> when it is not installed and returns the chat.
    /// Throws <see cref="Microsoft365Exception"/> (e.g. <see cref="Microsoft365FailureKind.AccessDenied"/>
    /// when the tenant refuses the installation: reach the user by mail instead).
    /// </summary>
    Task<TeamsAppChat> EnsureInstalledAsync(string userObjectId, CancellationToken cancellationToken);
}

/// <summary>The user's 1:1 chat with the app.</summary>
/// <param name="ChatId">The chat id (<c>19:...@unq.gbl.spaces</c>).</param>
/// <param name="NewlyInstalled">True when this call installed the app.</param>
public sealed record TeamsAppChat(string ChatId, bool NewlyInstalled);
