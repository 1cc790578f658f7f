using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewBot.GraphStandIn;

/// <summary>Free/busy and events, in the shapes of the Graph v1.0 pages cited on each endpoint.</summary>
public static class CalendarEndpoints
{
    /// <summary>Maps the calendar endpoints under <c>/v1.0/users/{id}</c>.</summary>
    public static void Map(IEndpointRouteBuilder app, StandInState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        var user = app.MapGroup("/v1.0/users/{id}");

        // https://learn.microsoft.com/graph/api/calendar-getschedule : 200 {"value":[scheduleInformation]}
        user.MapPost("/calendar/getSchedule", async (string id, HttpContext http) =>
        {
            var request = await GraphJson.ReadAsync<GetScheduleRequest>(http.Request).ConfigureAwait(false);
            var (start, end) = (GraphTime.ToInstant(request?.StartTime), GraphTime.ToInstant(request?.EndTime));
            if (request?.Schedules is not { Count: > 0 } || start is null || end is null || end <= start)
            {
                return GraphJson.Error(http, 400, "ErrorInvalidRequest", "Schedules, StartTime and EndTime are required; EndTime must be after StartTime.");
            }

            lock (state.Gate)
            {
                return state.FindUser(id) is null
                    ? UnknownUser(http)
                    : GraphJson.Reply(new { value = request.Schedules.Select(s => Schedule(state, s, start.Value, end.Value, request.AvailabilityViewInterval ?? 30, GraphTime.PreferredZone(http.Request))).ToList() });
            }
        });

        // https://learn.microsoft.com/graph/api/user-post-events : 201 with the event; transactionId makes a retry return the first event.
        user.MapPost("/events", async (string id, HttpContext http) =>
        {
            var body = await GraphJson.ReadAsync<GraphEvent>(http.Request).ConfigureAwait(false);
            var (start, end) = (GraphTime.ToInstant(body?.Start), GraphTime.ToInstant(body?.End));
            if (body is null || start is null || end is null || end <= start)
            {
                return GraphJson.Error(http, 400, "ErrorInvalidRequest", "The event needs a start and an end (dateTime and a known timeZone), the end after the start.");
            }

            lock (state.Gate)
            {
                if (state.FindUser(id) is not { } organizer)
                {
                    return UnknownUser(http);
                }

                var stored = body.TransactionId is null ? null : state.Events.FirstOrDefault(e => e.Organizer == organizer && e.Event.TransactionId == body.TransactionId);
                stored ??= Create(state, organizer, body, start.Value, end.Value);
                return GraphJson.Reply(StandInState.Project(stored, GraphTime.PreferredZone(http.Request)), 201);
            }
        });

        // https://learn.microsoft.com/graph/api/event-get : 200 with attendees' responses.
        user.MapGet("/events/{eventId}", (string id, string eventId, HttpContext http) =>
        {
            lock (state.Gate)
            {
                return Find(state, id, eventId) is { } stored
                    ? GraphJson.Reply(StandInState.Project(stored, GraphTime.PreferredZone(http.Request)))
                    : NotFound(http);
            }
        });

        // https://learn.microsoft.com/graph/api/event-update : 200 with the updated event (attendees get an update).
        user.MapPatch("/events/{eventId}", async (string id, string eventId, HttpContext http) =>
        {
            var change = await GraphJson.ReadAsync<GraphEvent>(http.Request).ConfigureAwait(false);
            if (change is null)
            {
                return GraphJson.BadBody(http);
            }

            lock (state.Gate)
            {
                if (Find(state, id, eventId) is not { } stored)
                {
                    return NotFound(http);
                }

                var error = Apply(stored, change);
                return error is null
                    ? GraphJson.Reply(StandInState.Project(stored, GraphTime.PreferredZone(http.Request)))
                    : GraphJson.Error(http, 400, "ErrorInvalidRequest", error);
            }
        });

        // https://learn.microsoft.com/graph/api/event-cancel : 202, no body; only the organiser may cancel.
        user.MapPost("/events/{eventId}/cancel", async (string id, string eventId, HttpContext http) =>
        {
            var body = await GraphJson.ReadAsync<CancelRequest>(http.Request).ConfigureAwait(false);
            lock (state.Gate)
            {
                if (Find(state, id, eventId) is not { } stored)
                {
                    return NotFound(http);
                }

                stored.Event.IsCancelled = true;
                stored.CancelComment = body?.Comment;
                Touch(stored);
                return Results.StatusCode(202);
            }
        });
    }

    /// <summary>404 for a user the tenant does not have (Graph names them; ReviewBot must not repeat it).</summary>
    public static IResult UnknownUser(HttpContext http)
        => GraphJson.Error(http, 404, "ErrorInvalidUser", $"The requested user '{Uri.UnescapeDataString(http.Request.Path.Value?.Split('/')[3] ?? "")}' is invalid.");

    private static IResult NotFound(HttpContext http)
        => GraphJson.Error(http, 404, "ErrorItemNotFound", "The specified object was not found in the store.");

    private static StoredEvent? Find(StandInState state, string id, string eventId)
        => state.FindUser(id) is { } user ? state.Events.FirstOrDefault(e => e.Event.Id == eventId && StandInState.Involves(e, user.Mail)) : null;

