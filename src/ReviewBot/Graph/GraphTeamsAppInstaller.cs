using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using ReviewBot.Ports;

namespace ReviewBot.Graph;

/// <summary>
/// Installs ReviewBot for a user and finds the 1:1 chat, so a proactive message reaches someone who never
/// opened the app (https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages).
/// </summary>
public sealed class GraphTeamsAppInstaller(GraphServiceClient graph, IOptions<GraphOptions> options) : ITeamsAppInstaller
{
    private static readonly GraphCall Install = new("install ReviewBot in Teams for a user", "TeamsAppInstallation.ReadWriteSelfForUser.All");

    /// <inheritdoc />
    public async Task<TeamsAppChat> EnsureInstalledAsync(string userObjectId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var manifestId = settings.TeamsAppId ?? throw new InvalidOperationException("Graph:TeamsAppId (the Teams app's manifest id) is not set.");
        var installation = await FindAsync(userObjectId, manifestId, cancellationToken).ConfigureAwait(false);
        var newlyInstalled = false;
        if (installation is null)
        {
            newlyInstalled = await InstallAsync(userObjectId, settings, manifestId, cancellationToken).ConfigureAwait(false);
            installation = await FindAsync(userObjectId, manifestId, cancellationToken).ConfigureAwait(false)
                ?? throw new Microsoft365Exception(Microsoft365FailureKind.Unavailable, Install.Operation, "Teams has not listed the installation yet: it is tried again later.");
        }

        // https://learn.microsoft.com/graph/api/userscopeteamsappinstallation-get-chat
        var chat = await GraphFailures.Run(Install,
            () => graph.Users[userObjectId].Teamwork.InstalledApps[installation].Chat.GetAsync(cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return new TeamsAppChat(chat?.Id ?? throw new Microsoft365Exception(Microsoft365FailureKind.Rejected, Install.Operation, "Graph answered without the chat id: try again later."), newlyInstalled);
    }

    // https://learn.microsoft.com/graph/api/userteamwork-list-installedapps, filtered by the manifest id.
    private async Task<string?> FindAsync(string user, string manifestId, CancellationToken cancellationToken)
    {
        var found = await GraphFailures.Run(Install, () => graph.Users[user].Teamwork.InstalledApps.GetAsync(r =>
        {
            r.QueryParameters.Expand = ["teamsApp"];
            r.QueryParameters.Filter = $"teamsApp/externalId eq '{manifestId.Replace("'", "''", StringComparison.Ordinal)}'";
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        return found?.Value?.FirstOrDefault()?.Id;
    }

    // https://learn.microsoft.com/graph/api/userteamwork-post-installedapps: 201 with no body; 409 when already installed.
    private async Task<bool> InstallAsync(string user, GraphOptions settings, string manifestId, CancellationToken cancellationToken)
    {
        var root = settings.BaseUrl.TrimEnd('/');
        var request = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{root}/appCatalogs/teamsApps/{settings.TeamsAppCatalogId ?? manifestId}" },
        };
        try
        {
            await GraphFailures.Run(Install, () => graph.Users[user].Teamwork.InstalledApps.PostAsync(request, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Microsoft365Exception e) when (e.InnerException is ODataError { ResponseStatusCode: 409 })
        {
            return false; // installed meanwhile (another instance, or the user)
        }
    }
}
