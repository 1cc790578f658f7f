using ReviewBot.Bot;
using ReviewBot.Bot.ActionPlans;
using ReviewBot.Bot.Export;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Imr;
using ReviewBot.Bot.Meetings;
using ReviewBot.Bot.Messaging;
using ReviewBot.Bot.Referrals;
using ReviewBot.Bot.Reminders;
using ReviewBot.Bot.Review;
using ReviewBot.Bot.Routing;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;
using ReviewBot.Graph;
using Microsoft.Extensions.Options;
using ReviewBot.Storage;
using ReviewBot.Sweeps;
using ReviewBot.Teams;

namespace ReviewBot.Hosting;

/// <summary>Wires ReviewBot into an ASP.NET Core app: Program.cs is two calls.</summary>
public static class ReviewBotHost
{
    /// <summary>Registers the protocol layer, storage, cards, the workflow and the bot's handlers.</summary>
    public static WebApplicationBuilder AddReviewBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(DevelopmentClock.For(builder.Environment, configuration));
        services.AddTeamsProtocol(configuration);
        services.AddTableStorage(configuration);
        services.AddCardRendering();
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddMicrosoftGraph();
        services.AddOptions<SweepOptions>().Bind(configuration.GetSection(SweepOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EffectOptions>().Bind(configuration.GetSection(EffectOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(WorkingDayCalendar.EnglandAndWales);
        services.AddSingleton<ReferralConversation>();
        services.AddSingleton<ReferralIntake>();
        services.AddSingleton<CaseWorkflow>();

        services.AddSingleton<EffectDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EffectDispatcher>());
        services.AddSingleton<DeadlineSweepService>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweepService>());
        services.AddSingleton<DraftSweepService>();
        services.AddHostedService(sp => sp.GetRequiredService<DraftSweepService>());
        services.AddPanelMeetings(configuration);

        // Per turn (and per effect run): these hold the connector's typed HttpClient.
        services.AddScoped<TeamsMessenger>();
        services.AddScoped<EffectRunner>();
        services.AddSingleton<OutlookCardMailer>();
        services.AddScoped<CaseStatusReplies>();
        services.AddScoped<PrivateReplies>();
        services.AddSingleton<Core.Cases.PersonalTasks>();
        services.AddScoped<ChatCommands>();
        services.AddBotRoutes(); // every handler Bot/Routing/BotRoutes names
        services.AddImrChasing(configuration);
        services.AddReviewStages();
        services.AddActionPlans(configuration);
        services.AddScoped<IBot, ReviewBotActivityHandler>();
        services.AddReviewBotTelemetryAndOutlook(configuration); // after IBot: it wraps the bot
        return builder;
    }

    /// <summary>Maps the messaging endpoint and the health endpoints.</summary>
    public static WebApplication MapReviewBot(this WebApplication app)
    {
        app.MapBotMessages("/api/messages");
        app.MapChronologyExport();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapStorageRequestCount(); // make bench only (Development + Diagnostics:BenchEndpoints)
        return app;
    }
}
