using ReviewBot.Core.Scheduling;

namespace ReviewBot.Ports;

/// <summary>
/// Panel members' calendars, reached from the board's mailbox (Microsoft Graph in the host). Every call may
/// throw <see cref="Microsoft365Exception"/>; none is made inside a chat turn.
/// </summary>
public interface IPanelCalendar
{
    /// <summary>Free/busy and working hours of <paramref name="mailboxes"/> over <paramref name="window"/>.</summary>
    Task<IReadOnlyList<MemberAvailability>> GetAvailabilityAsync(
        string boardMailbox, IReadOnlyList<string> mailboxes, TimeRange window, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the meeting in the board mailbox's calendar and invites the attendees. The same
    /// <see cref="PanelInvite.TransactionId"/> twice creates one meeting (a retried effect is safe).
    /// </summary>
    Task<PanelEvent> CreateAsync(string boardMailbox, PanelInvite invite, CancellationToken cancellationToken);

    /// <summary>Changes the meeting (same event; attendees get an update).</summary>
    Task<PanelEvent> UpdateAsync(string boardMailbox, string eventId, PanelEventChange change, CancellationToken cancellationToken);

    /// <summary>Cancels the meeting; attendees get a cancellation with <paramref name="comment"/>.</summary>
    Task CancelAsync(string boardMailbox, string eventId, string comment, CancellationToken cancellationToken);

    /// <summary>The meeting as it stands, with each attendee's response.</summary>
    Task<PanelEvent> GetAsync(string boardMailbox, string eventId, CancellationToken cancellationToken);
}

/// <summary>A meeting to create.</summary>
/// <param name="Subject">Subject: the case reference, never the child's name.</param>
/// <param name="HtmlBody">The agenda.</param>
/// <param name="Time">When.</param>
/// <param name="TimeZoneId">The board's time zone (IANA), used for the invite's local times.</param>
/// <param name="Attendees">The panel.</param>
/// <param name="TransactionId">Idempotency key: one per meeting the case asks for.</param>
public sealed record PanelInvite(
    string Subject, string HtmlBody, TimeRange Time, string TimeZoneId, IReadOnlyList<PanelAttendee> Attendees, string TransactionId);

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
