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