    private static StoredEvent Create(StandInState state, StandInUser organizer, GraphEvent body, DateTimeOffset start, DateTimeOffset end)
    {
        var now = DateTimeOffset.UtcNow;
        body.Id = "AAMkAD" + Guid.NewGuid().ToString("N");
        body.ICalUId = "040000008200E00074C5B7101A82E008" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        body.Organizer = new Recipient { EmailAddress = new EmailAddress { Address = organizer.Mail, Name = organizer.DisplayName } };
        body.IsCancelled = false;
        body.CreatedDateTime = body.LastModifiedDateTime = now;
        foreach (var attendee in body.Attendees ?? [])
        {
            attendee.Type ??= "required";
            attendee.Status = new ResponseStatus { Response = "none", Time = DateTimeOffset.MinValue };
        }

        if (body.IsOnlineMeeting == true && string.Equals(body.OnlineMeetingProvider, "teamsForBusiness", StringComparison.OrdinalIgnoreCase))
        {
            body.OnlineMeeting = new OnlineMeetingInfo { JoinUrl = $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{Guid.NewGuid():N}%40thread.v2/0" };
        }

        var stored = new StoredEvent { Organizer = organizer, Event = body, Start = start, End = end };
        state.Events.Add(stored);
        return stored;
    }

    // PATCH: only what the body names changes; a new attendee list keeps known attendees' responses.
    private static string? Apply(StoredEvent stored, GraphEvent change)
    {
        if (change.Start is not null || change.End is not null)
        {
            var start = change.Start is null ? stored.Start : GraphTime.ToInstant(change.Start);
            var end = change.End is null ? stored.End : GraphTime.ToInstant(change.End);
            if (start is null || end is null || end <= start)
            {
                return "The new start and end must be readable, the end after the start.";
            }

            (stored.Start, stored.End) = (start.Value, end.Value);
        }

        stored.Event.Subject = change.Subject ?? stored.Event.Subject;
        stored.Event.Body = change.Body ?? stored.Event.Body;
        if (change.Attendees is not null)
        {
            foreach (var attendee in change.Attendees)
            {
                var known = stored.Event.Attendees?.FirstOrDefault(a => string.Equals(a.EmailAddress?.Address, attendee.EmailAddress?.Address, StringComparison.OrdinalIgnoreCase));
                attendee.Type ??= "required";
                attendee.Status = known?.Status ?? new ResponseStatus { Response = "none", Time = DateTimeOffset.MinValue };
            }

            stored.Event.Attendees = change.Attendees;
        }

        Touch(stored);
        return null;
    }

    private static void Touch(StoredEvent stored)
    {
        stored.Sequence++;
        stored.Event.LastModifiedDateTime = DateTimeOffset.UtcNow;
    }

    private static JsonObject Schedule(StandInState state, string schedule, DateTimeOffset start, DateTimeOffset end, int intervalMinutes, TimeZoneInfo zone)
    {
        if (state.FindUser(schedule) is not { } user)
        {
            // getSchedule answers 200 and reports an unknown mailbox in the item's error.
            return new JsonObject
            {
                ["scheduleId"] = schedule,
                ["availabilityView"] = "",
                ["error"] = new JsonObject { ["message"] = "The mailbox could not be found.", ["responseCode"] = "ErrorMailRecipientNotFound" },
                ["scheduleItems"] = new JsonArray(),
            };
        }

        var busy = state.BusyTimes(user.Mail).Where(b => b.Start < end && b.End > start).ToList();
        var hours = state.HoursOf(user.Mail);
        return new JsonObject
        {
            ["scheduleId"] = schedule,
            ["availabilityView"] = AvailabilityView(busy, start, end, Math.Max(5, intervalMinutes)),
            ["scheduleItems"] = new JsonArray([.. busy.Select(b => (JsonNode)new JsonObject
            {
                ["isPrivate"] = false,
                ["status"] = b.Status,
                ["start"] = System.Text.Json.JsonSerializer.SerializeToNode(GraphTime.From(b.Start, zone), GraphJson.Options),
                ["end"] = System.Text.Json.JsonSerializer.SerializeToNode(GraphTime.From(b.End, zone), GraphJson.Options),
            })]),
            ["workingHours"] = new JsonObject
            {
                ["daysOfWeek"] = new JsonArray([.. hours.DaysOfWeek.Select(d => (JsonNode)d)]),
                ["startTime"] = Time(hours.StartTime),
                ["endTime"] = Time(hours.EndTime),
                ["timeZone"] = new JsonObject { ["name"] = hours.TimeZone },
            },
        };
    }

    // One character per interval: 0 free, 1 tentative, 2 busy, 3 out of office (scheduleInformation.availabilityView).
    private static string AvailabilityView(List<BusyTime> busy, DateTimeOffset start, DateTimeOffset end, int intervalMinutes)
    {
        var view = new StringBuilder();
        for (var at = start; at < end; at = at.AddMinutes(intervalMinutes))
        {
            var slotEnd = at.AddMinutes(intervalMinutes);
            var here = busy.Where(b => b.Start < slotEnd && b.End > at).Select(b => b.Status switch { "oof" => '3', "busy" => '2', "tentative" => '1', _ => '0' });
            view.Append(here.DefaultIfEmpty('0').Max());
        }

        return view.ToString();
    }

    private static string Time(string value)
        => TimeOnly.TryParse(value, CultureInfo.InvariantCulture, out var time) ? time.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture) : value;
}
