using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ReviewBot.Teams;

/// <summary>Registers the Teams protocol layer.</summary>
public static class TeamsProtocolServiceCollectionExtensions
{
    /// <summary>The name of the typed <see cref="HttpClient"/> of <see cref="ConnectorClient"/>.</summary>
    public const string ConnectorHttpClientName = "ReviewBot.Teams.Connector";

    /// <summary>
    /// Adds <see cref="BotOptions"/> (section <c>Bot</c>, validated at start-up), <see cref="IBotAuthenticator"/>,
    /// <see cref="IConnectorTokenProvider"/>, <see cref="IConnectorClient"/> (typed HttpClient) and
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered. The app registers
    /// its <see cref="IBot"/> and maps the endpoint with <see cref="BotEndpointRouteBuilderExtensions.MapBotMessages"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The app configuration (the <c>Bot</c> section is read from it).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTeamsProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotOptions>()
            .Bind(configuration.GetSection(BotOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        // Loopback hosts may receive the bot's token only in Development, whatever the configuration says.
        services.AddOptions<ConnectorClientOptions>()
            .Bind(configuration.GetSection(ConnectorClientOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) => options.AllowLoopback = environment.IsDevelopment());

        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotAuthenticator.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.TryAddSingleton<IBotAuthenticator, BotAuthenticator>();

        services.TryAddSingleton<IConnectorTokenProvider>(sp => new ConnectorTokenProvider(
            ConnectorTokenProvider.CreateCredential(sp.GetRequiredService<IOptions<BotOptions>>().Value),
            sp.GetRequiredService<TimeProvider>()));

        // The factory's default request logging writes full URLs, i.e. raw conversation ids; ConnectorClient logs
        // operations and status codes itself.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(ConnectorHttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
        }).RemoveAllLoggers();

        return services;
    }
}
