using System.Globalization;
using ReviewBot.Bot.Actions;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Imr;
using ReviewBot.Core.ActionPlans;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Learning;

namespace ReviewBot.Bot.ActionPlans;

/// <summary>
/// The action plan's buttons: the business manager adds or changes an action and asks the agencies to disseminate
/// the learning; an action's owner reports progress; an agency's panel member confirms dissemination. Every press is
/// checked on the server (<see cref="CaseWorkflow"/>); the answer is the card as the presser should now see it.
/// </summary>
public sealed class ActionPlanActions(CaseWorkflow workflow, EffectDispatcher effects, TimeProvider clock)
{
    /// <summary>The business manager saves an action (new when no item is chosen).</summary>
    public Task SaveAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => RunAsync(turn, action, ActionPlanEffects.OverviewCard, (reference, version, today) =>
        {
            var due = ImrActions.ReadDate(action.Field("dueOn"), today, "due date", out var problem);
            var itemId = action.Field("itemId");
            return (new SaveActionItemCommand
            {
                Case = reference,
                CardVersion = version,
                ItemId = string.IsNullOrWhiteSpace(itemId) || itemId.Trim() == ActionPlanViews.NewItem ? null : itemId.Trim(),
                Action = new SmartAction(action.Field("what"), action.Field("owner"), action.Field("agencyId"), due, action.Field("measure")),
            }, problem);
        }, cancellationToken);

    /// <summary>The owner reports progress on an action.</summary>
    public Task ProgressAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => RunAsync(turn, action, ActionPlanEffects.ItemCardPrefix + action.Field("itemId"), (reference, version, today) =>
        {
            var asOf = ImrActions.ReadDate(action.Field("asOf"), today, "date of the update", out var problem);
            return (new RecordActionProgressCommand
            {
                Case = reference,
                CardVersion = version,
                ItemId = action.Field("itemId") ?? string.Empty,
                Status = action.Field("status")?.Replace("-", string.Empty, StringComparison.Ordinal),
                Note = action.Field("note"),
                AsOf = asOf,
                EvidenceUrl = action.Field("evidenceUrl"),
            }, problem);
        }, cancellationToken);

    /// <summary>The business manager asks the agencies to disseminate the learning.</summary>
    public Task StartDisseminationAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => RunAsync(turn, action, ActionPlanEffects.OverviewCard, (reference, version, today) =>
        {
            var due = ImrActions.ReadDate(action.Field("disseminateBy"), today, "date", out var problem);
            return (new StartDisseminationCommand { Case = reference, CardVersion = version, DueOn = due }, problem);
        }, cancellationToken);

    /// <summary>An agency's panel member confirms the learning was disseminated.</summary>
    public Task ConfirmDisseminationAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => RunAsync(turn, action, ActionPlanEffects.LearningCardPrefix + action.Field("agencyId"), (reference, version, _) =>
            (new ConfirmDisseminationCommand { Case = reference, CardVersion = version, AgencyId = action.Field("agencyId") ?? string.Empty, Note = action.Field("note") }, null), cancellationToken);

    private async Task RunAsync(BotTurn turn, CardAction action, string purpose, Func<CaseReference, long, DateOnly, (CaseCommand Command, string? DateProblem)> commandFor, CancellationToken cancellationToken)
    {
        if (await CaseActions.CaseOfAsync(turn, action, cancellationToken) is not { } named)
        {
            return;
        }

        var (board, reference, actor) = named;
        var today = BoardTime.Today(board, clock.GetUtcNow());
        var version = long.TryParse(action.Field("version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
        var (command, dateProblem) = commandFor(reference, version, today);
        if (dateProblem is not null)
        {
            await turn.AnswerActionAsync(action, dateProblem, cancellationToken);
            return;
        }

        var result = await workflow.ExecuteAsync(board, command, actor, turn.Activity.Id, cancellationToken);
        await ActedCardAnswer.SendAsync(turn, action, command, result, effects, current => ActionPlanViews.For(purpose, current, board, actor, today) ?? CaseViews.For(null, current, board, actor, clock.GetUtcNow()), cancellationToken);
    }
}
