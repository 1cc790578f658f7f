using Microsoft.Extensions.Options;
using ReviewBot.Bot.Messaging;
using ReviewBot.Core.Boards;
using ReviewBot.Ports;
using ReviewBot.Telemetry;
using ReviewBot.Sweeps;
using ReviewBot.Teams;

namespace ReviewBot.Bot.Referrals;

/// <summary>
/// Referral drafts untouched for the board's draft lifetime are discarded after one reminder: the
/// reminder goes two days before the end, and a draft touched since is left alone (the store's
/// conditional delete and mark, on the ETag the sweep read, see the change).
/// </summary>
public sealed class DraftSweepService : PeriodicSweep<DraftSweepService.StaleDraft>
{
    private readonly IConversationStore conversations;
    private readonly IBoardDirectory boards;
    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<SweepOptions> options;
    private readonly ReviewBotTelemetry? telemetry;

    /// <summary>Creates the sweeper.</summary>
    public DraftSweepService(
        IConversationStore conversations, IBoardDirectory boards, IServiceScopeFactory scopes, IStorageReadiness readiness, TimeProvider clock,
        IOptions<SweepOptions> options, ILogger<DraftSweepService> logger, ReviewBotTelemetry? telemetry = null)
        : base(readiness, clock, logger)
    {
        this.telemetry = telemetry;
        this.conversations = conversations;
        this.boards = boards;
        this.scopes = scopes;
        this.options = options;
    }

    /// <inheritdoc />
    protected override string Name => "Draft";

    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.DraftInterval;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<StaleDraft>> FindAsync(CancellationToken cancellationToken)
    {
        var all = await boards.ListAsync(cancellationToken);
        // One deployment usually serves one board; with several, the shortest lifetime protects everyone's data.
        var lifetime = TimeSpan.FromDays(all.Count == 0 ? 14 : all.Min(b => b.DraftLifetimeDays));
        var warning = TimeSpan.FromDays(Math.Min(2, lifetime.TotalDays / 2));
        var board = all.Count > 0 ? all[0] : null;
        var found = new List<StaleDraft>();
        await foreach (var stale in conversations.ListDialogsUpdatedBeforeAsync(Clock.GetUtcNow() - lifetime + warning, cancellationToken))
        {
            if (stale.Dialog.Flow == ReferralDialog.FlowName)
            {
                found.Add(new StaleDraft(stale, lifetime, board));
            }
        }

        return found;
    }

    /// <inheritdoc />
    protected override string Describe(StaleDraft item) => "a referral draft";

    /// <inheritdoc />
    protected override async Task<bool> HandleAsync(StaleDraft item, CancellationToken cancellationToken)
    {
        var (stale, lifetime, board) = item;
        var now = Clock.GetUtcNow();
        if (stale.Dialog.RemindedAt is null)
        {
            var endsAt = stale.Dialog.UpdatedAt + lifetime;
            var endsOn = board is not null ? BoardTime.Today(board, endsAt) : DateOnly.FromDateTime(endsAt.UtcDateTime);
            if (await conversations.TryMarkRemindedAsync(stale, now, cancellationToken))
            {
                await SayAsync(stale, $"You have an unfinished referral. It will be discarded on {ReferralCardMapper.Day(endsOn)} unless you carry on: type 'summary' to see where you were.", cancellationToken);
                telemetry?.ReminderSent("draft");
                return true;
            }
        }
        else if (stale.Dialog.UpdatedAt <= now - lifetime && await conversations.TryDeleteDialogAsync(stale, cancellationToken))
        {
            await SayAsync(stale, "Your unfinished referral was discarded because it had not been touched for a while. Type 'refer' to start again.", cancellationToken);
            return true;
        }

        return false;
    }

    private async Task SayAsync(StaleDialog stale, string text, CancellationToken cancellationToken)
    {
        var snapshot = await conversations.LoadAsync(stale.ConversationId, stale.UserKey, cancellationToken);
        if (snapshot.Address is { } address)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TeamsMessenger>().SendAsync(address, Activity.CreateMessage(text), "referral draft", cancellationToken);
        }
    }

    /// <summary>A stale draft with the lifetime it is judged by and the board whose calendar names the day.</summary>
    /// <param name="Stale">The dialog as listed (its ETag guards the mark and the delete).</param>
    /// <param name="Lifetime">The draft lifetime.</param>
    /// <param name="Board">The board, when there is one.</param>
    public sealed record StaleDraft(StaleDialog Stale, TimeSpan Lifetime, BoardConfiguration? Board);
}
