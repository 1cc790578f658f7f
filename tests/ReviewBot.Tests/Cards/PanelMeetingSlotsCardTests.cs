using ReviewBot.Cards.Models;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Scheduling;

namespace ReviewBot.Tests.Cards;

/// <summary>The slot card built from the slot finder's answer, and the slot ids a pick sends back.</summary>
public sealed class PanelMeetingSlotsCardTests
{
    private static readonly CaseReference Case = CaseReference.Create(RulebookKind.Scr, 2026, 7);

    private static readonly PanelMemberChoice[] Panel =
    [
        new("id-megan", "Megan Bowen", "meganb@example.com", "Police", Invited: true),
        new("id-adele", "Adele Vance", "adelev@example.com", "Children's Social Care", Invited: true),
        new("id-alex", "Alex Wilber", "alexw@example.com", "business manager", Invited: false),
    ];

    [Fact]
    public void Shows_slots_in_board_time_with_who_is_not_free()
    {
        var result = new SlotSearchResult(
            [Slot("2026-12-07T15:00:00Z", 90), Slot("2026-12-08T10:30:00Z", 90, "adelev@example.com", "stranger@example.com")], null);

        var card = PanelMeetingSlotsCard.For(Case, 5, result, Panel, TimeSpan.FromMinutes(90), new DateTimeOffset(2027, 1, 4, 17, 0, 0, TimeSpan.Zero), "Europe/London");

        Assert.Equal("Mon 4 Jan 2027", card.Deadline);
        Assert.Equal("90", card.DurationMinutes);
        Assert.Equal("id-megan,id-adele", card.PanelSelected);
        Assert.Equal("Megan Bowen (Police)", card.Panel[0].Title);
        Assert.Equal(new SlotView("20261207T1500Z-90", "Mon 7 Dec 2026, 15:00–16:30"), card.Slots[0]);
        Assert.Equal("Not free: Adele Vance, a panel member", card.Slots[1].Conflicts);
        Assert.Null(card.NoSlot);
    }

    [Fact]
    public void Without_a_slot_for_everyone_says_so_and_offers_the_next_window()
    {
        var result = new SlotSearchResult([Slot("2026-12-24T13:00:00Z", 120, "meganb@example.com")], Slot("2026-12-30T09:00:00Z", 120));

        var card = PanelMeetingSlotsCard.For(Case, 5, result, Panel, TimeSpan.FromHours(2), new DateTimeOffset(2026, 12, 29, 17, 0, 0, TimeSpan.Zero), "Europe/London");

        Assert.Equal("No time before Tue 29 Dec 2026 suits every required member.", card.NoSlot);
        Assert.Equal(new SlotView("20261230T0900Z-120", "Wed 30 Dec 2026, 09:00–11:00"), card.NextWindow);
    }

    [Fact]
    public void British_summer_time_shows_local_hours()
    {
        var card = PanelMeetingSlotsCard.For(Case, 1, new SlotSearchResult([Slot("2026-06-01T08:00:00Z", 60)], null), Panel, TimeSpan.FromHours(1), DateTimeOffset.Parse("2026-06-30T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "Europe/London");

        Assert.Equal("Mon 1 Jun 2026, 09:00–10:00", card.Slots[0].When);
    }

    [Theory]
    [InlineData("20261207T1500Z-90", true)]
    [InlineData("20261207T1500Z-0", false)]
    [InlineData("20261207T1500Z", false)]
    [InlineData("2026-12-07-90", false)]
    [InlineData("20261207T1500Z-90-1", false)]
    [InlineData(null, false)]
    public void Slot_ids_round_trip_and_anything_else_is_refused(string? slotId, bool valid)
    {
        Assert.Equal(valid, PanelSlotId.TryParse(slotId, out var time));
        if (valid)
        {
            Assert.Equal(slotId, PanelSlotId.Format(time));
            Assert.Equal(TimeSpan.FromMinutes(90), time.Duration);
        }
    }

    [Fact]
    public void The_card_has_no_child_or_narrative_fields()
    {
        var fields = typeof(PanelMeetingSlotsCard).GetProperties().Select(p => p.Name).ToHashSet();

        Assert.DoesNotContain(fields, f => f.Contains("Child", StringComparison.Ordinal) || f.Contains("Summary", StringComparison.Ordinal) || f.Contains("Narrative", StringComparison.Ordinal));
    }

    private static MeetingSlot Slot(string startUtc, int minutes, params string[] unavailable)
    {
        var start = DateTimeOffset.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture);
        return new MeetingSlot(new TimeRange(start, start.AddMinutes(minutes)), unavailable);
    }
}
