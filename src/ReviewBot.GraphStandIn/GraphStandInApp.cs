using System.Text.Json;
using AspNetApp = Microsoft.AspNetCore.Builder.WebApplication;

namespace ReviewBot.GraphStandIn;

/// <summary>Settings (section <c>StandIn</c>).</summary>
public sealed class StandInOptions
{
    /// <summary>Board configuration files (the shape of src/ReviewBot/Storage/demo-board.json): their people and board mailbox are the tenant's users.</summary>
    public IList<string> BoardFiles { get; init; } = [];

    /// <summary>Optional JSON file: <c>{"mailbox": {"busy":[{"start","end","status"}], "workingHours":{...}}}</c>.</summary>
    public string? CalendarFile { get; set; }
}

/// <summary>Builds the stand-in: users from board files, Graph endpoints, admin controls and the page.</summary>
public static class GraphStandInApp
{
    /// <summary>Creates the app from command-line arguments (e.g. <c>--urls</c>, <c>--StandIn:BoardFiles:0</c>).</summary>
    public static AspNetApp Create(string[] args, Action<StandInOptions>? configure = null)
    {
        var builder = AspNetApp.CreateBuilder(args);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var options = builder.Configuration.GetSection("StandIn").Get<StandInOptions>() ?? new StandInOptions();
        configure?.Invoke(options);
        var (users, timeZone) = BoardUsers.Read(options.BoardFiles);
        var seed = options.CalendarFile is null
            ? new Dictionary<string, CalendarSetup>()
            : JsonSerializer.Deserialize<Dictionary<string, CalendarSetup>>(File.ReadAllText(options.CalendarFile), GraphJson.Options) ?? [];
        var state = new StandInState(users, seed, timeZone);
        builder.Services.AddSingleton(state);

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                await GraphJson.Error(context, 500, "InternalServerError", "The stand-in failed; see its log.").ExecuteAsync(context).ConfigureAwait(false);
            }
        });
        app.UseMiddleware<FaultMiddleware>();
        CalendarEndpoints.Map(app, state);
        MailAndTeamsEndpoints.Map(app, state);
        AdminEndpoints.Map(app, state);
        MailboxPage.Map(app, state);
        app.MapFallback((HttpContext http) => GraphJson.Error(http, 400, "BadRequest", "Resource not found for the segment (the stand-in implements only what ReviewBot calls)."));
        return app;
    }
}

/// <summary>Reads the tenant's users from board configuration files.</summary>
public static class BoardUsers
{
    private sealed record Board(string? BoardMailbox, string? Name, HoursJson? WorkingHours, List<Person>? People);

    private sealed record HoursJson(string? TimeZoneId);

    private sealed record Person(string ObjectId, string? DisplayName, string? Email);

    /// <summary>The users (people with an address, and each board mailbox) and the first board's Windows time zone name.</summary>
    public static (List<StandInUser> Users, string TimeZone) Read(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var users = new List<StandInUser>();
        var zone = "Europe/London";
        foreach (var file in files)
        {
            var board = JsonSerializer.Deserialize<Board>(File.ReadAllText(file), GraphJson.Options)
                ?? throw new InvalidDataException($"Board file {file} is empty.");
            zone = board.WorkingHours?.TimeZoneId ?? zone;
            if (board.BoardMailbox is { } mailbox)
            {
                users.Add(new StandInUser(mailbox, mailbox, board.Name ?? "Board mailbox"));
            }

            users.AddRange((board.People ?? []).Where(p => p.Email is not null).Select(p => new StandInUser(p.ObjectId, p.Email!, p.DisplayName ?? p.Email!)));
        }

        return (users, TimeZoneInfo.TryConvertIanaIdToWindowsId(zone, out var windows) ? windows : zone);
    }
}
