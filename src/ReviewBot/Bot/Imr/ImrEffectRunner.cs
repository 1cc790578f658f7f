using Microsoft.Extensions.Options;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Messaging;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Imr;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;
using ReviewBot.Core.Scheduling;
using ReviewBot.Teams;

namespace ReviewBot.Bot.Imr;

/// <summary>
/// Carries out the IMR effects against the case as it stands: Teams messages (installing ReviewBot for the person
/// through Graph first when no 1:1 chat is known, then opening the chat; where the tenant refuses, Outlook alone,
/// recorded on the case), mails from the board mailbox and the due-date calendar event. Transient failures throw,
/// so the outbox tries again; refusals no retry can change are logged and count as done.
/// </summary>
public sealed partial class ImrEffectRunner
{
    private readonly IConnectorClient connector;
    private readonly IConversationStore conversations;
    private readonly ICaseStore cases;
    private readonly IMailer mailer;
    private readonly IPanelCalendar calendar;
    private readonly ITeamsAppInstaller installer;
    private readonly ICardRenderer cards;
    private readonly EffectDispatcher dispatcher;
    private readonly TimeProvider clock;
    private readonly IOptions<ImrOptions> options;
    private readonly IOptions<BotOptions> bot;
    private readonly ILogger<ImrEffectRunner> logger;

    /// <summary>Creates the runner (per scope, like <see cref="EffectRunner"/>).</summary>
    public ImrEffectRunner(
        IConnectorClient connector, IConversationStore conversations, ICaseStore cases, IMailer mailer, IPanelCalendar calendar,
        ITeamsAppInstaller installer, ICardRenderer cards, EffectDispatcher dispatcher, TimeProvider clock, IOptions<ImrOptions> options,
        IOptions<BotOptions> bot, ILogger<ImrEffectRunner> logger)
    {
        this.connector = connector;
        this.conversations = conversations;
        this.cases = cases;
        this.mailer = mailer;
        this.calendar = calendar;
        this.installer = installer;
        this.cards = cards;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.options = options;
        this.bot = bot;
        this.logger = logger;
    }

    /// <summary>Runs one IMR effect; returns the IMR card posted, when it posted one.</summary>
    public async Task<PostedCard?> RunAsync(BoardConfiguration board, ReviewCase c, CaseEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(effect);
        var recipient = effect.Recipient ?? throw new InvalidDataException("An IMR effect names no recipient.");
        var detail = effect.Detail ?? throw new InvalidDataException("An IMR effect names no IMR.");
        switch (effect.Kind)
        {
            case ImrEffects.Teams:
                return await SendTeamsAsync(board, c, recipient, detail, cancellationToken);
            case ImrEffects.Mail:
                await SendMailAsync(board, c, recipient, detail, cancellationToken);
                return null;
            default:
                await CreateDueEventAsync(board, c, recipient, detail, cancellationToken);
                return null;
        }
    }

    private async Task<PostedCard?> SendTeamsAsync(BoardConfiguration board, ReviewCase c, string recipient, string detail, CancellationToken cancellationToken)
    {
        var today = BoardTime.Today(board, clock.GetUtcNow());
        var isCard = detail.StartsWith("card:", StringComparison.Ordinal);
        ICardModel? model = isCard
            ? ImrCards.For(c, detail["card:".Length..], board, recipient, today)
            : ImrMessages.For(c, board, detail, recipient) is { } message ? new MessageCard(message.Title, message.Text) : null;
        if (model is null)
        {
            return null; // the request it names is gone
        }

        var address = await ReachAsync(board, c, detail.Split(':')[1], recipient, cancellationToken);
        if (address is null)
        {
            return null;
        }

        try
        {
            var sent = await connector.SendToConversationAsync(TeamsMessenger.ToReference(address), Activity.CreateCard(cards.Render(model)), cancellationToken);
            return isCard && sent.Id is { } id ? new PostedCard(ImrEffects.CardPurpose(detail["card:".Length..]), address.ConversationId, id, recipient) : null;
        }
        catch (ConnectorException e) when (!EffectFailures.IsTransient(e))
        {
            LogTeamsRefused(logger, c.Reference.Value, (int)e.StatusCode);
            return null;
        }
    }

    /// <summary>The person's 1:1 chat: the one known, or ReviewBot installed for them and a chat opened; null when the tenant refuses (recorded on the case).</summary>
    private async Task<ConversationAddress?> ReachAsync(BoardConfiguration board, ReviewCase c, string agencyId, string objectId, CancellationToken cancellationToken)
    {
        if (await conversations.FindPersonalAsync(objectId, cancellationToken) is { } known)
        {
            return known;
        }

        try
        {
            await installer.EnsureInstalledAsync(objectId, cancellationToken);
        }
        catch (Exception e) when (e is Microsoft365Exception { Kind: not (Microsoft365FailureKind.Throttled or Microsoft365FailureKind.Unavailable) } or InvalidOperationException)
        {
            LogInstallRefused(logger, c.Reference.Value, e is Microsoft365Exception m ? m.Kind.ToString() : "not-configured");
            await RecordOutlookOnlyAsync(board, c.Reference, agencyId, objectId, cancellationToken);
            return null;
        }

        var serviceUrl = board.Channel?.ServiceUrl ?? options.Value.TeamsServiceUrl;
        var botId = "28:" + (string.IsNullOrEmpty(bot.Value.AppId) ? "reviewbot" : bot.Value.AppId);
        var created = await connector.CreatePersonalConversationAsync(serviceUrl, board.TenantId, botId, objectId, cancellationToken);
        var address = new ConversationAddress(created.ServiceUrl ?? serviceUrl, "msteams", created.Id ?? throw new InvalidDataException("Teams created a chat without an id."),
            "personal", board.TenantId, botId, objectId, objectId);
        await conversations.SavePersonalAsync(objectId, address, cancellationToken);
        return address;
    }

