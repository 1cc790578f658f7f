using System.Text.Json.Serialization;

namespace ReviewBot.GraphStandIn;

#pragma warning disable CA2227, CA1002 // DTOs mirror Graph's JSON: settable lists keep them short.

/// <summary>dateTimeTimeZone (https://learn.microsoft.com/graph/api/resources/datetimetimezone).</summary>
public sealed class DateTimeTimeZone
{
    /// <summary>Local date and time, e.g. 2026-12-07T09:00:00.0000000.</summary>
    public string? DateTime { get; set; }

    /// <summary>Windows or IANA time zone name.</summary>
    public string? TimeZone { get; set; }
}

/// <summary>emailAddress.</summary>
public sealed class EmailAddress
{
    /// <summary>SMTP address.</summary>
    public string? Address { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }
}

/// <summary>recipient.</summary>
public sealed class Recipient
{
    /// <summary>The address.</summary>
    public EmailAddress? EmailAddress { get; set; }
}

/// <summary>responseStatus (https://learn.microsoft.com/graph/api/resources/responsestatus).</summary>
public sealed class ResponseStatus
{
    /// <summary>none, organizer, tentativelyAccepted, accepted, declined, notResponded.</summary>
    public string? Response { get; set; }

    /// <summary>When the response was given.</summary>
    public DateTimeOffset? Time { get; set; }
}

/// <summary>attendee.</summary>
public sealed class Attendee
{
    /// <summary>The address.</summary>
    public EmailAddress? EmailAddress { get; set; }

    /// <summary>required, optional or resource.</summary>
    public string? Type { get; set; }

    /// <summary>Their response.</summary>
    public ResponseStatus? Status { get; set; }
}

/// <summary>itemBody.</summary>
public sealed class ItemBody
{
    /// <summary>text or html.</summary>
    public string? ContentType { get; set; }

    /// <summary>The content.</summary>
    public string? Content { get; set; }
}

/// <summary>onlineMeetingInfo.</summary>
public sealed class OnlineMeetingInfo
{
    /// <summary>The Teams join link.</summary>
    public string? JoinUrl { get; set; }
}

/// <summary>event (https://learn.microsoft.com/graph/api/resources/event): the properties ReviewBot uses.</summary>
public sealed class GraphEvent
{
    /// <summary>Id.</summary>
    public string? Id { get; set; }

    /// <summary>Subject.</summary>
    public string? Subject { get; set; }

    /// <summary>Body.</summary>
    public ItemBody? Body { get; set; }

    /// <summary>Start.</summary>
    public DateTimeTimeZone? Start { get; set; }

    /// <summary>End.</summary>
    public DateTimeTimeZone? End { get; set; }

    /// <summary>Attendees.</summary>
    public List<Attendee>? Attendees { get; set; }

    /// <summary>Organizer (the mailbox the event was created in).</summary>
    public Recipient? Organizer { get; set; }

    /// <summary>True for a Teams meeting.</summary>
    public bool? IsOnlineMeeting { get; set; }

    /// <summary>teamsForBusiness for a Teams meeting.</summary>
    public string? OnlineMeetingProvider { get; set; }

    /// <summary>The join link, once created.</summary>
    public OnlineMeetingInfo? OnlineMeeting { get; set; }

    /// <summary>Client idempotency key: a second create with it returns the first event.</summary>
    public string? TransactionId { get; set; }

    /// <summary>True once cancelled.</summary>
    public bool? IsCancelled { get; set; }

    /// <summary>Globally unique id, as in the .ics UID.</summary>
    [JsonPropertyName("iCalUId")]
    public string? ICalUId { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset? CreatedDateTime { get; set; }

    /// <summary>Last modified.</summary>
    public DateTimeOffset? LastModifiedDateTime { get; set; }
}

/// <summary>getSchedule body (https://learn.microsoft.com/graph/api/calendar-getschedule).</summary>
public sealed class GetScheduleRequest
{
    /// <summary>SMTP addresses.</summary>
    public List<string>? Schedules { get; set; }

    /// <summary>Start.</summary>
    public DateTimeTimeZone? StartTime { get; set; }

    /// <summary>End.</summary>
    public DateTimeTimeZone? EndTime { get; set; }

    /// <summary>Minutes per availabilityView character (default 30).</summary>
    public int? AvailabilityViewInterval { get; set; }
}

/// <summary>sendMail body (https://learn.microsoft.com/graph/api/user-sendmail).</summary>
public sealed class SendMailRequest
{
    /// <summary>The message.</summary>
    public MailMessage? Message { get; set; }

    /// <summary>Keep a copy in Sent Items (Graph's default is true; the SDK sends false unless set).</summary>
    public bool? SaveToSentItems { get; set; }
}

/// <summary>message.</summary>
public sealed class MailMessage
{
    /// <summary>Subject.</summary>
    public string? Subject { get; set; }

    /// <summary>Body.</summary>
    public ItemBody? Body { get; set; }

    /// <summary>To.</summary>
    public List<Recipient>? ToRecipients { get; set; }

    /// <summary>Cc.</summary>
    public List<Recipient>? CcRecipients { get; set; }

    /// <summary>fileAttachments.</summary>
    public List<FileAttachment>? Attachments { get; set; }
}

/// <summary>fileAttachment.</summary>
public sealed class FileAttachment
{
    /// <summary>File name.</summary>
    public string? Name { get; set; }

    /// <summary>MIME type.</summary>
    public string? ContentType { get; set; }

    /// <summary>Base64 content.</summary>
    public string? ContentBytes { get; set; }
}

/// <summary>userScopeTeamsAppInstallation create body (https://learn.microsoft.com/graph/api/userteamwork-post-installedapps).</summary>
public sealed class InstallAppRequest
{
    /// <summary>https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{catalog id}.</summary>
    [JsonPropertyName("teamsApp@odata.bind")]
    public string? TeamsAppBind { get; set; }
}

/// <summary>event cancel body (https://learn.microsoft.com/graph/api/event-cancel).</summary>
public sealed class CancelRequest
{
    /// <summary>Sent to the attendees.</summary>
    public string? Comment { get; set; }
}
