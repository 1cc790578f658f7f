using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;

namespace ReviewBot.Bot.Cases;

/// <summary>
/// A posted case card as one viewer should see it now, by purpose: the same view for the answer to a press, a
/// refresh and an update in place. The business manager's view also says what keeps failing to go out.
/// </summary>
public static class CaseViews
{
    /// <summary>The card for <paramref name="purpose"/> (<see cref="CaseCardPurposes"/>); unknown purposes get the recommendation card.</summary>
    public static ICardModel For(string? purpose, ReviewCase c, BoardConfiguration board, string? viewer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var problem = viewer is not null && c.DeliveryProblem is { } text && c.HasRole(viewer, BoardRole.BusinessManager) ? text : null;
        return purpose switch
        {
            CaseCardPurposes.Decision when c.Recommendation is not null => CaseCards.Decision(c, board, viewer, today) is var d && problem is not null
                ? d with { Status = $"{d.Status}. {problem}" }
                : d,
            CaseCardPurposes.Checklist => CaseCards.Checklist(c, board),
            Core.Meetings.MeetingEffects.SlotsCard => Meetings.MeetingCards.Slots(c, board, viewer),
            _ => Meetings.MeetingCards.OnCaseCard(CaseCards.Recommendation(c, board, viewer, today) is var r && problem is not null
                ? r with { Status = $"{r.Status}. {problem}" }
                : r, c, board),
        };
    }
}
