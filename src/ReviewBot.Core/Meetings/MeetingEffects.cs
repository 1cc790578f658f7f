using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;

namespace ReviewBot.Core.Meetings;

/// <summary>The outbox effects that reach Microsoft 365 for a panel meeting (<see cref="CaseEffect.Detail"/> = the meeting id).</summary>
public static class MeetingEffectKinds
{
    /// <summary>Read the panel's free/busy (getSchedule) and record the best slots; Detail = "{meetingId}:{search}".</summary>
    public const string FindSlots = "meeting-find-slots";

    /// <summary>Create the invite in the board mailbox (one transactionId per meeting).</summary>
    public const string Create = "meeting-create";

    /// <summary>Move the same event to the picked time.</summary>
    public const string Reschedule = "meeting-reschedule";

    /// <summary>Cancel the event; attendees are told.</summary>
    public const string Cancel = "meeting-cancel";

    /// <summary>Ask an agency's panel member in Teams for its pre-meeting report (Recipient = their object id).</summary>
    public const string AskForReport = "meeting-ask-report";

    /// <summary>True for the kinds above.</summary>
    public static bool Handles(string kind) => kind is FindSlots or Create or Reschedule or Cancel or AskForReport;

    /// <summary>Words for the business manager (no personal data).</summary>
    public static string? Describe(string kind) => kind switch
    {
        FindSlots => "find panel meeting times",
        Create => "send the panel meeting invite",
        Reschedule => "move the panel meeting",
        Cancel => "cancel the panel meeting",
        AskForReport => "ask an agency for its pre-meeting report",
        _ => null,
    };
}

/// <summary>Which meeting effects a case change sets off. Pure, beside <see cref="CaseEffects"/>.</summary>
public static class MeetingEffects
{
    /// <summary>The card purpose of the business manager's panel meeting card.</summary>
    public const string SlotsCard = "meeting-slots";

    /// <summary>
    /// A search asked for → find slots; its answer (first time) or a required member's decline → the card to the
    /// business manager; a pick → create or move the event; cancel → cancel it; the invite out (or moved) → each
    /// agency's member asked for its report by the due date.
    /// </summary>
    public static IEnumerable<CaseEffect> ForChange(ReviewCase before, ReviewCase after, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        foreach (var meeting in after.Meetings.Where(m => m.Plan is not null))
        {
            var was = PanelMeetings.Find(before, meeting.Id)?.Plan;
            var plan = meeting.Plan!;
            if (plan.Search > (was?.Search ?? 0))
            {
                yield return new CaseEffect(MeetingEffectKinds.FindSlots, Detail: $"{meeting.Id}:{plan.Search.ToString(CultureInfo.InvariantCulture)}");
            }

            if ((plan.SlotsFoundFor > 0 && (was?.SlotsFoundFor ?? 0) == 0) || PanelMeetingOutcomes.NewDeclines(was, plan).Count > 0)
            {
                foreach (var manager in after.PartiesIn(BoardRole.BusinessManager).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    yield return new CaseEffect(CaseEffectKinds.PostCard, manager, SlotsCard);
                }
            }

            if (plan.Status != was?.Status && Sends(plan.Status) is { } kind)
            {
                yield return new CaseEffect(kind, Detail: meeting.Id);
            }

            if (plan.Status == PanelMeetingStatus.Scheduled && (was?.Status != PanelMeetingStatus.Scheduled || was.ReportsDueOn != plan.ReportsDueOn))
            {
                foreach (var seat in PanelPlanner.AgencyMembers(after, meeting, board))
                {
                    yield return new CaseEffect(MeetingEffectKinds.AskForReport, seat.Person.ObjectId, meeting.Id);
                }
            }
        }
    }

    private static string? Sends(PanelMeetingStatus status) => status switch
    {
        PanelMeetingStatus.Booking => MeetingEffectKinds.Create,
        PanelMeetingStatus.Rescheduling => MeetingEffectKinds.Reschedule,
        PanelMeetingStatus.Cancelling => MeetingEffectKinds.Cancel,
        _ => null,
    };
}
