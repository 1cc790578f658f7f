namespace ReviewBot.Core.Scheduling;

// What a panel calendar takes and returns (the port, IPanelCalendar, is the host's): Core's meeting plan reads
// attendees' answers and writes invites in these words.

/// <summary>A meeting to create.</summary>
/// <param name="Subject">Subject: the case reference, never the child's name.</param>
/// <param name="HtmlBody">The agenda.</param>
/// <param name="Time">When.</param>
/// <param name="TimeZoneId">The board's time zone (IANA), used for the invite's local times.</param>
/// <param name="Attendees">The panel.</param>
/// <param name="TransactionId">Idempotency key: one per meeting the case asks for.</param>
public sealed record PanelInvite(
    string Subject, string HtmlBody, TimeRange Time, string TimeZoneId, IReadOnlyList<PanelAttendee> Attendees, string TransactionId)
{
    /// <summary>False for a plain calendar entry (e.g. an IMR's due date) with no Teams meeting.</summary>
    public bool IsOnlineMeeting { get; init; } = true;
}

/// <summary>What to change on a meeting; null parts stay as they are.</summary>
/// <param name="Time">A new time (reschedule).</param>
/// <param name="TimeZoneId">The board's time zone when <paramref name="Time"/> is set.</param>
/// <param name="Attendees">A new attendee list.</param>
/// <param name="HtmlBody">A new agenda.</param>
public sealed record PanelEventChange(
    TimeRange? Time = null, string? TimeZoneId = null, IReadOnlyList<PanelAttendee>? Attendees = null, string? HtmlBody = null);

/// <summary>An invited panel member.</summary>
/// <param name="Email">Mail address.</param>
/// <param name="Name">Display name for the invite.</param>
/// <param name="Required">Required (agency representatives, chair) or optional.</param>
public sealed record PanelAttendee(string Email, string? Name = null, bool Required = true);

/// <summary>A meeting as the calendar holds it.</summary>
/// <param name="EventId">The calendar's id for it.</param>
/// <param name="Time">When.</param>
/// <param name="JoinUrl">The Teams meeting link; null when the service did not create one (it may not).</param>
/// <param name="Attendees">Each attendee's response.</param>
/// <param name="IsCancelled">True once cancelled.</param>
public sealed record PanelEvent(string EventId, TimeRange Time, string? JoinUrl, IReadOnlyList<AttendeeReply> Attendees, bool IsCancelled);

/// <summary>One attendee's answer to the invite.</summary>
/// <param name="Email">Mail address.</param>
/// <param name="Required">Required or optional attendee.</param>
/// <param name="Response">Their response.</param>
public sealed record AttendeeReply(string Email, bool Required, AttendeeResponse Response);

/// <summary>An attendee's response (Graph responseStatus.response).</summary>
public enum AttendeeResponse
{
    /// <summary>No response recorded.</summary>
    None,

    /// <summary>The organiser.</summary>
    Organizer,

    /// <summary>Tentative.</summary>
    TentativelyAccepted,

    /// <summary>Accepted.</summary>
    Accepted,

    /// <summary>Declined.</summary>
    Declined,

    /// <summary>Not responded yet.</summary>
    NotResponded,
}
