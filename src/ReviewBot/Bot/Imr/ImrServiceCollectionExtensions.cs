namespace ReviewBot.Bot.Imr;

/// <summary>Registers IMR commissioning and chasing.</summary>
public static class ImrServiceCollectionExtensions
{
    /// <summary>Adds the IMR card verbs, the chat submission, the effect runner, the sweep's chaser and the IMR tasks in <c>my tasks</c>.</summary>
    public static IServiceCollection AddImrChasing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImrOptions>().Bind(configuration.GetSection(ImrOptions.Section));
        services.AddScoped<ImrActions>();
        services.AddScoped<ImrChat>();
        services.AddScoped<ImrEffectRunner>();
        services.AddScoped<ImrChaser>();
        services.AddSingleton<Core.Cases.IPersonalTaskSource, Core.Imr.ImrPersonalTasks>();
        return services;
    }
}
