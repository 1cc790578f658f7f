using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Bot.Cases;

/// <summary>
/// A case card as one viewer should see it now: the view <see cref="CaseVisibility"/> allows their roles, whatever
/// view was asked for, and the same for the answer to a press, a refresh and an update in place. The business
/// manager's view also says what keeps failing to go out.
/// </summary>
public static class CaseViews
{
    /// <summary>
    /// The card for <paramref name="purpose"/> (<see cref="Core.Effects.CaseCardPurposes"/>, or a refresh's <c>card</c>
    /// field) as <paramref name="viewer"/> may see it at <paramref name="now"/>; in a shared conversation only the status.
    /// </summary>
    public static ICardModel For(string? purpose, ReviewCase c, BoardConfiguration board, string viewer, DateTimeOffset now, bool sharedConversation = false)
    {
        ArgumentNullException.ThrowIfNull(c);
        var today = BoardTime.Today(board, now);
        var who = CaseVisibility.Of(c, viewer, board);
        var view = who.CardFor(CaseVisibility.CardNamed(purpose), sharedConversation);
        var problem = who.Holds(BoardRole.BusinessManager) && !sharedConversation ? c.DeliveryProblem : null;
        if (!sharedConversation && Imr.ImrCards.AgencyOf(purpose) is { } agency && Imr.ImrCards.For(c, agency, board, viewer, today) is { } imr)
        {
            return problem is null ? imr : imr with { Status = $"{imr.Status}. {problem}" };
        }

        if (!sharedConversation && purpose == Review.ReviewCards.Purpose && Review.ReviewCards.Sees(c, viewer, board) && Review.ReviewCards.For(c, board, viewer, now) is { } stage)
        {
            return problem is null ? stage : stage with { NotReady = $"{stage.NotReady} {problem}".Trim() };
        }

        if (!sharedConversation && ActionPlans.ActionPlanViews.For(purpose, c, board, viewer, today) is { } plan)
        {
            return plan;
        }

        if (purpose == Core.Meetings.MeetingEffects.SlotsCard && who.Holds(BoardRole.BusinessManager) && !sharedConversation)
        {
            // The slot card is the business manager's: everyone else gets what their role allows.
            return Meetings.MeetingCards.Slots(c, board, viewer);
        }

        return view.Card switch
        {
            CaseCard.Decision => CaseCards.Decision(c, board, viewer, today, view.ShowsReferral) is var d && problem is not null
                ? d with { Status = $"{d.Status}. {problem}" }
                : d,
            CaseCard.Recommendation => Meetings.MeetingCards.OnCaseCard(CaseCards.Recommendation(c, board, viewer, today) is var r && problem is not null
                ? r with { Status = $"{r.Status}. {problem}" }
                : r, c, board),
            CaseCard.Checklist => CaseCards.Checklist(c, board),
            _ => CaseCards.Status(c, today, sharedConversation ? null : viewer) is var s && problem is not null ? s with { Stage = $"{s.Stage}. {problem}" } : s,
        };
    }
}
