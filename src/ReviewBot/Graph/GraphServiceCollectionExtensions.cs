using Microsoft.Extensions.Options;
using ReviewBot.Ports;

namespace ReviewBot.Graph;

/// <summary>Registers the Graph client and the adapters behind the Core ports.</summary>
public static class GraphServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IPanelCalendar"/>, <see cref="IMailer"/> and <see cref="ITeamsAppInstaller"/> over one Graph client.</summary>
    public static IServiceCollection AddMicrosoftGraph(this IServiceCollection services)
    {
        services.AddSingleton(sp => GraphClients.Create(sp.GetRequiredService<IOptions<GraphOptions>>().Value, telemetry: sp.GetService<Telemetry.ReviewBotTelemetry>()));
        services.AddSingleton<IPanelCalendar, GraphPanelCalendar>();
        services.AddSingleton<IMailer, GraphMailer>();
        services.AddSingleton<ITeamsAppInstaller, GraphTeamsAppInstaller>();
        return services;
    }
}
