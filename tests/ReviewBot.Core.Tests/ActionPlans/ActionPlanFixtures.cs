using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Tests.Decisions;

namespace ReviewBot.Core.Tests.ActionPlans;

/// <summary>The decisions board with two agencies, an action owner and the police's panel member; an agreed review.</summary>
internal static class ActionPlanFixtures
{
    public const string Owner = "oid-owner-police";
    public const string HealthOwner = "oid-owner-health";
    public const string PoliceePanel = "oid-panel-police";

    public static BoardConfiguration Board { get; } = CaseFixtures.Board with
    {
        Agencies = [new Agency("police", "Riverside Police"), new Agency("health", "Community Health")],
        People =
        [
            .. CaseFixtures.Board.People,
            new(Owner, "Olive Owner", "olive@example.org", [], "police"),
            new(HealthOwner, "Hal Health", "hal@example.org", [], "health"),
            new(PoliceePanel, "Pat Panel", "pat@example.org", [BoardRole.PanelMember], "police"),
        ],
    };

    /// <summary>Monday 30 November 2026.</summary>
    public static DateOnly Today { get; } = new(2026, 11, 30);

    public static ReviewCase Agreed() => CaseFixtures.NewCase(CaseStage.ReviewInitiated);

    public static CaseCommandContext Context(string actor, DateOnly? today = null)
    {
        var day = today ?? Today;
        return new(Board, actor, new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), day, WorkingDayCalendar.EnglandAndWales);
    }
}
