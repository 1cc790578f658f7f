using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewBot.Core.Effects;
using ReviewBot.Outlook;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Outlook options, card forms, and which cards are mailed.</summary>
internal static class OutlookServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="OutlookOptions"/> (validated at start-up), <see cref="OutlookActionableMessages"/>,
    /// and the <see cref="CardMailing"/> the workflow writes mail effects by:
    /// <see cref="OutlookActionableMessages.MailedPurposes"/> when Outlook is configured, none otherwise.
    /// </summary>
    public static IServiceCollection AddOutlookOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutlookOptions>().Bind(configuration.GetSection(OutlookOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutlookOptions>, OutlookOptionsValidator>());
        services.TryAddSingleton<OutlookActionableMessages>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<OutlookOptions>>().Value.IsEnabled
            ? new CardMailing(OutlookActionableMessages.MailedPurposes)
            : CardMailing.None);
        return services;
    }
}
