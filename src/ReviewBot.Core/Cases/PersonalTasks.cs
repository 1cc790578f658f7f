using ReviewBot.Core.Boards;

namespace ReviewBot.Core.Cases;

/// <summary>The kinds of thing that wait for one person on a case.</summary>
public enum PersonalTaskKind
{
    /// <summary>The sub-group chair's recommendation to the board chair.</summary>
    Recommend,

    /// <summary>The board chair's decision.</summary>
    Decide,

    /// <summary>The referrer's reply to a question from the board.</summary>
    ReplyToBoard,

    /// <summary>A follow-up checklist item (<see cref="PersonalTask.Subject"/>: its title).</summary>
    FollowUp,

    /// <summary>A statutory clock the person's role owns (<see cref="PersonalTask.Subject"/>: its <see cref="ClockKinds"/> kind).</summary>
    Clock,

    /// <summary>Anything an <see cref="IPersonalTaskSource"/> adds (<see cref="PersonalTask.Subject"/>: what to do, in plain words).</summary>
    Other,
}

/// <summary>Something waiting for one person on one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Kind">What kind of task it is.</param>
/// <param name="Subject">The task's title, the clock's kind, or an extension's own words; no personal data.</param>
/// <param name="DueOn">The last day it is on time, in the board's time zone; null when nothing sets one.</param>
public sealed record PersonalTask(CaseReference Case, PersonalTaskKind Kind, string? Subject, DateOnly? DueOn);

/// <summary>
/// Where more of a person's tasks come from. The extension point for work the built-in list does not know (IMRs
/// waiting for their author, for one): register an implementation in the host and <c>my tasks</c> lists its tasks,
/// sorted with the rest.
/// </summary>
public interface IPersonalTaskSource
{
    /// <summary>The open tasks of <paramref name="objectId"/> (a party on the case: see <paramref name="who"/>) on <paramref name="reviewCase"/>.</summary>
    IEnumerable<PersonalTask> TasksFor(ReviewCase reviewCase, string objectId, CaseVisibility who, BoardConfiguration board);
}

/// <summary>
/// "My tasks": what waits for a person on a case — the recommendation, the decision, a reply to the board, follow-up
/// checklist items, clocks their role owns, and whatever the registered <see cref="IPersonalTaskSource"/>s add — by
/// the roles they hold on it (<see cref="CaseVisibility"/>).
/// </summary>
public sealed class PersonalTasks
{
    private readonly IReadOnlyList<IPersonalTaskSource> sources;

    /// <summary>Creates the list with extra sources beside the built-in tasks.</summary>
    public PersonalTasks(IEnumerable<IPersonalTaskSource> sources) => this.sources = [.. sources];

    /// <summary>The open tasks of <paramref name="objectId"/> on <paramref name="reviewCase"/>, soonest first (empty for a stranger or a closed case).</summary>
    public IReadOnlyList<PersonalTask> For(ReviewCase reviewCase, string objectId, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(reviewCase);
        var who = CaseVisibility.Of(reviewCase, objectId, board);
        if (!who.IsParty || !reviewCase.Stage.IsOpen())
        {
            return [];
        }

        return Soonest(BuiltIn(reviewCase, who, board).Concat(sources.SelectMany(s => s.TasksFor(reviewCase, objectId, who, board))));
    }

    /// <summary>Tasks with a due date first, the soonest first; then those without, in their order.</summary>
    public static IReadOnlyList<PersonalTask> Soonest(IEnumerable<PersonalTask> tasks)
        => [.. tasks.Select((task, i) => (task, i)).OrderBy(t => t.task.DueOn ?? DateOnly.MaxValue).ThenBy(t => t.i).Select(t => t.task)];

    private static IEnumerable<PersonalTask> BuiltIn(ReviewCase c, CaseVisibility who, BoardConfiguration board)
    {
        if (c.Stage == CaseStage.AwaitingRecommendation && who.Holds(BoardRole.SubGroupChair))
        {
            yield return new(c.Reference, PersonalTaskKind.Recommend, null, null);
        }

        if (c.Stage == CaseStage.AwaitingChairDecision && who.Holds(BoardRole.BoardChair))
        {
            var due = c.Clocks.LastOrDefault(k => k.Kind == ClockKinds.ChairDecision && k.CompletedAt is null)?.DueOn;
            yield return new(c.Reference, PersonalTaskKind.Decide, null, due);
        }

        if (c.Stage == CaseStage.MoreInformationRequested && who.Holds(BoardRole.Referrer))
        {
            yield return new(c.Reference, PersonalTaskKind.ReplyToBoard, null, null);
        }

        foreach (var task in c.Tasks.Where(t => t.DoneAt is null && who.Holds(t.OwnerRole)))
        {
            yield return new(c.Reference, PersonalTaskKind.FollowUp, task.Title, BoardTime.Today(board, task.DueAt));
        }

        foreach (var clock in c.Clocks.Where(k => k.CompletedAt is null && k.OwnerRole is { } owner && who.Holds(owner)))
        {
            yield return new(c.Reference, PersonalTaskKind.Clock, clock.Kind, clock.DueOn);
        }
    }
}
