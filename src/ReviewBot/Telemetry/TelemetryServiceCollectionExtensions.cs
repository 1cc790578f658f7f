using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ReviewBot.Telemetry;
using ReviewBot.Outlook;
using ReviewBot.Teams;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what an Azure deployment adds: OpenTelemetry (exported to Application Insights when configured) and the Outlook options.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The setting App Service gets from infra/ (Application Insights); empty = no export.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Adds <see cref="ReviewBotTelemetry"/>, wraps the registered <see cref="IBot"/> so every turn is traced
    /// and counted, sets up OpenTelemetry tracing and metrics for ReviewBot's source and meter (plus ASP.NET
    /// Core and HttpClient), exports to Application Insights when <see cref="ConnectionStringSetting"/> is
    /// set, and adds <see cref="OutlookOptions"/>. Call it once, after the bot is registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The app's configuration.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IBot"/> is registered yet.</exception>
    public static IServiceCollection AddReviewBotTelemetryAndOutlook(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.TryAddSingleton<ReviewBotTelemetry>();
        DecorateBot(services);
        services.AddOutlookOptions(configuration);

        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ReviewBot"))
            .WithTracing(tracing => tracing.AddSource(ReviewBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(ReviewBotTelemetry.Name).AddAspNetCoreInstrumentation());
        // Outgoing URLs carry conversation ids and Graph user addresses: keep only the host.
        services.Configure<HttpClientTraceInstrumentationOptions>(options =>
            options.EnrichWithHttpRequestMessage = (span, request) =>
            {
                if (request.RequestUri is { } uri)
                {
                    span.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/");
                }
            });
        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            openTelemetry.UseAzureMonitor(options => options.ConnectionString = connectionString);
        }

        return services;
    }

    private static void DecorateBot(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IBot))
            ?? throw new InvalidOperationException("AddReviewBotTelemetryAndOutlook wraps the bot: register IBot first.");
        services.Remove(registered);
        services.Add(new ServiceDescriptor(
            typeof(IBot),
            sp => new TelemetryBot(Inner(sp, registered), sp.GetRequiredService<ReviewBotTelemetry>()),
            registered.Lifetime));
    }

    private static IBot Inner(IServiceProvider services, ServiceDescriptor registered) =>
        registered.ImplementationInstance as IBot
        ?? registered.ImplementationFactory?.Invoke(services) as IBot
        ?? (IBot)ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);
}
