using ReviewBot.Core.Scheduling;

namespace ReviewBot.Core.Meetings;

/// <summary>Where a panel meeting's booking stands (the slot search runs beside it: <see cref="PanelMeetingPlan.Searching"/>).</summary>
public enum PanelMeetingStatus
{
    /// <summary>Not booked: times are being found or offered.</summary>
    NotBooked,

    /// <summary>A time was picked; the invite is being created in the board mailbox.</summary>
    Booking,

    /// <summary>The invite is out: the event exists in the board mailbox's calendar.</summary>
    Scheduled,

    /// <summary>A new time was picked for the booked meeting; the same event is being moved.</summary>
    Rescheduling,

    /// <summary>Cancel was pressed; the event is being cancelled.</summary>
    Cancelling,

    /// <summary>Cancelled (attendees were told, when an invite had gone out).</summary>
    Cancelled,
}

/// <summary>
/// A panel meeting's scheduling state, stored on the case: who sits on the panel, how long it lasts, the
/// times offered, the booking, each attendee's response and a problem that keeps it from going out. Cards are
/// rendered from it, so an update in place shows the same thing a refresh would.
/// </summary>
public sealed record PanelMeetingPlan
{
    /// <summary>The booking.</summary>
    public PanelMeetingStatus Status { get; init; } = PanelMeetingStatus.NotBooked;

    /// <summary>Entra object ids of the people invited (board people).</summary>
    public IReadOnlyList<string> Panel { get; init; } = [];

    /// <summary>Length in minutes.</summary>
    public int DurationMinutes { get; init; } = PanelPlanner.DefaultDurationMinutes;

    /// <summary>The meeting must end by then (the decision deadline, end of the working day).</summary>
    public DateTimeOffset Deadline { get; init; }

    /// <summary>True when the business manager asked to look past the deadline ("Look further ahead").</summary>
    public bool LookFurther { get; init; }

    /// <summary>Bumped for every search asked for; the search effect answers one number once.</summary>
    public int Search { get; init; } = 1;

    /// <summary>The last search answered (<see cref="Offered"/> is its result).</summary>
    public int SlotsFoundFor { get; init; }

    /// <summary>The times offered, best first.</summary>
    public IReadOnlyList<OfferedSlot> Offered { get; init; } = [];

    /// <summary>When nothing before the deadline suits everyone: the first time after it that does.</summary>
    public OfferedSlot? NextWindow { get; init; }

    /// <summary>The time picked (being booked, or booked).</summary>
    public OfferedSlot? Picked { get; init; }

    /// <summary>The Teams join link, once the invite is out (null when Graph made none).</summary>
    public string? JoinUrl { get; init; }

    /// <summary>The day each agency's report or chronology is due (working days before the meeting).</summary>
    public DateOnly? ReportsDueOn { get; init; }

    /// <summary>Each attendee's answer, as last read from the calendar.</summary>
    public IReadOnlyList<PanelResponse> Responses { get; init; } = [];

    /// <summary>A Microsoft 365 failure that no retry alone will fix, with what to do (no personal data).</summary>
    public string? Problem { get; init; }

    /// <summary>True while a search asked for has not been answered.</summary>
    public bool Searching => Search > SlotsFoundFor;

    /// <summary>True while a change is on its way to the calendar.</summary>
    public bool Sending => Status is PanelMeetingStatus.Booking or PanelMeetingStatus.Rescheduling or PanelMeetingStatus.Cancelling;
}

/// <summary>A time offered (or picked) for the meeting.</summary>
/// <param name="Start">Start.</param>
/// <param name="End">End.</param>
/// <param name="Unavailable">Mailboxes of required members not free then.</param>
public sealed record OfferedSlot(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Unavailable);

/// <summary>One invited person's answer.</summary>
/// <param name="Email">Their mailbox (shown to the case's parties, never logged).</param>
/// <param name="Required">Required attendee.</param>
/// <param name="Response">What they answered.</param>
public sealed record PanelResponse(string Email, bool Required, AttendeeResponse Response);
