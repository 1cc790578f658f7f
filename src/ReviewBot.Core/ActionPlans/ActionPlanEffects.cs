using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;

namespace ReviewBot.Core.ActionPlans;

/// <summary>
/// What an action-plan or learning change sets off (written with the change, run by the outbox): the action's card
/// to a new owner, the dissemination card to each agency's panel member, the overview to the business manager when
/// the plan starts, and each reminder to its recipients.
/// </summary>
public static class ActionPlanEffects
{
    /// <summary>A reminder message to one person's 1:1 chat; detail <c>action:{item}:{n}</c> or <c>learning:{agency}:{n}</c>.</summary>
    public const string Reminder = "action-plan-reminder";

    /// <summary>Card purpose of the plan's overview.</summary>
    public const string OverviewCard = "action-plan";

    /// <summary>Card purpose prefix of one action's card: <c>action:{item}</c>.</summary>
    public const string ItemCardPrefix = "action:";

    /// <summary>Card purpose prefix of an agency's dissemination card: <c>learning:{agency}</c>.</summary>
    public const string LearningCardPrefix = "learning:";

    /// <summary>True for the effect kinds of this area.</summary>
    public static bool Handles(string kind) => kind == Reminder;

    /// <summary>The effects of a change.</summary>
    public static IEnumerable<CaseEffect> ForChange(ReviewCase before, ReviewCase after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var earlierItems = before.ActionPlan?.Items ?? [];
        if (earlierItems.Count == 0 && after.ActionPlan?.Items.Count > 0)
        {
            foreach (var manager in after.PartiesIn(BoardRole.BusinessManager).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                yield return new CaseEffect(CaseEffectKinds.PostCard, manager, OverviewCard);
            }
        }

        foreach (var item in after.ActionPlan?.Items ?? [])
        {
            var earlier = earlierItems.FirstOrDefault(i => i.Id == item.Id);
            if (earlier is null || !Same(earlier.OwnerObjectId, item.OwnerObjectId))
            {
                yield return new CaseEffect(CaseEffectKinds.PostCard, item.OwnerObjectId, ItemCardPrefix + item.Id);
            }

            foreach (var effect in Reminders("action:" + item.Id, earlier?.Reminders.Count ?? 0, item.Reminders))
            {
                yield return effect;
            }
        }

        var earlierTasks = before.Learning?.Disseminations ?? [];
        foreach (var task in after.Learning?.Disseminations ?? [])
        {
            var earlier = earlierTasks.FirstOrDefault(d => d.AgencyId == task.AgencyId);
            if (earlier is null && task.PanelMemberObjectId is { } member)
            {
                yield return new CaseEffect(CaseEffectKinds.PostCard, member, LearningCardPrefix + task.AgencyId);
            }

            foreach (var effect in Reminders("learning:" + task.AgencyId, earlier?.Reminders.Count ?? 0, task.Reminders))
            {
                yield return effect;
            }
        }
    }

    private static IEnumerable<CaseEffect> Reminders(string subject, int from, IReadOnlyList<Imr.ImrReminder> reminders)
    {
        for (var i = from; i < reminders.Count; i++)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"{subject}:{i}");
            foreach (var recipient in reminders[i].Recipients)
            {
                yield return new CaseEffect(Reminder, recipient, detail);
            }
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
