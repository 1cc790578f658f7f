using Microsoft.Extensions.Options;
using ReviewBot.Bot.Messaging;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Ports;
using ReviewBot.Hosting;

namespace ReviewBot.Bot.Reminders;

/// <summary>
/// Sends due reminders. Each due entry is claimed first (so several instances and restarts send it once),
/// the case is re-read to check the reminder still stands, and the entry is removed when handled.
/// </summary>
public sealed partial class DeadlineSweepService : BackgroundService
{
    private readonly IDeadlineIndex deadlines;
    private readonly ICaseStore cases;
    private readonly IBoardDirectory boards;
    private readonly IServiceScopeFactory scopes;
    private readonly ICardRenderer cards;
    private readonly TimeProvider clock;
    private readonly IOptions<SweepOptions> options;
    private readonly ILogger<DeadlineSweepService> logger;
    private readonly string instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Creates the sweeper.</summary>
    public DeadlineSweepService(
        IDeadlineIndex deadlines, ICaseStore cases, IBoardDirectory boards, IServiceScopeFactory scopes, ICardRenderer cards,
        TimeProvider clock, IOptions<SweepOptions> options, ILogger<DeadlineSweepService> logger)
    {
        this.deadlines = deadlines;
        this.cases = cases;
        this.boards = boards;
        this.scopes = scopes;
        this.cards = cards;
        this.clock = clock;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>Handles every due entry once; returns how many reminders were sent.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        await using var scope = scopes.CreateAsyncScope();
        var messenger = scope.ServiceProvider.GetRequiredService<TeamsMessenger>();
        foreach (var due in await deadlines.GetDueAsync(now, 100, cancellationToken))
        {
            if (!await deadlines.TryClaimAsync(due, instance, now + options.Value.ClaimDuration, cancellationToken))
            {
                continue;
            }

            sent += await RemindAsync(due.Deadline, messenger, cancellationToken) ? 1 : 0;
            await deadlines.CompleteAsync(due, cancellationToken);
        }

        return sent;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlineInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (StoreUnavailableException)
            {
                LogStoreDown(logger);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> RemindAsync(Deadline deadline, TeamsMessenger messenger, CancellationToken cancellationToken)
    {
        var board = await boards.GetAsync(deadline.BoardId, cancellationToken);
        var c = board is null ? null : await cases.FindAsync(deadline.BoardId, deadline.Case, cancellationToken);
        if (board is null || c is null || !DeadlinePlanner.StillNeeded(deadline, c, board))
        {
            return false;
        }

        var today = BoardTime.Today(board, clock.GetUtcNow());
        var offset = DeadlinePlanner.ReminderOffset(deadline);
        if (DeadlinePlanner.ReminderClockKind(deadline) is { } kind)
        {
            await RemindOwnersAsync(c, kind, board, today, messenger, cancellationToken);
            LogClockReminded(logger, c.Reference.Value, kind, offset);
            return true;
        }

        var clockView = Referrals.ReferralCardMapper.Clock(c.Clocks.Last(k => k.Kind == ClockKinds.ChairDecision), today);
        var where = c.Recommendation is null ? "The sub-group has not recommended yet." : "The decision card is in this chat.";
        var text = offset > 0
            ? $"The decision on {c.Reference} was due on {clockView.DueOn} and is overdue. {where}"
            : $"Reminder: the decision on {c.Reference} is due on {clockView.DueOn} ({clockView.DaysLeftText}). {where}";
        foreach (var chair in c.PartiesIn(BoardRole.BoardChair))
        {
            await messenger.SendCardToPersonAsync(chair.ObjectId, cards.Render(new MessageCard($"Decision due: {c.Reference}", text)), c.Reference.Value, cancellationToken);
        }

        LogReminded(logger, c.Reference.Value, offset);
        return true;
    }

    // The owner's role on the case, as the clock names it: the card's "Mark done" is checked against it again on press.
    private async Task RemindOwnersAsync(ReviewCase c, string kind, BoardConfiguration board, DateOnly today, TeamsMessenger messenger, CancellationToken cancellationToken)
    {
        var owner = c.Clocks.Last(k => k.Kind == kind).OwnerRole!.Value;
        var card = cards.Render(ClockReminderCards.For(c, kind, board, today)!);
        foreach (var holder in c.PartiesIn(owner).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await messenger.SendCardToPersonAsync(holder, card, c.Reference.Value, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline sweep skipped: the store is unavailable")]
    private static partial void LogStoreDown(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chair reminded about {CaseReference} (offset {OffsetDays} days)")]
    private static partial void LogReminded(ILogger logger, string caseReference, int offsetDays);

    [LoggerMessage(Level = LogLevel.Information, Message = "Owner of {ClockKind} reminded about {CaseReference} (offset {OffsetWorkingDays} working days)")]
    private static partial void LogClockReminded(ILogger logger, string caseReference, string clockKind, int offsetWorkingDays);
}
