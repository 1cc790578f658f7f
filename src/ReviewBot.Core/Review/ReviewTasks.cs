using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Review;

/// <summary>"My tasks": the current review stage for the people whose role moves it on, with its due date.</summary>
public sealed class ReviewTasks : IPersonalTaskSource
{
    /// <inheritdoc />
    public IEnumerable<PersonalTask> TasksFor(ReviewCase reviewCase, string objectId, CaseVisibility who, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(reviewCase);
        ArgumentNullException.ThrowIfNull(who);
        if (reviewCase.Stage != CaseStage.ReviewInitiated || reviewCase.Review is not { Stage: not ReviewStage.Closed } review
            || !who.HoldsAny(ReviewStages.Rule(review.Stage).Actors))
        {
            return [];
        }

        return [new PersonalTask(reviewCase.Reference, PersonalTaskKind.Other, $"Review stage: {ReviewStages.Title(review.Stage, reviewCase.Rulebook)}", review.StageDueOn)];
    }
}
