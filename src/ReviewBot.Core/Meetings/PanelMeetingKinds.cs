using System.Globalization;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Scheduling;

namespace ReviewBot.Core.Meetings;

/// <summary>
/// The kinds of meeting the Graph meeting flow arranges, stored by name on <see cref="PanelMeeting.Kind"/>. A kind
/// stored before a kind had its own name (review panel meetings were stored as "extraordinary") reads as
/// extraordinary, and any kind a later version adds reads as a panel meeting, so old cases keep working.
/// </summary>
public static class PanelMeetingKinds
{
    /// <summary>Called to consider a referral with all relevant agencies (Enfield Appendix 4 step 2).</summary>
    public const string Extraordinary = "extraordinary";

    /// <summary>Called at the review's panel meetings stage to discuss the IMRs (numbered within the case).</summary>
    public const string Review = "review";

    /// <summary>The multi-agency learning event at the learning disseminated stage (Enfield 5.4).</summary>
    public const string LearningEvent = "learning-event";

    /// <summary>What the meeting is for, which decides its invite's agenda.</summary>
    public static MeetingPurpose Purpose(PanelMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.Kind switch
        {
            Review => MeetingPurpose.DiscussImrs,
            LearningEvent => MeetingPurpose.ShareLearning,
            _ => MeetingPurpose.ConsiderReferral,
        };
    }

    /// <summary>
    /// The meeting's name in running text: "extraordinary panel meeting", "review panel meeting 2" (counting the
    /// case's review panel meetings up to this one, cancelled ones left out), "multi-agency learning event".
    /// </summary>
    public static string Name(ReviewCase c, PanelMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(meeting);
        return Purpose(meeting) switch
        {
            MeetingPurpose.DiscussImrs => string.Create(CultureInfo.InvariantCulture, $"review panel meeting {Number(c, meeting)}"),
            MeetingPurpose.ShareLearning => "multi-agency learning event",
            _ => "extraordinary panel meeting",
        };
    }

    /// <summary>The meeting's purpose and name together (<see cref="MeetingName.Heading"/> gives it a capital).</summary>
    public static MeetingName NameOf(ReviewCase c, PanelMeeting meeting) => new(Purpose(meeting), Name(c, meeting));

    /// <summary>The meeting's number among the case's meetings of its kind, cancelled ones left out (only the latest can be cancelled).</summary>
    public static int Number(ReviewCase c, PanelMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(meeting);
        var earlier = c.Meetings.TakeWhile(m => m.Id != meeting.Id)
            .Count(m => m.Kind == meeting.Kind && m.Plan?.Status != PanelMeetingStatus.Cancelled);
        return earlier + 1;
    }
}
