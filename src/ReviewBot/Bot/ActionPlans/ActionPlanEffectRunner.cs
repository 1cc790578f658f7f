using System.Globalization;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Messaging;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Imr;
using ReviewBot.Ports;
using ReviewBot.Teams;

namespace ReviewBot.Bot.ActionPlans;

/// <summary>
/// Sends an action-plan or dissemination reminder to one person's 1:1 chat, worded from the case as it stands (the
/// action, its due date, how overdue; no child's name). A transient failure throws so the outbox tries again; a
/// refusal no retry can change (no chat known, the app removed) is logged and counts as done.
/// </summary>
public sealed partial class ActionPlanEffectRunner(IConnectorClient connector, IConversationStore conversations, ICardRenderer cards, TimeProvider clock, ILogger<ActionPlanEffectRunner> logger)
{
    /// <summary>Runs one reminder effect.</summary>
    public async Task RunAsync(BoardConfiguration board, ReviewCase c, CaseEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(effect);
        var recipient = effect.Recipient ?? throw new InvalidDataException("An action plan reminder names no recipient.");
        if (Message(c, board, effect.Detail ?? string.Empty, BoardTime.Today(board, clock.GetUtcNow())) is not { } message)
        {
            return; // the item it names is gone
        }

        if (await conversations.FindPersonalAsync(recipient, cancellationToken) is not { } address)
        {
            LogNoChat(logger, c.Reference.Value);
            return;
        }

        try
        {
            await connector.SendToConversationAsync(TeamsMessenger.ToReference(address), Activity.CreateCard(cards.Render(message)), cancellationToken);
        }
        catch (ConnectorException e) when (!EffectFailures.IsTransient(e))
        {
            LogRefused(logger, c.Reference.Value, (int)e.StatusCode);
        }
    }

    /// <summary>The reminder's words for <paramref name="detail"/> (<c>action:{item}:{n}</c> or <c>learning:{agency}:{n}</c>), or null when it names nothing.</summary>
    public static MessageCard? Message(ReviewCase c, BoardConfiguration board, string detail, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var parts = (detail ?? string.Empty).Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        if (parts[0] == "action" && c.ActionPlan?.Find(parts[1]) is { } item && index < item.Reminders.Count)
        {
            var agency = ImrTexts.AgencyName(board, item.AgencyId);
            var overdue = ActionPlanViews.OverdueBy(item.DueOn, item.IsComplete, today, calendar);
            var when = overdue > 0 ? $"was due {ImrTexts.Day(item.DueOn)} and is overdue by {ActionPlanViews.WorkingDays(overdue)}" : $"is due {ImrTexts.Day(item.DueOn)}";
            return new MessageCard(
                overdue > 0 ? $"Action overdue: {c.Reference} ({agency})" : $"Action reminder: {c.Reference} ({agency})",
                $"Action {item.Id} on {c.Reference} ({agency}) {when}: {item.What}\n\nMeasure: {item.Measure}\n\nThe owner records progress on the action's card; type \"action plan {c.Reference}\" to see the plan.");
        }

        if (parts[0] == "learning" && c.Learning?.Disseminations.FirstOrDefault(d => d.AgencyId == parts[1]) is { } task && index < task.Reminders.Count)
        {
            var agency = ImrTexts.AgencyName(board, task.AgencyId);
            var overdue = ActionPlanViews.OverdueBy(task.DueOn, task.IsConfirmed, today, calendar);
            var when = overdue > 0 ? $"was due {ImrTexts.Day(task.DueOn)} and is overdue by {ActionPlanViews.WorkingDays(overdue)}" : $"is due {ImrTexts.Day(task.DueOn)}";
            return new MessageCard(
                overdue > 0 ? $"Learning overdue: {c.Reference} ({agency})" : $"Learning reminder: {c.Reference} ({agency})",
                $"{agency}'s dissemination of the learning from {c.Reference} {when}. The agency's panel member confirms it on the learning card.");
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No 1:1 chat is known for a recipient of an action plan reminder on {CaseReference}")]
    private static partial void LogNoChat(ILogger logger, string caseReference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams refused an action plan reminder on {CaseReference} ({Status}); not retried")]
    private static partial void LogRefused(ILogger logger, string caseReference, int status);
}
