namespace ReviewBot.Bot.Meetings;

/// <summary>Registers the panel meeting effects and the response sweep.</summary>
public static class MeetingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="MeetingEffectRunner"/>, <see cref="MeetingResponseSweep"/> and <see cref="MeetingOptions"/>.</summary>
    public static IServiceCollection AddPanelMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeetingOptions>().Bind(configuration.GetSection(MeetingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MeetingEffectRunner>();
        services.AddSingleton<MeetingResponseSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<MeetingResponseSweep>());
        return services;
    }
}
