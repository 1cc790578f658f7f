using System.Globalization;
using ReviewBot.Cards.Models;
using ReviewBot.Core.ActionPlans;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Imr;
using ReviewBot.Core.Learning;

namespace ReviewBot.Bot.ActionPlans;

/// <summary>
/// The action plan's cards as one viewer should see them: the overview (for the panel: business manager, chairs,
/// panel members, lead reviewer), one action (its owner and the overview's readers), an agency's dissemination (its
/// panel member and the readers). Anyone else gets null, and the caller falls back to what their role allows.
/// </summary>
public static class ActionPlanViews
{
    /// <summary>Roles that see the whole plan.</summary>
    public static IReadOnlyList<BoardRole> OverviewReaders { get; } =
        [BoardRole.BusinessManager, BoardRole.BoardChair, BoardRole.SubGroupChair, BoardRole.PanelMember, BoardRole.LeadReviewer];

    /// <summary>The edit choice's value for a new action.</summary>
    public const string NewItem = "new";

    /// <summary>The card for an action-plan purpose, or null for another purpose or a viewer it is not for.</summary>
    public static ICardModel? For(string? purpose, ReviewCase c, BoardConfiguration board, string viewer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        if (purpose == ActionPlanEffects.OverviewCard)
        {
            return Overview(c, board, viewer, today);
        }

        if (purpose?.StartsWith(ActionPlanEffects.ItemCardPrefix, StringComparison.Ordinal) == true)
        {
            return Item(c, purpose[ActionPlanEffects.ItemCardPrefix.Length..], board, viewer, today);
        }

        return purpose?.StartsWith(ActionPlanEffects.LearningCardPrefix, StringComparison.Ordinal) == true
            ? Dissemination(c, purpose[ActionPlanEffects.LearningCardPrefix.Length..], board, viewer, today)
            : null;
    }

