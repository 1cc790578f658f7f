using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;

namespace ReviewBot.Core.Review;

/// <summary>What a review's stage change sets off: the stage card to the people who act at the new stage (pure, beside <see cref="CaseEffects"/>).</summary>
public static class ReviewEffects
{
    /// <summary>The stage card's purpose.</summary>
    public const string StageCard = "review-stage";

    /// <summary>Who gets the stage card when a stage starts: its actors and the people whose step it is.</summary>
    public static IReadOnlyList<BoardRole> Recipients(ReviewStage stage) => stage switch
    {
        ReviewStage.LeadReviewer => [.. ReviewStages.Rule(stage).Actors, BoardRole.SubGroupChair, BoardRole.BoardChair, BoardRole.DirectorOfChildrensServices, BoardRole.LeadReviewer],
        ReviewStage.DraftOverviewReport => [.. ReviewStages.Rule(stage).Actors],
        ReviewStage.PanelSignOff => [.. ReviewStages.Rule(stage).Actors, BoardRole.PanelMember],
        ReviewStage.Publication => [.. ReviewStages.Rule(stage).Actors, BoardRole.BoardChair],
        _ => ReviewStages.Rule(stage).Actors,
    };

    /// <summary>The stage card posted to each recipient when the review starts or its stage moves on.</summary>
    public static IEnumerable<CaseEffect> ForChange(ReviewCase before, ReviewCase after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (after.Review is not { } review || before.Review?.Stage == review.Stage || review.Stage == ReviewStage.Closed)
        {
            return [];
        }

        return Recipients(review.Stage).SelectMany(after.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(viewer => new CaseEffect(CaseEffectKinds.PostCard, viewer, StageCard));
    }
}
