using System.Globalization;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Scheduling;

namespace ReviewBot.Cards.Models;

/// <summary>
/// Data for <c>cards/panel-meeting-slots.json</c>, to the business manager: the panel (editable), the duration
/// and the best three slots, or "no slot" with the next window. No child name or narrative: only the case
/// reference and staff who sit on the panel. Handlers check the role before acting on a pick.
/// </summary>
public sealed record PanelMeetingSlotsCard : ICardModel
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <inheritdoc />
    string ICardModel.CardName => CardNames.PanelMeetingSlots;

    /// <summary>The case.</summary>
    public required CaseReference CaseRef { get; init; }

    /// <summary>The case's version when the card was rendered.</summary>
    public required long Version { get; init; }

    /// <summary>The heading: the meeting's name and the case, e.g. "Review panel meeting 2: SCR-2026-0007".</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The latest day the meeting may be, e.g. "Mon 4 Jan 2027".</summary>
    public required string Deadline { get; init; }

    /// <summary>The chosen duration in minutes ("60", "90", "120", "180"), as the input's value.</summary>
    public required string DurationMinutes { get; init; }

    /// <summary>Object ids of the members invited, comma-separated (the multi-select's value).</summary>
    public required string PanelSelected { get; init; }

    /// <summary>Everyone who may sit on the panel: the agencies' members and the standing members.</summary>
    public required IReadOnlyList<ChoiceView> Panel { get; init; }

    /// <summary>Up to three slots, best first.</summary>
    public required IReadOnlyList<SlotView> Slots { get; init; }

    /// <summary>Why no slot suits everyone, when none does.</summary>
    public string? NoSlot { get; init; }

    /// <summary>The first time after the deadline that suits everyone, when looked for.</summary>
    public SlotView? NextWindow { get; init; }

    /// <summary>Teams user ids whose clients fetch their own view (at most 60): the business managers.</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init => field = CardLimits.RefreshUserIds(value); } = [];

    /// <summary>True for the business manager: the panel, duration, slots and buttons are shown.</summary>
    public bool CanAct { get; init; } = true;

    /// <summary>Where it stands, e.g. "Looking for times…" or "Invite sent".</summary>
    public string? Status { get; init; }

    /// <summary>A required member's decline, e.g. "Megan Bowen (Police) declined: find another time."</summary>
    public string? Declined { get; init; }

    /// <summary>What keeps the invite from going out and what to fix (kept for retry).</summary>
    public string? Problem { get; init; }

    /// <summary>The booked meeting, once the invite is out.</summary>
    public BookedMeetingView? Booked { get; init; }

    /// <summary>Builds the card from the slot finder's answer.</summary>
    /// <param name="caseRef">The case.</param>
    /// <param name="version">The case's version.</param>
    /// <param name="result">The slot finder's answer.</param>
    /// <param name="panel">Who may sit on the panel, and who is invited.</param>
    /// <param name="duration">The meeting's length.</param>
    /// <param name="deadline">The last instant the meeting may end.</param>
    /// <param name="timeZoneId">The board's time zone.</param>
    public static PanelMeetingSlotsCard For(
        CaseReference caseRef, long version, SlotSearchResult result, IReadOnlyList<PanelMemberChoice> panel, TimeSpan duration, DateTimeOffset deadline, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(panel);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var names = panel.Where(p => p.Email is not null).ToDictionary(p => p.Email!, p => p.DisplayName, StringComparer.OrdinalIgnoreCase);
        var deadlineText = TimeZoneInfo.ConvertTime(deadline, zone).ToString("ddd d MMM yyyy", British);
        SlotView View(MeetingSlot slot) => new(
            PanelSlotId.Format(slot.Time),
            When(slot.Time, zone),
            slot.Conflicts == 0 ? null : "Not free: " + string.Join(", ", slot.Unavailable.Select(m => names.GetValueOrDefault(m, "a panel member"))));
        return new PanelMeetingSlotsCard
        {
            CaseRef = caseRef,
            Version = version,
            Title = $"Extraordinary panel meeting: {caseRef}",
            Deadline = deadlineText,
            DurationMinutes = ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            PanelSelected = string.Join(",", panel.Where(p => p.Invited).Select(p => p.ObjectId)),
            Panel = [.. panel.Select(p => new ChoiceView($"{p.DisplayName} ({p.SitsFor})", p.ObjectId))],
            Slots = [.. result.Slots.Select(View)],
            NoSlot = result.Found ? null : $"No time before {deadlineText} suits every required member.",
            NextWindow = result.NextWindow is { } next ? View(next) : null,
        };
    }

    /// <summary>A time in the board's zone, e.g. "Mon 7 Dec 2026, 15:00–16:30".</summary>
    public static string When(TimeRange time, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(time.Start, zone);
        var end = TimeZoneInfo.ConvertTime(time.End, zone);
        return string.Create(British, $"{start:ddd d MMM yyyy}, {start:HH:mm}–{end:HH:mm}");
    }
}

