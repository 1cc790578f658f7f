using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Learning;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Review;
using ReviewBot.Core.Scheduling;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Meetings;

/// <summary>What each kind of meeting is called, who comes to the learning event and when the learning disseminated stage is ready.</summary>
public class MeetingKindTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly BoardConfiguration Learning = Board with
    {
        Agencies = [new("police", "Riverside Police"), new("csc", "Children's Social Care")],
        People =
        [
            // One person is both the business manager and the board chair: invited once.
            new(BusinessManager, "Bea Manager", "bea@example.org", [BoardRole.BusinessManager, BoardRole.BoardChair]),
            new("oid-police", "Pat Police", "pat@example.org", [BoardRole.PanelMember], "police"),
            new("oid-csc", "Cara Care", "cara@example.org", [BoardRole.PanelMember], "csc"),
            new("oid-lead", "Lee Lead", "lee@example.org", [BoardRole.LeadReviewer]),
        ],
    };

    [Fact]
    public void Each_kind_has_its_own_name_and_review_panel_meetings_are_numbered_leaving_out_cancelled_ones()
    {
        var cancelled = new PanelMeetingPlan { Status = PanelMeetingStatus.Cancelled };
        var c = NewCase(CaseStage.ReviewInitiated) with
        {
            Meetings =
            [
                new("m1", PanelMeetingKinds.Extraordinary) { Plan = new() },
                new("m2", PanelMeetingKinds.Review) { Plan = cancelled },
                new("m3", PanelMeetingKinds.Review) { Plan = new() },
                new("m4", PanelMeetingKinds.Review) { Plan = new() },
                new("m5", PanelMeetingKinds.LearningEvent) { Plan = new() },
                new("m6", "a-kind-from-a-later-version"),
            ],
        };

        Assert.Equal(
            ["extraordinary panel meeting", "review panel meeting 1", "review panel meeting 1", "review panel meeting 2", "multi-agency learning event", "extraordinary panel meeting"],
            c.Meetings.Select(m => PanelMeetingKinds.Name(c, m)));
        Assert.Equal("Review panel meeting 2", PanelMeetingKinds.NameOf(c, c.Meetings[3]).Heading);
        Assert.Equal($"The multi-agency learning event for {Reference} is cancelled. The business manager will be in touch.",
            PanelMeetingInviteComposer.CancellationNote(Reference, PanelMeetingKinds.NameOf(c, c.Meetings[4])));
    }

    [Fact]
    public void The_learning_event_invites_each_agencys_panel_member_the_lead_reviewer_the_chair_and_the_business_manager_once()
    {
        var c = AtLearning(confirmed: true);

        var seats = PanelPlanner.LearningEventSeats(c, Learning);

        Assert.Equal(["oid-police", "oid-csc", "oid-lead", BusinessManager], seats.Select(s => s.Person.ObjectId));
        Assert.Equal(["Riverside Police", "Children's Social Care", "lead reviewer", "board chair"], seats.Select(s => s.SitsFor));
    }

    [Fact]
    public void Learning_disseminated_is_ready_once_every_agency_confirmed_and_the_event_has_ended()
    {
        Assert.Contains("still waiting for Children's Social Care", LearningEvents.NotReady(AtLearning(confirmed: false), Learning, Now), StringComparison.Ordinal);
        var c = AtLearning(confirmed: true);
        Assert.Contains("has not been called yet", LearningEvents.NotReady(c, Learning, Now), StringComparison.Ordinal);

        var start = Now.AddHours(1);
        var booked = new PanelMeeting("m1", PanelMeetingKinds.LearningEvent, start, "event-1")
        {
            Plan = new() { Status = PanelMeetingStatus.Scheduled, Picked = new(start, start.AddMinutes(90), []) },
        };
        c = c with { Meetings = [booked], Learning = c.Learning! with { EventMeetingId = "m1" } };

        Assert.Contains("has not taken place yet: it is on Monday 3 May 2027", LearningEvents.NotReady(c, Learning, Now), StringComparison.Ordinal);
        Assert.Contains("has not taken place yet", LearningEvents.NotReady(c, Learning, start.AddMinutes(89)), StringComparison.Ordinal);
        Assert.Null(LearningEvents.NotReady(c, Learning, start.AddMinutes(90)));
    }

    private static ReviewCase AtLearning(bool confirmed) => NewCase(CaseStage.ReviewInitiated) with
    {
        Review = new ReviewProgress { Stage = ReviewStage.LearningDisseminated, StageStartedOn = new DateOnly(2027, 4, 1), StageDueOn = new DateOnly(2027, 6, 1), LeadReviewer = new LeadReviewerAppointment { Name = "Lee Lead", ObjectId = "oid-lead" } },
        Learning = new LearningPlan
        {
            Disseminations =
            [
                new AgencyDissemination("police", new DateOnly(2027, 4, 30)) { PanelMemberObjectId = "oid-police", ConfirmedAt = Now.AddDays(-3) },
                new AgencyDissemination("csc", new DateOnly(2027, 4, 30)) { PanelMemberObjectId = "oid-csc", ConfirmedAt = confirmed ? Now.AddDays(-2) : null },
            ],
        },
    };
}
