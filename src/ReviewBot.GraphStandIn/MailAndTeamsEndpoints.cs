using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReviewBot.GraphStandIn;

/// <summary>sendMail and the user's Teams app installations.</summary>
public static partial class MailAndTeamsEndpoints
{
    /// <summary>Maps the endpoints under <c>/v1.0/users/{id}</c>.</summary>
    public static void Map(IEndpointRouteBuilder app, StandInState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        var user = app.MapGroup("/v1.0/users/{id}");

        // https://learn.microsoft.com/graph/api/user-sendmail : 202, no body. Keys arrive PascalCase.
        user.MapPost("/sendMail", async (string id, HttpContext http) =>
        {
            var body = await GraphJson.ReadAsync<SendMailRequest>(http.Request).ConfigureAwait(false);
            if (body?.Message is not { } message || message.ToRecipients is not { Count: > 0 })
            {
                return GraphJson.Error(http, 400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
            }

            lock (state.Gate)
            {
                if (state.FindUser(id) is not { } from)
                {
                    return CalendarEndpoints.UnknownUser(http);
                }

                var to = message.ToRecipients.Concat(message.CcRecipients ?? []).Select(r => r.EmailAddress?.Address ?? "").ToList();
                var attachments = (message.Attachments ?? []).Select(a => a.Name ?? "attachment").ToList();
                state.Mails.Add(new SentMail(from.Mail, to, message.Subject ?? "", message.Body?.Content ?? "", attachments, body.SaveToSentItems, DateTimeOffset.UtcNow));
                return Results.StatusCode(202);
            }
        });

        // https://learn.microsoft.com/graph/api/userteamwork-list-installedapps : ?$expand=teamsApp&$filter=teamsApp/externalId eq '{id}'
        user.MapGet("/teamwork/installedApps", (string id, HttpContext http) =>
        {
            var externalId = ExternalIdFilter().Match(Uri.UnescapeDataString(http.Request.QueryString.Value ?? "")) is { Success: true } m ? m.Groups[1].Value : null;
            lock (state.Gate)
            {
                if (state.FindUser(id) is not { } target)
                {
                    return CalendarEndpoints.UnknownUser(http);
                }

                var apps = state.InstalledFor(target).Where(a => externalId is null || a.CatalogId == externalId);
                return GraphJson.Reply(new { value = apps.Select(a => new { id = a.Id, teamsApp = new { id = a.CatalogId, externalId = a.CatalogId, displayName = "ReviewBot" } }).ToList() });
            }
        });

        // https://learn.microsoft.com/graph/api/userteamwork-post-installedapps : 201, no body; 409 Conflict when installed.
        user.MapPost("/teamwork/installedApps", async (string id, HttpContext http) =>
        {
            var body = await GraphJson.ReadAsync<InstallAppRequest>(http.Request).ConfigureAwait(false);
            var catalogId = body?.TeamsAppBind?.Split("/teamsApps/", 2) is [_, var tail] ? tail.Trim('/') : null;
            if (string.IsNullOrEmpty(catalogId))
            {
                return GraphJson.Error(http, 400, "BadRequest", "teamsApp@odata.bind must name https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}.");
            }

            lock (state.Gate)
            {
                if (state.FindUser(id) is not { } target)
                {
                    return CalendarEndpoints.UnknownUser(http);
                }

                if (state.InstallRefused(target))
                {
                    return GraphJson.Error(http, 403, "Forbidden", "The app is blocked by the tenant's app permission policy for this user.");
                }

                var apps = state.InstalledFor(target);
                if (apps.Any(a => a.CatalogId == catalogId))
                {
                    return GraphJson.Error(http, 409, "Conflict", "App is already installed.");
                }

                apps.Add(new InstalledApp(Guid.NewGuid().ToString("N"), catalogId, $"19:{target.Id}_{catalogId}@unq.gbl.spaces"));
                return Results.StatusCode(201);
            }
        });

        // https://learn.microsoft.com/graph/api/userscopeteamsappinstallation-get-chat : 200 {"id":"19:...@unq.gbl.spaces"}
        user.MapGet("/teamwork/installedApps/{installationId}/chat", (string id, string installationId, HttpContext http) =>
        {
            lock (state.Gate)
            {
                if (state.FindUser(id) is not { } target)
                {
                    return CalendarEndpoints.UnknownUser(http);
                }

                var installation = state.InstalledFor(target).FirstOrDefault(a => a.Id == Uri.UnescapeDataString(installationId));
                return installation is null
                    ? GraphJson.Error(http, 404, "NotFound", "The installation was not found.")
                    : GraphJson.Reply(new JsonObject { ["id"] = installation.ChatId, ["chatType"] = "oneOnOne" });
            }
        });
    }

    [GeneratedRegex(@"externalId\s+eq\s+'([^']*)'", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalIdFilter();
}
