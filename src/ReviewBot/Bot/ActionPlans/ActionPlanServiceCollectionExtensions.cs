using ReviewBot.Bot.Export;

namespace ReviewBot.Bot.ActionPlans;

/// <summary>Registers the action plan, learning and the chronology export.</summary>
public static class ActionPlanServiceCollectionExtensions
{
    /// <summary>Adds the action plan's chat command, effect runner (the sweep chases through Bot/Imr's ImrChaser), and the export's links and chat command.</summary>
    public static IServiceCollection AddActionPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ActionPlanChat>();
        services.AddScoped<ActionPlanEffectRunner>();
        services.AddChronologyExport(configuration);
        return services;
    }
}