/// <summary>A booked panel meeting as cards show it (the slot card and the case card).</summary>
public sealed record BookedMeetingView
{
    /// <summary>Most characters of <see cref="Answers"/> shown: a panel's answers in one line keeps the card inside Teams' size limit.</summary>
    public const int AnswersLength = 600;

    /// <summary>Creates the view.</summary>
    /// <param name="when">e.g. "Mon 7 Dec 2026, 15:00–16:30".</param>
    /// <param name="joinUrl">The Teams link, when there is one.</param>
    /// <param name="reportsDue">e.g. "Thu 3 Dec 2026".</param>
    /// <param name="answers">Each attendee's answer, e.g. "Megan Bowen (Police): Declined; Adele Vance (Children's Social Care): Accepted".</param>
    /// <param name="declined">Who declined, when anyone did.</param>
    [System.Text.Json.Serialization.JsonConstructor]
    public BookedMeetingView(string when, string? joinUrl, string? reportsDue, string answers, string? declined = null)
    {
        When = when;
        JoinUrl = joinUrl;
        ReportsDue = reportsDue;
        Answers = answers;
        Declined = declined;
    }

    /// <summary>When.</summary>
    public string When { get; init; }

    /// <summary>The Teams join link.</summary>
    public string? JoinUrl { get; init; }

    /// <summary>When each agency's report is due.</summary>
    public string? ReportsDue { get; init; }

    /// <summary>Each attendee's answer in one line (cut to <see cref="AnswersLength"/>).</summary>
    public string Answers { get; init => field = CardText.Preview(value, AnswersLength); }

    /// <summary>Who declined, e.g. "Declined: Megan Bowen (Police)".</summary>
    public string? Declined { get; init => field = value is null ? null : CardText.Preview(value, AnswersLength); }
}

/// <summary>Someone who may sit on the panel.</summary>
/// <param name="ObjectId">Entra object id.</param>
/// <param name="DisplayName">Name.</param>
/// <param name="Email">Mailbox, to name them where they are not free.</param>
/// <param name="SitsFor">Their agency or standing role, e.g. "Police" or "business manager".</param>
/// <param name="Invited">Whether they are on the panel now.</param>
public sealed record PanelMemberChoice(string ObjectId, string DisplayName, string? Email, string SitsFor, bool Invited);

/// <summary>A slot on the card.</summary>
/// <param name="SlotId">What a pick sends back (<see cref="PanelSlotId"/>).</param>
/// <param name="When">e.g. "Mon 7 Dec 2026, 15:00–16:30" in the board's time.</param>
/// <param name="Conflicts">Who is not free then, if anyone.</param>
public sealed record SlotView(string SlotId, string When, string? Conflicts = null);

/// <summary>A slot as a pick sends it back: its UTC start and length, e.g. <c>20261207T1500Z-90</c>.</summary>
public static class PanelSlotId
{
    private const string StartFormat = "yyyyMMdd'T'HHmm'Z'";

    /// <summary>The id of <paramref name="time"/>.</summary>
    public static string Format(TimeRange time) => Core.Meetings.PanelSlotIds.Format(time.Start, time.End);

    /// <summary>Reads an id a card sent back; false for anything else.</summary>
    public static bool TryParse(string? slotId, out TimeRange time)
    {
        time = default;
        var parts = slotId?.Split('-');
        if (parts is not [var start, var minutes]
            || !DateTime.TryParseExact(start, StartFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            || !int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length is <= 0 or > 24 * 60)
        {
            return false;
        }

        var from = new DateTimeOffset(utc, TimeSpan.Zero);
        time = new TimeRange(from, from.AddMinutes(length));
        return true;
    }
}
