using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Referrals;
using ReviewBot.Core.Scheduling;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Meetings;

/// <summary>Who sits on the panel, what each press records and which outbox effects each change sets off.</summary>
public class PanelMeetingPlanTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static readonly BoardConfiguration Panel = Board with
    {
        BoardMailbox = "board@example.org",
        Agencies = [new("police", "Riverside Police"), new("csc", "Children's Social Care"), new("housing", "Housing")],
        People =
        [
            .. Board.People.Select(p => p with { Email = p.ObjectId + "@example.org" }),
            new("oid-police", "Pat Police", "pat@example.org", [BoardRole.PanelMember], "police"),
            new("oid-housing", "Hal Housing", "hal@example.org", [BoardRole.SubGroupMember], "housing"),
            new("oid-designated-nurse", "Nia Nurse", "nia@example.org", [BoardRole.PanelMember]),
        ],
    };

    private static ReviewCase Referred() => NewCase() with
    {
        Referral = new Referral { Agencies = [new InvolvedAgency("Riverside Police", "police"), new InvolvedAgency("Children's Social Care")] },
    };

    [Fact]
    public void The_agencies_the_referral_names_and_the_standing_members_are_invited_other_agencies_offered()
    {
        var seats = PanelPlanner.Seats(Referred(), Panel);

        Assert.Equal(["oid-police", "oid-housing", BusinessManager, SubGroupChair, "oid-designated-nurse"], seats.Select(s => s.Person.ObjectId));
        Assert.Equal([true, false, true, true, true], seats.Select(s => s.InvitedByDefault));
        Assert.Equal(["Riverside Police", "Housing", "business manager", "sub-group chair", "panel member"], seats.Select(s => s.SitsFor));
        Assert.Equal(new HashSet<string> { "police", "csc" }, PanelPlanner.InvolvedAgencyIds(Referred(), Panel)); // "csc" matched by name
    }

    [Fact]
    public void Calling_a_meeting_asks_for_slots_and_the_first_answer_goes_to_the_business_manager()
    {
        var before = Referred();
        var called = new CallPanelMeetingCommand { Case = Reference, CardVersion = 3 }.Apply(before, Context()).Updated!;
        var meeting = called.Meetings.Single();

        Assert.Equal(Effect(MeetingEffectKinds.FindSlots, null, $"{meeting.Id}:1"), Single(MeetingEffects.ForChange(before, called, Panel)));
        var found = PanelMeetingOutcomes.SlotsFound(called, meeting.Id, 1, new SlotSearchResult([Slot(Monday)], null))!;
        Assert.Equal(Effect(CaseEffectKinds.PostCard, BusinessManager, MeetingEffects.SlotsCard), Single(MeetingEffects.ForChange(called, found, Panel)));
        Assert.Null(PanelMeetingOutcomes.SlotsFound(found, meeting.Id, 1, new SlotSearchResult([], null))); // a retried search writes nothing
    }

    [Fact]
    public void A_pick_books_then_moves_the_same_event_and_only_offered_future_slots_are_taken()
    {
        var offered = Offered();
        var meeting = offered.Meetings.Single();

        Assert.Contains("no longer on offer", Pick(offered, "20261208T1000Z-90").Problem, StringComparison.Ordinal);
        Assert.Contains("has passed", new PickPanelSlotCommand { Case = Reference, CardVersion = 3, SlotId = Id(Monday) }.Apply(offered, Context(Monday.AddHours(1))).Problem, StringComparison.Ordinal);

        var booking = Pick(offered, Id(Monday)).Updated!;
        Assert.Equal(Effect(MeetingEffectKinds.Create, null, meeting.Id), Single(MeetingEffects.ForChange(offered, booking, Panel)));
        var booked = PanelMeetingOutcomes.Booked(booking, meeting.Id, Event(AttendeeResponse.None), new DateOnly(2026, 12, 3))!;
        Assert.Equal([Effect(MeetingEffectKinds.AskForReport, "oid-police", meeting.Id)], MeetingEffects.ForChange(booking, booked, Panel));
        Assert.Null(PanelMeetingOutcomes.Booked(booked, meeting.Id, Event(AttendeeResponse.None), new DateOnly(2026, 12, 3))); // the create retried

        var moving = Pick(booked, Id(Monday)).Updated!;
        Assert.Equal(PanelMeetingStatus.Rescheduling, PanelMeetings.Current(moving)!.Plan!.Status);
        Assert.Equal(Effect(MeetingEffectKinds.Reschedule, null, meeting.Id), Single(MeetingEffects.ForChange(booked, moving, Panel)));
        Assert.Contains("still sending", Pick(moving, Id(Monday)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_new_decline_by_a_required_member_flags_the_business_manager()
    {
        var booked = PanelMeetingOutcomes.Booked(Pick(Offered(), Id(Monday)).Updated!, Offered().Meetings.Single().Id, Event(AttendeeResponse.None), new DateOnly(2026, 12, 3))!;
        var id = booked.Meetings.Single().Id;

        var declined = PanelMeetingOutcomes.ResponsesRead(booked, id, Event(AttendeeResponse.Declined))!;
        Assert.Equal(Effect(CaseEffectKinds.PostCard, BusinessManager, MeetingEffects.SlotsCard), Single(MeetingEffects.ForChange(booked, declined, Panel)));
        Assert.Null(PanelMeetingOutcomes.ResponsesRead(declined, id, Event(AttendeeResponse.Declined))); // the next poll writes nothing
        var accepted = PanelMeetingOutcomes.ResponsesRead(booked, id, Event(AttendeeResponse.Accepted))!;
        Assert.Empty(MeetingEffects.ForChange(booked, accepted, Panel));
    }

    [Fact]
    public void Cancel_before_booking_drops_the_meeting_and_after_booking_cancels_the_event()
    {
        var offered = Offered();
        var cancel = new CancelPanelMeetingCommand { Case = Reference, CardVersion = 3 };

        Assert.Equal(PanelMeetingStatus.Cancelled, PanelMeetings.Current(cancel.Apply(offered, Context()).Updated!)!.Plan!.Status);
        var booked = PanelMeetingOutcomes.Booked(Pick(offered, Id(Monday)).Updated!, offered.Meetings.Single().Id, Event(AttendeeResponse.None), new DateOnly(2026, 12, 3))!;
        var cancelling = cancel.Apply(booked, Context()).Updated!;
        Assert.Equal(Effect(MeetingEffectKinds.Cancel, null, booked.Meetings.Single().Id), Single(MeetingEffects.ForChange(booked, cancelling, Panel)));
    }

    private static ReviewCase Offered()
    {
        var called = new CallPanelMeetingCommand { Case = Reference, CardVersion = 3 }.Apply(Referred(), Context()).Updated!;
        return PanelMeetingOutcomes.SlotsFound(called, called.Meetings.Single().Id, 1, new SlotSearchResult([Slot(Monday)], null))!;
    }

    private static CommandResult Pick(ReviewCase c, string slotId)
        => new PickPanelSlotCommand { Case = Reference, CardVersion = 3, SlotId = slotId }.Apply(c, Context());

    private static CaseCommandContext Context(DateTimeOffset? now = null)
        => new(Panel, BusinessManager, now ?? Monday.AddDays(-7), BoardTime.Today(Panel, now ?? Monday.AddDays(-7)), WorkingDayCalendar.EnglandAndWales);

    private static MeetingSlot Slot(DateTimeOffset start) => new(new TimeRange(start, start.AddMinutes(90)), []);

    private static string Id(DateTimeOffset start) => PanelSlotIds.Format(start, start.AddMinutes(90));

    private static PanelEvent Event(AttendeeResponse police)
        => new("event-1", new TimeRange(Monday, Monday.AddMinutes(90)), "https://teams.microsoft.com/l/meetup-join/x", [new("pat@example.org", true, police)], false);

    private static CaseEffect Effect(string kind, string? recipient, string detail) => new(kind, recipient, detail);

    private static CaseEffect Single(IEnumerable<CaseEffect> effects) => Assert.Single(effects);
}
