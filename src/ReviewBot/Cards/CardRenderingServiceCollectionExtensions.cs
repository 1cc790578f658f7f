using Microsoft.Extensions.Options;
using ReviewBot.Cards;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers card rendering.</summary>
public static class CardRenderingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ICardRenderer"/> (singleton) with options from the <c>Cards</c> section; at start-up,
    /// checks that every card in <see cref="CardNames.All"/> exists and parses.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Optional changes to the options (tests point at another folder).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCardRendering(this IServiceCollection services, Action<CardRenderingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CardRenderingOptions>().BindConfiguration(CardRenderingOptions.Section);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<CardRenderingOptions>, CardTemplatesValidator>();
        services.AddSingleton<CardRenderer>();
        services.AddSingleton<ICardRenderer>(sp => sp.GetRequiredService<CardRenderer>());
        return services;
    }

    /// <summary>Fails start-up with a clear message when a template is missing or broken.</summary>
    private sealed class CardTemplatesValidator : IValidateOptions<CardRenderingOptions>
    {
        public ValidateOptionsResult Validate(string? name, CardRenderingOptions options)
        {
            if (!Directory.Exists(options.Folder))
            {
                return ValidateOptionsResult.Fail($"Cards:Folder '{options.Folder}' does not exist; the host copies cards/*.json there on build.");
            }

            var renderer = new CardRenderer(Microsoft.Extensions.Options.Options.Create(options));
            var failures = new List<string>();
            foreach (var card in CardNames.All)
            {
                try
                {
                    renderer.Template(card);
                }
                catch (CardTemplateException e)
                {
                    failures.Add(e.Message);
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