    /// <summary>The overview, or null for a viewer who may not read it.</summary>
    public static ActionPlanCard? Overview(ReviewCase c, BoardConfiguration board, string viewer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var who = CaseVisibility.Of(c, viewer, board);
        if (!who.HoldsAny(OverviewReaders))
        {
            return null;
        }

        var manager = who.Holds(BoardRole.BusinessManager) && ActionPlanStages.IsUnderWay(c.Stage);
        var items = c.ActionPlan?.Items ?? [];
        return new ActionPlanCard
        {
            CaseRef = c.Reference,
            Version = c.Version,
            Summary = Summary(c, today) ?? "No actions yet.",
            Items = [.. items.Select(i => Line(i, board, today))],
            Disseminations = [.. (c.Learning?.Disseminations ?? []).Select(d => Line(d, board, today))],
            CanAdd = manager,
            CanStartDissemination = manager,
            EditChoices = manager ? [new PersonChoice("A new action", NewItem), .. items.Where(i => !i.IsComplete).Select(i => new PersonChoice(Short(i.What), i.Id))] : [],
            OwnerChoices = manager ? [.. board.People.Select(p => new PersonChoice(p.AgencyId is { } a ? $"{p.DisplayName} ({ImrTexts.AgencyName(board, a)})" : p.DisplayName, p.ObjectId))] : [],
            AgencyChoices = manager ? [.. board.Agencies.Select(a => new PersonChoice(a.Name, a.Id))] : [],
            RefreshUserIds = [.. OverviewReaders.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }

    /// <summary>The plan in one sentence for <c>status</c>, or null when it has no actions and no dissemination.</summary>
    public static string? Summary(ReviewCase c, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var items = c.ActionPlan?.Items ?? [];
        var tasks = c.Learning?.Disseminations ?? [];
        if (items.Count == 0 && tasks.Count == 0)
        {
            return null;
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        var overdue = items.Count(i => OverdueBy(i.DueOn, i.IsComplete, today, calendar) > 0);
        var plan = string.Create(CultureInfo.InvariantCulture,
            $"Action plan: {items.Count} action{(items.Count == 1 ? string.Empty : "s")}, {items.Count(i => i.IsComplete)} complete, {items.Count(i => i.Status == ActionItemStatus.AtRisk && !i.IsComplete)} at risk, {overdue} overdue");
        return tasks.Count == 0 ? plan
            : plan + string.Create(CultureInfo.InvariantCulture, $"; learning disseminated by {tasks.Count(t => t.IsConfirmed)} of {tasks.Count} agencies");
    }

    private static ActionItemCard? Item(ReviewCase c, string itemId, BoardConfiguration board, string viewer, DateOnly today)
    {
        if (c.ActionPlan?.Find(itemId) is not { } item)
        {
            return null;
        }

        var who = CaseVisibility.Of(c, viewer, board);
        var isOwner = who.Holds(BoardRole.ActionOwner) && string.Equals(item.OwnerObjectId, viewer, StringComparison.OrdinalIgnoreCase);
        if (!isOwner && !who.HoldsAny(OverviewReaders))
        {
            return null;
        }

        return new ActionItemCard
        {
            CaseRef = c.Reference,
            Version = c.Version,
            Card = ActionPlanEffects.ItemCardPrefix + item.Id,
            ItemId = item.Id,
            Item = Line(item, board, today),
            Updates = [.. item.Updates.Select(u => $"{Day(u.AsOf)}: {StatusWords(u.Status)}. {u.Note}")],
            EvidenceUrl = item.Completion?.EvidenceUrl,
            TodayValue = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CanUpdate = isOwner && !item.IsComplete && ActionPlanStages.IsUnderWay(c.Stage),
            RefreshUserIds = [.. OverviewReaders.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Append(item.OwnerObjectId).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }

    private static DisseminationCard? Dissemination(ReviewCase c, string agencyId, BoardConfiguration board, string viewer, DateOnly today)
    {
        if (c.Learning?.Disseminations.FirstOrDefault(d => d.AgencyId == agencyId) is not { } task)
        {
            return null;
        }

        var who = CaseVisibility.Of(c, viewer, board);
        // The agency's panel member, or the business manager standing in for an agency with none.
        var isPanel = who.HoldsAny([BoardRole.PanelMember, BoardRole.BusinessManager]) && string.Equals(task.PanelMemberObjectId, viewer, StringComparison.OrdinalIgnoreCase);
        if (!isPanel && !who.HoldsAny(OverviewReaders))
        {
            return null;
        }

        return new DisseminationCard
        {
            CaseRef = c.Reference,
            Version = c.Version,
            Card = ActionPlanEffects.LearningCardPrefix + agencyId,
            AgencyId = agencyId,
            Line = Line(task, board, today),
            Note = task.Note,
            CanConfirm = isPanel && !task.IsConfirmed && ActionPlanStages.IsUnderWay(c.Stage),
            RefreshUserIds = [.. OverviewReaders.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }

    private static ActionPlanLine Line(ActionPlanItem item, BoardConfiguration board, DateOnly today)
    {
        var overdue = OverdueBy(item.DueOn, item.IsComplete, today, WorkingDayCalendar.EnglandAndWales);
        var status = item.Completion is { } done ? $"Complete on {Day(DateOnly.FromDateTime(done.At.UtcDateTime))}"
            : overdue > 0 ? $"{StatusWords(item.Status)}; overdue by {WorkingDays(overdue)}"
            : StatusWords(item.Status);
        return new ActionPlanLine(item.Id, item.What, ImrTexts.AgencyName(board, item.AgencyId), board.FindPerson(item.OwnerObjectId)?.DisplayName ?? "not named", Day(item.DueOn), status, overdue > 0, item.Measure);
    }

    private static DisseminationLine Line(AgencyDissemination task, BoardConfiguration board, DateOnly today)
    {
        var overdue = OverdueBy(task.DueOn, task.IsConfirmed, today, WorkingDayCalendar.EnglandAndWales);
        var status = task.ConfirmedAt is { } at ? $"Disseminated (confirmed {Day(DateOnly.FromDateTime(at.UtcDateTime))})"
            : overdue > 0 ? $"Overdue by {WorkingDays(overdue)} (was due {Day(task.DueOn)})"
            : $"Due {Day(task.DueOn)}";
        return new DisseminationLine(ImrTexts.AgencyName(board, task.AgencyId), status, overdue > 0);
    }

    /// <summary>Working days overdue today (0 when done or not yet due).</summary>
    public static int OverdueBy(DateOnly dueOn, bool done, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return done || today <= dueOn ? 0 : calendar.WorkingDaysBetween(dueOn, today);
    }

    /// <summary>"1 working day", "3 working days".</summary>
    public static string WorkingDays(int n) => string.Create(CultureInfo.InvariantCulture, $"{n} working day{(n == 1 ? string.Empty : "s")}");

    private static string StatusWords(ActionItemStatus status) => status switch
    {
        ActionItemStatus.OnTrack => "On track",
        ActionItemStatus.AtRisk => "At risk",
        ActionItemStatus.Complete => "Complete",
        _ => "Not started",
    };

    // Dates in words, as on the IMR card: "Wednesday 31 March 2027".
    private static string Day(DateOnly day) => ImrTexts.Day(day);

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
