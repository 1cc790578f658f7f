using Microsoft.Extensions.Options;
using ReviewBot.Bot.Messaging;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;
using ReviewBot.Telemetry;
using ReviewBot.Sweeps;

namespace ReviewBot.Bot.Reminders;

/// <summary>
/// Sends due reminders. The due entries are claimed first (so several instances and restarts send each once),
/// each case is re-read to check its reminder still stands, and the handled entries are marked done at the end of the pass.
/// </summary>
public sealed partial class DeadlineSweepService : PeriodicSweep<ClaimableDeadline>
{
    private readonly IDeadlineIndex deadlines;
    private readonly ICaseStore cases;
    private readonly IBoardDirectory boards;
    private readonly IServiceScopeFactory scopes;
    private readonly ICardRenderer cards;
    private readonly IOptions<SweepOptions> options;
    private readonly ILogger<DeadlineSweepService> logger;
    private readonly ReviewBotTelemetry? telemetry;
    private readonly string instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Creates the sweeper.</summary>
    public DeadlineSweepService(
        IDeadlineIndex deadlines, ICaseStore cases, IBoardDirectory boards, IServiceScopeFactory scopes, ICardRenderer cards,
        IStorageReadiness readiness, TimeProvider clock, IOptions<SweepOptions> options, ILogger<DeadlineSweepService> logger,
        ReviewBotTelemetry? telemetry = null)
        : base(readiness, clock, logger)
    {
        this.telemetry = telemetry;
        this.deadlines = deadlines;
        this.cases = cases;
        this.boards = boards;
        this.scopes = scopes;
        this.cards = cards;
        this.options = options;
        this.logger = logger;
    }

    /// <inheritdoc />
    protected override string Name => "Deadline";

    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.DeadlineInterval;

    /// <inheritdoc />
    /// <remarks>The due entries are claimed together (one request per due day), so several instances and restarts send each once.</remarks>
    protected override async Task<IReadOnlyList<ClaimableDeadline>> FindAsync(CancellationToken cancellationToken)
    {
        var due = await deadlines.GetDueAsync(Clock.GetUtcNow(), 100, cancellationToken);
        return due.Count == 0 ? due : await deadlines.ClaimAsync(due, instance, Clock.GetUtcNow() + options.Value.ClaimDuration, cancellationToken);
    }

    /// <inheritdoc />
    protected override string Describe(ClaimableDeadline item) => $"{item.Deadline.Case} {item.Deadline.Kind}";

    /// <inheritdoc />
    /// <remarks>A reminder that throws keeps its claim until it expires, then is tried again.</remarks>
    protected override Task<bool> HandleAsync(ClaimableDeadline item, CancellationToken cancellationToken) => RemindAsync(item.Deadline, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Marked done together at the end of the pass (one request per due day, not one per reminder), also when the
    /// host stops mid-pass. Only a crash (kill -9) during a pass, after some sends, sends those again once their
    /// claim expires: the duplicate window is one pass, where marking each at once would make it one send.
    /// </remarks>
    protected override Task FinishPassAsync(IReadOnlyList<ClaimableDeadline> finished, CancellationToken cancellationToken)
        => finished.Count == 0 ? Task.CompletedTask : deadlines.CompleteAsync(finished, cancellationToken);

    private async Task<bool> RemindAsync(Deadline deadline, CancellationToken cancellationToken)
    {
        var board = await boards.GetAsync(deadline.BoardId, cancellationToken);
        var c = board is null ? null : await cases.FindAsync(deadline.BoardId, deadline.Case, cancellationToken);
        if (board is null || c is null || !DeadlinePlanner.StillNeeded(deadline, c, board))
        {
            return false;
        }

        var today = BoardTime.Today(board, Clock.GetUtcNow());
        await using var scope = scopes.CreateAsyncScope();
        if (Core.Imr.ImrReminderPlanner.IsImrReminder(deadline))
        {
            return await scope.ServiceProvider.GetRequiredService<Imr.ImrChaser>().RemindAsync(board, deadline, cancellationToken);
        }

        if (Core.Review.ReviewReminderPlanner.IsReviewReminder(deadline))
        {
            return await scope.ServiceProvider.GetRequiredService<Review.ReviewReminders>().RemindAsync(board, c, deadline, cancellationToken);
        }

        if (Core.ActionPlans.ActionPlanChasing.Handles(deadline))
        {
            return await scope.ServiceProvider.GetRequiredService<Imr.ImrChaser>().RemindAsync(board, deadline, Core.ActionPlans.ActionPlanChasing.Record, cancellationToken);
        }

        var messenger = scope.ServiceProvider.GetRequiredService<TeamsMessenger>();
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

        telemetry?.ReminderSent("decision");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Chair reminded about {CaseReference} (offset {OffsetDays} days)")]
    private static partial void LogReminded(ILogger logger, string caseReference, int offsetDays);

    [LoggerMessage(Level = LogLevel.Information, Message = "Owner of {ClockKind} reminded about {CaseReference} (offset {OffsetWorkingDays} working days)")]
    private static partial void LogClockReminded(ILogger logger, string caseReference, string clockKind, int offsetWorkingDays);
}
