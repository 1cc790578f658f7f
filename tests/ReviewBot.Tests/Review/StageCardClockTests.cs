using ReviewBot.Bot.Review;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Learning;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Review;
using ReviewBot.Tests.Storage;

namespace ReviewBot.Tests.Review;

/// <summary>
/// The stage card reads the clock as it is when shown, not the start of the day: on the day of the learning event
/// it says the event has not taken place until it has ended, and after that it says nothing holds the stage.
/// </summary>
public sealed class StageCardClockTests
{
    // Wednesday 3 March 2027, the event from 10:00 to 11:30 UK time (GMT in March before the clocks change).
    private static readonly DateTimeOffset EventStarts = new(2027, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly BoardConfiguration Board = new()
    {
        BoardId = CaseSamples.Board,
        Name = "Test board",
        TenantId = "tenant",
        Agencies = [new("police", "Riverside Police")],
        People =
        [
            new(CaseSamples.Manager, "Bea Manager", "bea@example.org", [BoardRole.BusinessManager]),
            new("oid-police", "Pat Police", "pat@example.org", [BoardRole.PanelMember], "police"),
        ],
    };

    [Fact]
    public void On_the_day_of_the_learning_event_the_card_says_it_has_not_taken_place_only_until_it_has_ended()
    {
        var c = WithLearningEvent();

        Assert.Contains("has not taken place yet", NotReadyAt(c, EventStarts.AddMinutes(-30)), StringComparison.Ordinal);
        Assert.Contains("has not taken place yet", NotReadyAt(c, EventStarts.AddMinutes(89)), StringComparison.Ordinal);
        Assert.Null(NotReadyAt(c, EventStarts.AddMinutes(91)));
    }

    private static string? NotReadyAt(ReviewCase c, DateTimeOffset now)
        => ReviewCards.For(c, Board, CaseSamples.Manager, now)!.NotReady;

    private static ReviewCase WithLearningEvent()
    {
        var booked = new PanelMeeting("m1", PanelMeetingKinds.LearningEvent, EventStarts, "event-1")
        {
            Plan = new() { Status = PanelMeetingStatus.Scheduled, Picked = new(EventStarts, EventStarts.AddMinutes(90), []) },
        };
        return CaseSamples.NewCase(CaseReference.Create(RulebookKind.Scr, 2027, 3)) with
        {
            Stage = CaseStage.ReviewInitiated,
            Review = new ReviewProgress { Stage = ReviewStage.LearningDisseminated, StageStartedOn = new DateOnly(2027, 2, 1), StageDueOn = new DateOnly(2027, 4, 1) },
            Meetings = [booked],
            Learning = new LearningPlan
            {
                EventMeetingId = "m1",
                Disseminations = [new AgencyDissemination("police", new DateOnly(2027, 2, 26)) { PanelMemberObjectId = "oid-police", ConfirmedAt = EventStarts.AddDays(-5) }],
            },
        };
    }
}
