using Microsoft.Extensions.Options;
using ReviewBot.Bot.Messaging;
using ReviewBot.Core.Ports;
using ReviewBot.Hosting;
using ReviewBot.Hosting.Telemetry;
using ReviewBot.Teams;

namespace ReviewBot.Bot.Referrals;

/// <summary>
/// Referral drafts untouched for the board's draft lifetime are discarded after one reminder: the
/// reminder goes two days before the end, and a draft touched since is left alone (the store's
/// conditional delete sees the change).
/// </summary>
public sealed partial class DraftSweepService : BackgroundService
{
    private readonly IConversationStore conversations;
    private readonly IBoardDirectory boards;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly IOptions<SweepOptions> options;
    private readonly ILogger<DraftSweepService> logger;
    private readonly ReviewBotTelemetry? telemetry;

    /// <summary>Creates the sweeper.</summary>
    public DraftSweepService(IConversationStore conversations, IBoardDirectory boards, IServiceScopeFactory scopes, TimeProvider clock, IOptions<SweepOptions> options, ILogger<DraftSweepService> logger, ReviewBotTelemetry? telemetry = null)
    {
        this.telemetry = telemetry;
        this.conversations = conversations;
        this.boards = boards;
        this.scopes = scopes;
        this.clock = clock;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>Reminds or discards every stale draft once; returns (reminded, discarded).</summary>
    public async Task<(int Reminded, int Discarded)> SweepAsync(CancellationToken cancellationToken)
    {
        var all = await boards.ListAsync(cancellationToken);
        // One deployment usually serves one board; with several, the shortest lifetime protects everyone's data.
        var lifetime = TimeSpan.FromDays(all.Count == 0 ? 14 : all.Min(b => b.DraftLifetimeDays));
        var warning = TimeSpan.FromDays(Math.Min(2, lifetime.TotalDays / 2));
        var now = clock.GetUtcNow();
        var (reminded, discarded) = (0, 0);
        await using var scope = scopes.CreateAsyncScope();
        var messenger = scope.ServiceProvider.GetRequiredService<TeamsMessenger>();
        await foreach (var stale in conversations.ListDialogsUpdatedBeforeAsync(now - lifetime + warning, cancellationToken))
        {
            if (stale.Dialog.Flow != ReferralDialog.FlowName)
            {
                continue;
            }

            if (stale.Dialog.RemindedAt is null)
            {
                var endsAt = stale.Dialog.UpdatedAt + lifetime;
                var endsOn = all.Count > 0 ? Core.Boards.BoardTime.Today(all[0], endsAt) : DateOnly.FromDateTime(endsAt.UtcDateTime);
                if (await conversations.TryMarkRemindedAsync(stale, now, cancellationToken))
                {
                    await SayAsync(messenger, stale, $"You have an unfinished referral. It will be discarded on {ReferralCardMapper.Day(endsOn)} unless you carry on: type 'summary' to see where you were.", cancellationToken);
                    reminded++;
                    telemetry?.ReminderSent("draft");
                }
            }
            else if (stale.Dialog.UpdatedAt <= now - lifetime && await conversations.TryDeleteDialogAsync(stale, cancellationToken))
            {
                await SayAsync(messenger, stale, "Your unfinished referral was discarded because it had not been touched for a while. Type 'refer' to start again.", cancellationToken);
                discarded++;
            }
        }

        return (reminded, discarded);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DraftInterval, clock);
        do
        {
            try
            {
                var (reminded, discarded) = await SweepAsync(stoppingToken);
                LogSwept(logger, reminded, discarded);
            }
            catch (StoreUnavailableException)
            {
                LogStoreDown(logger);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SayAsync(TeamsMessenger messenger, StaleDialog stale, string text, CancellationToken cancellationToken)
    {
        var snapshot = await conversations.LoadAsync(stale.ConversationId, stale.UserKey, cancellationToken);
        if (snapshot.Address is { } address)
        {
            await messenger.SendAsync(address, Activity.CreateMessage(text), "referral draft", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Draft sweep: {Reminded} reminded, {Discarded} discarded")]
    private static partial void LogSwept(ILogger logger, int reminded, int discarded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft sweep skipped: the store is unavailable")]
    private static partial void LogStoreDown(ILogger logger);
}
