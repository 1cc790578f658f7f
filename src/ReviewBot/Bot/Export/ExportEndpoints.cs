using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewBot.Ports;

namespace ReviewBot.Bot.Export;

/// <summary>
/// Serves an export link: the token is checked (made here, unaltered, unexpired), then the person's role on the case
/// is checked again against the case as it stands, so a role taken away stops the link at once. Files are sent with
/// <c>no-store</c>, and the HTML document under a policy that runs no script.
/// </summary>
public static partial class ExportEndpoints
{
    /// <summary>Registers the export's options, links, exporter and chat command.</summary>
    public static IServiceCollection AddChronologyExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section));
        services.AddDataProtection();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<ExportLinks>();
        services.AddScoped<ChronologyExporter>();
        services.AddScoped<ExportChat>();
        return services;
    }

    /// <summary>Maps <c>GET /exports/{token}</c>.</summary>
    public static IEndpointRouteBuilder MapChronologyExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportChat.DownloadPath + "/{token}", DownloadAsync);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string token, HttpContext context, ExportLinks links, ChronologyExporter exporter, IBoardDirectory boards, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var grant = links.Read(token, out var expired);
        if (grant is null)
        {
            return expired
                ? Results.Text("This link has expired. Type \"export\" and the case reference in your chat with ReviewBot for new links.", statusCode: StatusCodes.Status410Gone)
                : Results.NotFound();
        }

        var logger = loggers.CreateLogger(typeof(ExportEndpoints).FullName!);
        var board = await boards.GetAsync(grant.BoardId, cancellationToken);
        var (access, found) = board is null ? (ExportAccess.Unknown, null) : await exporter.CheckAsync(board, grant.Case, grant.ViewerObjectId, cancellationToken);
        if (access != ExportAccess.Permitted || found is null)
        {
            LogRefused(logger, grant.Case.Value);
            return Results.Text("You no longer hold a role that may export this case.", statusCode: StatusCodes.Status403Forbidden);
        }

        var (name, type, content) = await exporter.BuildAsync(board!, found, grant.ViewerObjectId, grant.Format, cancellationToken);
        LogExported(logger, grant.Case.Value, grant.Format);
        if (grant.Format == ExportFormat.Document)
        {
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            return Results.Bytes(content, type);
        }

        return Results.File(content, type, name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chronology export {Format} of {CaseReference} downloaded")]
    private static partial void LogExported(ILogger logger, string caseReference, ExportFormat format);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chronology export of {CaseReference} refused: the link's holder no longer has a role that may export")]
    private static partial void LogRefused(ILogger logger, string caseReference);
}
