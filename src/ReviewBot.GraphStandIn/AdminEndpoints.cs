namespace ReviewBot.GraphStandIn;

/// <summary>Test controls under <c>/admin</c>: calendars, attendee responses, faults, what was received.</summary>
public static class AdminEndpoints
{
    /// <summary>An attendee's response set by a test (as if they pressed Accept, Decline or Tentative).</summary>
    /// <param name="Attendee">Their address.</param>
    /// <param name="Response">accepted, declined or tentativelyAccepted.</param>
    public sealed record ResponseChange(string Attendee, string Response);

    /// <summary>Refuse or allow app installation for a user.</summary>
    /// <param name="Refused">True to refuse.</param>
    public sealed record InstallPolicy(bool Refused);

    /// <summary>Maps the admin endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app, StandInState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = app.MapGroup("/admin");

        admin.MapPost("/reset", () => { state.Reset(); return Results.NoContent(); });

        admin.MapPut("/users/{id}/calendar", async (string id, HttpContext http) =>
        {
            var setup = await GraphJson.ReadAsync<CalendarSetup>(http.Request).ConfigureAwait(false);
            if (setup is null)
            {
                return GraphJson.BadBody(http);
            }

            lock (state.Gate)
            {
                state.SetCalendar(id, setup);
            }

            return Results.NoContent();
        });

        admin.MapPost("/events/{eventId}/responses", async (string eventId, HttpContext http) =>
        {
            var change = await GraphJson.ReadAsync<ResponseChange>(http.Request).ConfigureAwait(false);
            if (change is not { Response: "accepted" or "declined" or "tentativelyAccepted" })
            {
                return GraphJson.Error(http, 400, "BadRequest", "Give attendee and response: accepted, declined or tentativelyAccepted.");
            }

            lock (state.Gate)
            {
                var attendee = state.Events.FirstOrDefault(e => e.Event.Id == eventId)?.Event.Attendees?
                    .FirstOrDefault(a => string.Equals(a.EmailAddress?.Address, change.Attendee, StringComparison.OrdinalIgnoreCase));
                if (attendee is null)
                {
                    return GraphJson.Error(http, 404, "ErrorItemNotFound", "No such event or attendee.");
                }

                attendee.Status = new ResponseStatus { Response = change.Response, Time = DateTimeOffset.UtcNow };
                return Results.NoContent();
            }
        });

        admin.MapPut("/users/{id}/teams-installation", async (string id, HttpContext http) =>
        {
            var policy = await GraphJson.ReadAsync<InstallPolicy>(http.Request).ConfigureAwait(false);
            lock (state.Gate)
            {
                state.SetInstallRefused(id, policy?.Refused ?? true);
            }

            return Results.NoContent();
        });

        admin.MapPost("/faults", async (HttpContext http) =>
        {
            var fault = await GraphJson.ReadAsync<Fault>(http.Request).ConfigureAwait(false);
            if (fault is null || (fault.Status is null && fault.DelayMs is null))
            {
                return GraphJson.Error(http, 400, "BadRequest", "A fault needs a status (429, 503, 403, 404...) and/or delayMs.");
            }

            lock (state.Gate)
            {
                state.Faults.Add(fault);
            }

            return Results.NoContent();
        });

        admin.MapDelete("/faults", () => { lock (state.Gate) { state.Faults.Clear(); } return Results.NoContent(); });

        admin.MapGet("/events", () => { lock (state.Gate) { return GraphJson.Reply(state.Events.Select(e => StandInState.Project(e, TimeZoneInfo.Utc)).ToList()); } });
        admin.MapGet("/mails", () => { lock (state.Gate) { return GraphJson.Reply(state.Mails.ToList()); } });
        admin.MapGet("/requests", () => { lock (state.Gate) { return GraphJson.Reply(state.Requests.ToList()); } });
    }
}
