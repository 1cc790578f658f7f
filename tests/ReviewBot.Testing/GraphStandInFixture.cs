using System.Net.Http.Json;
using ReviewBot.GraphStandIn;
using Xunit;
using AspNetApp = Microsoft.AspNetCore.Builder.WebApplication;

namespace ReviewBot.Testing;

/// <summary>
/// The local Graph stand-in (src/ReviewBot.GraphStandIn) on a free loopback port, in this process, with the
/// demo board's people as its users. <see cref="Admin"/> drives its test controls (calendars, responses, faults).
/// </summary>
public sealed class GraphStandInFixture : IAsyncLifetime
{
    private readonly string boardFile;
    private AspNetApp? app;

    /// <summary>The stand-in with the demo board's people.</summary>
    public GraphStandInFixture()
        : this(DemoBoardFile)
    {
    }

    private GraphStandInFixture(string boardFile) => this.boardFile = boardFile;

    /// <summary>The stand-in with the people and mailbox of <paramref name="boardFile"/> (xUnit fixtures keep one public constructor).</summary>
    public static GraphStandInFixture For(string boardFile) => new(boardFile);

    /// <summary>Board files whose people the stand-in knows besides the demo board's (one public constructor: xUnit fixtures need that).</summary>
    public IReadOnlyList<string> ExtraBoardFiles { get; init; } = [];

    /// <summary>The demo board file the users come from.</summary>
    public static string DemoBoardFile => Path.Combine(RepositoryPaths.Root, "src", "ReviewBot", "Storage", "demo-board.json");

    /// <summary>The stand-in's root, e.g. http://127.0.0.1:PORT/.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The value for Graph:BaseUrl.</summary>
    public string GraphBaseUrl => new Uri(Root, "v1.0").ToString();

    /// <summary>A client for the admin endpoints and the page.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        app = GraphStandInApp.Create(["--urls", $"http://127.0.0.1:{port}"], o =>
        {
            foreach (var file in (string[])[boardFile, .. ExtraBoardFiles])
            {
                o.BoardFiles.Add(file);
            }
        });
        await app.StartAsync();
        Root = new Uri($"http://127.0.0.1:{port}/");
        Admin = new HttpClient { BaseAddress = Root };
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Forgets events, mails, installations, faults and recorded calls; calendars back to the seed.</summary>
    public async Task ResetAsync() => (await Admin.PostAsync("admin/reset", null)).EnsureSuccessStatusCode();

    /// <summary>Injects a fault (see <see cref="Fault"/>).</summary>
    public async Task InjectAsync(Fault fault) => (await Admin.PostAsJsonAsync("admin/faults", fault)).EnsureSuccessStatusCode();

    /// <summary>Sets a mailbox's busy times and, optionally, working hours.</summary>
    public async Task SetCalendarAsync(string mailbox, CalendarSetup setup)
        => (await Admin.PutAsJsonAsync($"admin/users/{Uri.EscapeDataString(mailbox)}/calendar", setup)).EnsureSuccessStatusCode();

    /// <summary>Records an attendee's response (accepted, declined, tentativelyAccepted).</summary>
    public async Task RespondAsync(string eventId, string attendee, string response)
        => (await Admin.PostAsJsonAsync($"admin/events/{Uri.EscapeDataString(eventId)}/responses", new AdminEndpoints.ResponseChange(attendee, response))).EnsureSuccessStatusCode();

    /// <summary>Refuses (or allows) installing the app for a user.</summary>
    public async Task RefuseInstallAsync(string user, bool refused = true)
        => (await Admin.PutAsJsonAsync($"admin/users/{Uri.EscapeDataString(user)}/teams-installation", new AdminEndpoints.InstallPolicy(refused))).EnsureSuccessStatusCode();

    /// <summary>The Graph calls received so far.</summary>
    public async Task<List<RecordedRequest>> RequestsAsync() => await Admin.GetFromJsonAsync<List<RecordedRequest>>("admin/requests", GraphJson.Options) ?? [];

    /// <summary>The mails sent so far.</summary>
    public async Task<List<SentMail>> MailsAsync() => await Admin.GetFromJsonAsync<List<SentMail>>("admin/mails", GraphJson.Options) ?? [];

    /// <summary>Every event held (times in UTC).</summary>
    public async Task<List<GraphEvent>> EventsAsync() => await Admin.GetFromJsonAsync<List<GraphEvent>>("admin/events", GraphJson.Options) ?? [];
}
