using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;

namespace ReviewBot.Core.Effects;

/// <summary>
/// Which effects a case change sets off: pure functions of the case before and after, so the store can write
/// them in the same batch as the change, and the host only carries them out.
/// </summary>
public static class CaseEffects
{
    /// <summary>Roles that receive (and act on) the recommendation card.</summary>
    public static readonly IReadOnlyList<BoardRole> RecommendationRecipients = [BoardRole.SubGroupChair, BoardRole.BusinessManager];

    /// <summary>Roles that receive (and act on) the decision card.</summary>
    public static readonly IReadOnlyList<BoardRole> DecisionRecipients = [BoardRole.BoardChair];

    /// <summary>Roles that receive the follow-up checklist.</summary>
    public static readonly IReadOnlyList<BoardRole> ChecklistRecipients = [BoardRole.BusinessManager, BoardRole.HeadOfSafeguarding];

    /// <summary>A new case: the recommendation card to the sub-group, the notice to the board's channel, its reminders.</summary>
    public static IReadOnlyList<CaseEffect> ForNewCase(ReviewCase created, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(board);
        List<CaseEffect> effects = [.. Posts(created, RecommendationRecipients, CaseCardPurposes.Recommendation)];
        if (board.Channel is not null)
        {
            effects.Add(new CaseEffect(CaseEffectKinds.BoardNotice));
        }

        AddDeadlines(effects, [], DeadlinePlanner.For(created, board));
        return effects;
    }

    /// <summary>
    /// A change: every posted card updated, whoever acts next told (in Teams, and in Outlook for the purposes
    /// <paramref name="mailing"/> lists), the referrer told, reminders kept in step.
    /// </summary>
    public static IReadOnlyList<CaseEffect> ForChange(ReviewCase before, ReviewCase after, BoardConfiguration board, CardMailing? mailing = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        List<CaseEffect> effects = [new CaseEffect(CaseEffectKinds.UpdatePostedCards)];
        if (before.Stage != CaseStage.AwaitingChairDecision && after.Stage == CaseStage.AwaitingChairDecision)
        {
            effects.AddRange(Posts(after, DecisionRecipients, CaseCardPurposes.Decision, mailing));
        }

        if (before.Decision is null && after.Decision is not null)
        {
            effects.AddRange(Referrers(after, "decision"));
            if (after.Tasks.Count > 0)
            {
                effects.AddRange(Posts(after, ChecklistRecipients, CaseCardPurposes.Checklist));
            }
        }

        if (after.InformationRequests.Count > before.InformationRequests.Count)
        {
            effects.AddRange(Referrers(after, "info:" + (after.InformationRequests.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        effects.AddRange(Imr.ImrEffects.ForChange(before, after, mailing));
        effects.AddRange(Meetings.MeetingEffects.ForChange(before, after, board));
        effects.AddRange(Review.ReviewEffects.ForChange(before, after));
        effects.AddRange(ActionPlans.ActionPlanEffects.ForChange(before, after));
        AddDeadlines(effects, DeadlinePlanner.NoLongerNeeded(before, after, board), DeadlinePlanner.For(after, board));
        return effects;
    }

    private static void AddDeadlines(List<CaseEffect> effects, IReadOnlyList<Deadlines.Deadline> cancel, IReadOnlyList<Deadlines.Deadline> schedule)
    {
        if (cancel.Count > 0)
        {
            effects.Add(new CaseEffect(CaseEffectKinds.CancelDeadlines, Deadlines: cancel));
        }

        if (schedule.Count > 0)
        {
            effects.Add(new CaseEffect(CaseEffectKinds.ScheduleDeadlines, Deadlines: schedule));
        }
    }

    /// <summary>The card to each holder of the roles in Teams, and by mail to Outlook when <paramref name="mailing"/> lists the purpose.</summary>
    private static IEnumerable<CaseEffect> Posts(ReviewCase c, IEnumerable<BoardRole> roles, string purpose, CardMailing? mailing = null)
        => roles.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(viewer => (mailing ?? CardMailing.None).Mails(purpose)
                ? [new CaseEffect(CaseEffectKinds.PostCard, viewer, purpose), new CaseEffect(CaseEffectKinds.MailCard, viewer, purpose)]
                : new[] { new CaseEffect(CaseEffectKinds.PostCard, viewer, purpose) });

    private static IEnumerable<CaseEffect> Referrers(ReviewCase c, string message)
        => c.PartiesIn(BoardRole.Referrer).Select(p => new CaseEffect(CaseEffectKinds.TellReferrer, p.ObjectId, message));
}
