using Microsoft.Extensions.Options;
using ReviewBot.Bot.Messaging;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Ports;
using ReviewBot.Hosting;
using ReviewBot.Hosting.Telemetry;

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
    private readonly ReviewBotTelemetry? telemetry;
    private readonly string instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Creates the sweeper.</summary>
    public DeadlineSweepService(
        IDeadlineIndex deadlines, ICaseStore cases, IBoardDirectory boards, IServiceScopeFactory scopes, ICardRenderer cards,
        TimeProvider clock, IOptions<SweepOptions> options, ILogger<DeadlineSweepService> logger, ReviewBotTelemetry? telemetry = null)
    {
        this.telemetry = telemetry;
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

        var clockView = Referrals.ReferralCardMapper.Clock(c.Clocks.Last(k => k.Kind == ClockKinds.ChairDecision), BoardTime.Today(board, clock.GetUtcNow()));
        var offset = DeadlinePlanner.ReminderOffset(deadline);
        var text = offset > 0
            ? $"The decision on {c.Reference} was due on {clockView.DueOn} and is overdue. The decision card is in this chat."
            : $"Reminder: the decision on {c.Reference} is due on {clockView.DueOn} ({clockView.DaysLeftText}). The decision card is in this chat.";
        foreach (var chair in c.PartiesIn(BoardRole.BoardChair))
        {
            await messenger.SendCardToPersonAsync(chair.ObjectId, cards.Render(new MessageCard($"Decision due: {c.Reference}", text)), c.Reference.Value, cancellationToken);
        }

        LogReminded(logger, c.Reference.Value, offset);
        telemetry?.ReminderSent("decision");
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline sweep skipped: the store is unavailable")]
    private static partial void LogStoreDown(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chair reminded about {CaseReference} (offset {OffsetDays} days)")]
    private static partial void LogReminded(ILogger logger, string caseReference, int offsetDays);
}
