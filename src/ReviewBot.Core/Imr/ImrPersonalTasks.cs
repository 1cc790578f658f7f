using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Imr;

/// <summary>
/// The IMR work in <c>my tasks</c>: the author's independence statement and the IMR itself (due on the request's
/// due date), and the panel member's confirmation that a submitted IMR arrived. Agency names only, no case detail.
/// </summary>
public sealed class ImrPersonalTasks : IPersonalTaskSource
{
    /// <inheritdoc />
    public IEnumerable<PersonalTask> TasksFor(ReviewCase reviewCase, string objectId, CaseVisibility who, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(reviewCase);
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(board);
        if (reviewCase.Stage != CaseStage.ReviewInitiated)
        {
            yield break;
        }

        foreach (var request in reviewCase.ImrRequests)
        {
            var agency = ImrTexts.AgencyName(board, request.AgencyId);
            if (!request.IsSubmitted && Same(request.AuthorObjectId, objectId) && who.Holds(BoardRole.ImrAuthor))
            {
                if (request.Independence is null)
                {
                    yield return new(reviewCase.Reference, PersonalTaskKind.Other, $"Confirm your independence as author of {agency}'s IMR (on the IMR card)", request.DueOn);
                }

                yield return new(reviewCase.Reference, PersonalTaskKind.Other, $"Send {agency}'s IMR with its chronology and mark it submitted on the IMR card", request.DueOn);
            }

            if (request.IsSubmitted && request.ReceivedAt is null && Same(request.PanelMemberObjectId, objectId) && who.Holds(BoardRole.PanelMember))
            {
                yield return new(reviewCase.Reference, PersonalTaskKind.Other, $"Confirm {agency}'s submitted IMR arrived (on the IMR card)", null);
            }
        }
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
