using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewBot.Outlook;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Outlook options and card forms.</summary>
internal static class OutlookServiceCollectionExtensions
{
    /// <summary>Adds <see cref="OutlookOptions"/> (validated at start-up) and <see cref="OutlookActionableMessages"/>.</summary>
    public static IServiceCollection AddOutlookOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutlookOptions>().Bind(configuration.GetSection(OutlookOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutlookOptions>, OutlookOptionsValidator>());
        services.TryAddSingleton<OutlookActionableMessages>();
        return services;
    }
}
