using ReviewBot.Testing;

namespace ReviewBot.Graph.Tests;

[CollectionDefinition(Name)]
public sealed class StandInGroup : ICollectionFixture<GraphStandInFixture>
{
    public const string Name = "Graph stand-in";
}

/// <summary>The real adapters over the real SDK, pointed at a freshly reset stand-in.</summary>
[Collection(StandInGroup.Name)]
public abstract class StandInTest(GraphStandInFixture standIn) : IAsyncLifetime
{
    public const string BoardMailbox = "safeguarding-board@example.org";
    public const string Alex = "alexw@example.com";
    public const string Megan = "meganb@example.com";
    public const string Adele = "adelev@example.com";
    public const string MeganId = "00000000-0000-0000-0000-0000000000021";
    public const string TeamsAppId = "5f1a3c2e-0000-4000-8000-00000000b0d1";

    protected GraphStandInFixture StandIn { get; } = standIn;

    protected GraphOptions Options => new() { BaseUrl = StandIn.GraphBaseUrl, TeamsAppId = TeamsAppId };

    protected GraphPanelCalendar Calendar => new(GraphClients.Create(Options));

    protected GraphMailer Mailer => new(GraphClients.Create(Options));

    protected GraphTeamsAppInstaller Installer => new(GraphClients.Create(Options), Microsoft.Extensions.Options.Options.Create(Options));

    public Task InitializeAsync() => StandIn.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected static DateTimeOffset London(string time)
    {
        var local = DateTime.ParseExact(time, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/London").GetUtcOffset(local));
    }
}
