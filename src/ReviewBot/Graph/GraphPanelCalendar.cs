using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using ReviewBot.Core.Scheduling;
using ReviewBot.Ports;
using TimeRange = ReviewBot.Core.Scheduling.TimeRange;

namespace ReviewBot.Graph;

/// <summary>Panel meetings in the board mailbox's calendar through Microsoft Graph (app-only).</summary>
public sealed class GraphPanelCalendar(GraphServiceClient graph) : IPanelCalendar
{
    private static readonly GraphCall ReadSchedules = new("read the panel's free/busy times", "Calendars.ReadBasic", "Application Calendars.Read");
    private static readonly GraphCall CreateMeeting = new("create the panel meeting", "Calendars.ReadWrite", "Application Calendars.ReadWrite");
    private static readonly GraphCall ChangeMeeting = new("change the panel meeting", "Calendars.ReadWrite", "Application Calendars.ReadWrite");
    private static readonly GraphCall CancelMeeting = new("cancel the panel meeting", "Calendars.ReadWrite", "Application Calendars.ReadWrite");
    private static readonly GraphCall ReadMeeting = new("read the panel meeting's responses", "Calendars.ReadBasic", "Application Calendars.Read");

    /// <inheritdoc />
    /// <remarks>getSchedule (https://learn.microsoft.com/graph/api/calendar-getschedule): app-only cannot call findMeetingTimes.</remarks>
    public async Task<IReadOnlyList<MemberAvailability>> GetAvailabilityAsync(
        string boardMailbox, IReadOnlyList<string> mailboxes, TimeRange window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailboxes);
        var body = new GetSchedulePostRequestBody
        {
            Schedules = [.. mailboxes],
            StartTime = Utc(window.Start),
            EndTime = Utc(window.End),
            AvailabilityViewInterval = 30,
        };
        var response = await GraphFailures.Run(ReadSchedules,
            () => graph.Users[boardMailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(body, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var schedules = response?.Value ?? [];
        if (schedules.FirstOrDefault(s => s.Error is not null) is { } failed)
        {
            // getSchedule answers 200 and reports an unknown mailbox in the item.
            throw new Microsoft365Exception(Microsoft365FailureKind.NotFound, ReadSchedules.Operation,
                "Check the board configuration: a panel member's email is not a mailbox in the tenant.", failed.Error!.ResponseCode);
        }

        return [.. schedules.Select(ToAvailability)];
    }

    /// <inheritdoc />
    /// <remarks>https://learn.microsoft.com/graph/api/user-post-events: 201; the same transactionId returns the first event.</remarks>
    public async Task<PanelEvent> CreateAsync(string boardMailbox, PanelInvite invite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var zone = WindowsZone(invite.TimeZoneId);
        var meeting = new Event
        {
            Subject = invite.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = invite.HtmlBody },
            Start = Local(invite.Time.Start, zone),
            End = Local(invite.Time.End, zone),
            Attendees = [.. invite.Attendees.Select(ToAttendee)],
            IsOnlineMeeting = true,
            OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
            ResponseRequested = true,
            TransactionId = invite.TransactionId,
        };
        var created = await GraphFailures.Run(CreateMeeting,
            () => graph.Users[boardMailbox].Events.PostAsync(meeting, r => r.Headers.Add("Prefer", Prefer(zone)), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return ToPanelEvent(created);
    }

    /// <inheritdoc />
    /// <remarks>https://learn.microsoft.com/graph/api/event-update: 200; only the properties set are sent.</remarks>
    public async Task<PanelEvent> UpdateAsync(string boardMailbox, string eventId, PanelEventChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var zone = WindowsZone(change.TimeZoneId ?? "Europe/London");
        var patch = new Event();
        if (change.Time is { } time)
        {
            (patch.Start, patch.End) = (Local(time.Start, zone), Local(time.End, zone));
        }

        if (change.Attendees is { } attendees)
        {
            patch.Attendees = [.. attendees.Select(ToAttendee)];
        }

        if (change.HtmlBody is { } body)
        {
            patch.Body = new ItemBody { ContentType = BodyType.Html, Content = body };
        }

        var updated = await GraphFailures.Run(ChangeMeeting,
            () => graph.Users[boardMailbox].Events[eventId].PatchAsync(patch, r => r.Headers.Add("Prefer", Prefer(zone)), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return ToPanelEvent(updated);
    }

    /// <inheritdoc />
    /// <remarks>https://learn.microsoft.com/graph/api/event-cancel: 202, attendees get the comment.</remarks>
    public Task CancelAsync(string boardMailbox, string eventId, string comment, CancellationToken cancellationToken)
        => GraphFailures.Run(CancelMeeting,
            () => graph.Users[boardMailbox].Events[eventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>https://learn.microsoft.com/graph/api/event-get, attendees' status per https://learn.microsoft.com/graph/api/resources/responsestatus.</remarks>
    public async Task<PanelEvent> GetAsync(string boardMailbox, string eventId, CancellationToken cancellationToken)
    {
        var found = await GraphFailures.Run(ReadMeeting,
            () => graph.Users[boardMailbox].Events[eventId].GetAsync(
                r => r.QueryParameters.Select = ["start", "end", "attendees", "onlineMeeting", "isCancelled"], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return ToPanelEvent(found);
    }

    private static PanelEvent ToPanelEvent(Event? e)
    {
        if (e?.Id is null)
        {
            throw new Microsoft365Exception(Microsoft365FailureKind.Rejected, "read the panel meeting", "Graph answered without the event: try again later.");
        }

        var attendees = (e.Attendees ?? []).Select(a => new AttendeeReply(
            a.EmailAddress?.Address ?? "",
            a.Type != AttendeeType.Optional,
            a.Status?.Response is { } response ? Enum.Parse<AttendeeResponse>(response.ToString()) : AttendeeResponse.None));
        return new PanelEvent(e.Id, new TimeRange(Instant(e.Start), Instant(e.End)), e.OnlineMeeting?.JoinUrl, [.. attendees], e.IsCancelled == true);
    }

    private static MemberAvailability ToAvailability(ScheduleInformation schedule)
    {
        var busy = (schedule.ScheduleItems ?? [])
            .Where(i => i.Status is FreeBusyStatus.Busy or FreeBusyStatus.Tentative or FreeBusyStatus.Oof)
            .Select(i => new TimeRange(Instant(i.Start), Instant(i.End)));
        return new MemberAvailability(schedule.ScheduleId ?? "", [.. busy], ToWorkingHours(schedule.WorkingHours));
    }

    // A mailbox with a custom time zone Graph cannot name, or no hours, is taken as always working.
    private static MemberWorkingHours? ToWorkingHours(Microsoft.Graph.Models.WorkingHours? hours)
    {
        if (hours?.StartTime is not { } start || hours.EndTime is not { } end || hours.DaysOfWeek is not { Count: > 0 } days
            || !TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone?.Name ?? "", out var zone))
        {
            return null;
        }

        var weekDays = days.OfType<DayOfWeekObject>().Select(d => Enum.Parse<DayOfWeek>(d.ToString())).ToHashSet();
        return new MemberWorkingHours(weekDays, new TimeOnly(start.Hour, start.Minute, start.Second), new TimeOnly(end.Hour, end.Minute, end.Second), zone);
    }

    private static Attendee ToAttendee(PanelAttendee attendee) => new()
    {
        EmailAddress = new EmailAddress { Address = attendee.Email, Name = attendee.Name },
        Type = attendee.Required ? AttendeeType.Required : AttendeeType.Optional,
    };

    private static DateTimeTimeZone Utc(DateTimeOffset instant) => new()
    {
        DateTime = instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    private static DateTimeTimeZone Local(DateTimeOffset instant, TimeZoneInfo zone) => new()
    {
        DateTime = TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = zone.Id,
    };

    private static DateTimeOffset Instant(DateTimeTimeZone? value)
    {
        var local = DateTime.Parse(value?.DateTime ?? throw new FormatException("Graph sent a time without a dateTime."), CultureInfo.InvariantCulture, DateTimeStyles.None);
        var zone = value.TimeZone is null or "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(value.TimeZone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    // Graph takes Windows zone names everywhere (and only some IANA names): Europe/London -> GMT Standard Time.
    private static TimeZoneInfo WindowsZone(string ianaOrWindows)
        => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneInfo.TryConvertIanaIdToWindowsId(ianaOrWindows, out var windows) ? windows : ianaOrWindows);

    private static string Prefer(TimeZoneInfo zone) => $"outlook.timezone=\"{zone.Id}\"";
}