    private async Task RecordOutlookOnlyAsync(BoardConfiguration board, CaseReference reference, string agencyId, string objectId, CancellationToken cancellationToken)
    {
        var result = await cases.UpdateAsync(board.BoardId, reference, latest =>
        {
            var request = latest.ImrRequests.FirstOrDefault(r => r.AgencyId == agencyId);
            if (request is null || request.OutlookOnly.Contains(objectId, StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }

            var updated = latest with { ImrRequests = [.. latest.ImrRequests.Select(r => ReferenceEquals(r, request) ? r with { OutlookOnly = [.. r.OutlookOnly, objectId] } : r)] };
            var auditEvent = new CaseEvent
            {
                Case = latest.Reference,
                Action = "ImrTeamsRefused",
                ActorObjectId = ImrChasing.SweepActor,
                At = clock.GetUtcNow(),
                StageBefore = latest.Stage,
                StageAfter = latest.Stage,
                Detail = agencyId + ":outlook-only",
            };
            return new CaseChange(updated, auditEvent) { Effects = CaseEffects.ForChange(latest, updated, board) };
        }, cancellationToken);
        if (result is { Changed: true, Case: { } stored })
        {
            dispatcher.Dispatch(board.BoardId, stored.Reference, stored.Version);
        }
    }

    private async Task SendMailAsync(BoardConfiguration board, ReviewCase c, string recipient, string detail, CancellationToken cancellationToken)
    {
        var message = ImrMessages.For(c, board, detail, recipient);
        if (message is null || !CanMail(board, c, recipient, out var mailbox, out var address))
        {
            return;
        }

        await mailer.SendAsync(mailbox, new OutgoingMail([address], message.Title, message.Html), cancellationToken);
    }

    private async Task CreateDueEventAsync(BoardConfiguration board, ReviewCase c, string recipient, string agencyId, CancellationToken cancellationToken)
    {
        if (c.ImrRequests.FirstOrDefault(r => r.AgencyId == agencyId) is not { IsSubmitted: false } request || !CanMail(board, c, recipient, out var mailbox, out var address))
        {
            return;
        }

        var agency = ImrTexts.AgencyName(board, agencyId);
        var end = BoardTime.At(board, request.DueOn, board.WorkingHours.DayEnd);
        var invite = new PanelInvite(
            $"IMR due: {c.Reference} ({agency})",
            $"<p>{System.Net.WebUtility.HtmlEncode($"{agency}'s IMR with its chronology for {c.Reference} is due today.")}</p>",
            new TimeRange(end.AddMinutes(-30), end),
            board.WorkingHours.TimeZoneId,
            [new PanelAttendee(address, board.FindPerson(recipient)?.DisplayName)],
            $"{c.Reference.Value}-imr-{agencyId}")
        {
            IsOnlineMeeting = false,
        };

        // One event per request: the transaction id makes a retry, an extension or a new author land on the event
        // created first, which is then moved to the new date and attendee rather than left beside a second one.
        var stored = await calendar.CreateAsync(mailbox, invite, cancellationToken);
        var attendeeChanged = stored.Attendees.Count != 1 || !string.Equals(stored.Attendees[0].Email, address, StringComparison.OrdinalIgnoreCase);
        if (stored.Time != invite.Time || attendeeChanged)
        {
            await calendar.UpdateAsync(mailbox, stored.EventId, new PanelEventChange(invite.Time, invite.TimeZoneId, attendeeChanged ? invite.Attendees : null, invite.HtmlBody), cancellationToken);
        }
    }

    private bool CanMail(BoardConfiguration board, ReviewCase c, string recipient, out string mailbox, out string address)
    {
        mailbox = board.BoardMailbox ?? string.Empty;
        address = board.FindPerson(recipient)?.Email ?? string.Empty;
        if (mailbox.Length == 0 || address.Length == 0)
        {
            LogNoMail(logger, c.Reference.Value);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMR on {CaseReference}: ReviewBot could not be installed in Teams for a recipient ({Reason}); Outlook alone")]
    private static partial void LogInstallRefused(ILogger logger, string caseReference, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMR on {CaseReference}: Teams refused a message ({Status}); not retried")]
    private static partial void LogTeamsRefused(ILogger logger, string caseReference, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMR on {CaseReference}: no board mailbox or no mail address for a recipient; mail not sent")]
    private static partial void LogNoMail(ILogger logger, string caseReference);
}
