using System.Globalization;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Messaging;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;
using ReviewBot.Teams;

namespace ReviewBot.Bot.Effects;

/// <summary>
/// Carries out one <see cref="CaseEffect"/> against the case as it stands now (cards and texts are rendered at
/// send time). A failure the service may recover from is thrown, so the dispatcher tries again later; one that
/// can never succeed (nobody to send to, the app removed from the chat) is logged and reported as done.
/// </summary>
public sealed partial class EffectRunner
{
    private readonly IConnectorClient connector;
    private readonly IConversationStore conversations;
    private readonly ICaseStore cases;
    private readonly IDeadlineIndex deadlines;
    private readonly ICardRenderer cards;
    private readonly TimeProvider clock;
    private readonly ILogger<EffectRunner> logger;
    private readonly Imr.ImrEffectRunner imr;
    private readonly Meetings.MeetingEffectRunner meetings;
    private readonly OutlookCardMailer outlookMail;
    private readonly ActionPlans.ActionPlanEffectRunner actionPlans;

    /// <summary>Creates the runner (per scope: it holds the connector's typed HttpClient).</summary>
    public EffectRunner(
        IConnectorClient connector, IConversationStore conversations, ICaseStore cases, IDeadlineIndex deadlines, ICardRenderer cards,
        TimeProvider clock, ILogger<EffectRunner> logger, Imr.ImrEffectRunner imr, Meetings.MeetingEffectRunner meetings, OutlookCardMailer outlookMail,
        ActionPlans.ActionPlanEffectRunner actionPlans)
    {
        this.actionPlans = actionPlans;
        this.imr = imr;
        this.meetings = meetings;
        this.outlookMail = outlookMail;
        this.connector = connector;
        this.conversations = conversations;
        this.cases = cases;
        this.deadlines = deadlines;
        this.cards = cards;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Runs the effect; returns the card posted, when it posted one (to be recorded as the effect completes).</summary>
    public async Task<PostedCard?> RunAsync(BoardConfiguration board, ReviewCase c, CaseEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var now = clock.GetUtcNow();
        switch (effect.Kind)
        {
            case CaseEffectKinds.PostCard:
                var viewer = effect.Recipient ?? throw new InvalidDataException("A card post names no recipient.");
                var card = cards.Render(CaseViews.For(effect.Detail, c, board, viewer, now));
                var posted = await SendToPersonAsync(viewer, Activity.CreateCard(card), c.Reference, cancellationToken);
                return posted is { Id: { } activityId } ? new PostedCard(effect.Detail ?? CaseCardPurposes.Recommendation, posted.ConversationId, activityId, viewer) : null;
            case CaseEffectKinds.MailCard:
                await outlookMail.SendAsync(board, c, effect, now, cancellationToken);
                return null;
            case CaseEffectKinds.UpdatePostedCards:
                await UpdatePostedCardsAsync(board, c, now, cancellationToken);
                return null;
            case CaseEffectKinds.TellReferrer:
                await TellReferrerAsync(c, effect, cancellationToken);
                return null;
            case CaseEffectKinds.BoardNotice:
                await PostBoardNoticeAsync(board, c, cancellationToken);
                return null;
            case CaseEffectKinds.ScheduleDeadlines:
                await deadlines.ScheduleAsync(effect.Deadlines ?? [], cancellationToken);
                return null;
            case CaseEffectKinds.CancelDeadlines:
                await deadlines.CancelAsync(effect.Deadlines ?? [], cancellationToken);
                return null;
            case var kind when Core.ActionPlans.ActionPlanEffects.Handles(kind):
                await actionPlans.RunAsync(board, c, effect, cancellationToken);
                return null;
            case var kind when Core.Imr.ImrEffects.IsImr(kind):
                return await imr.RunAsync(board, c, effect, cancellationToken);
            case var kind when Core.Meetings.MeetingEffectKinds.Handles(kind):
                if (await meetings.RunAsync(board, c, effect, cancellationToken) is { } message && effect.Recipient is { } to)
                {
                    await SendToPersonAsync(to, Activity.CreateCard(cards.Render(message)), c.Reference, cancellationToken);
                }

                return null;
            default:
                throw new InvalidDataException($"Unknown effect kind '{effect.Kind}'.");
        }
    }

    private async Task UpdatePostedCardsAsync(BoardConfiguration board, ReviewCase c, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var posted in await cases.ListPostedCardsAsync(board.BoardId, c.Reference, cancellationToken))
        {
            if (posted.ViewerObjectId is not { } viewer || (posted.Purpose == CaseCardPurposes.Decision && c.Recommendation is null))
            {
                continue;
            }

            if (await conversations.FindPersonalAsync(viewer, cancellationToken) is { } address)
            {
                // A PUT of the whole card: repeating it is harmless.
                var card = cards.Render(CaseViews.For(posted.Purpose, c, board, viewer, now));
                await Permanent(c.Reference, () => connector.UpdateActivityAsync(TeamsMessenger.ToReference(address), posted.ActivityId, Activity.CreateCard(card), cancellationToken));
            }
        }
    }

    private async Task TellReferrerAsync(ReviewCase c, CaseEffect effect, CancellationToken cancellationToken)
    {
        string text;
        if (effect.Detail?.StartsWith("info:", StringComparison.Ordinal) == true
            && int.TryParse(effect.Detail.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < c.InformationRequests.Count)
        {
            text = $"The board would like more information about your referral {c.Reference}:\n\n{c.InformationRequests[index].Question}\n\nPlease reply to the business manager.";
        }
        else
        {
            text = $"The decision on your referral {c.Reference}: {CaseCards.StageText(c)}.";
        }

        var recipient = effect.Recipient ?? throw new InvalidDataException("A message to the referrer names no recipient.");
        await SendToPersonAsync(recipient, Activity.CreateCard(cards.Render(new MessageCard($"Your referral {c.Reference}", text))), c.Reference, cancellationToken);
    }

    private async Task PostBoardNoticeAsync(BoardConfiguration board, ReviewCase c, CancellationToken cancellationToken)
    {
        if (board.Channel is not { ServiceUrl: { } serviceUrl } channel)
        {
            return;
        }

        var notice = new ReferralNotificationCard(c.Reference, CaseCards.ReviewName(c.Rulebook), ReferralCardMapper.LevelText(c.Criteria.Level),
            ReferralCardMapper.Day(BoardTime.Today(board, c.ReferredAt)), c.Referral.Referrer.Agency ?? "not given");
        var address = new ConversationAddress(serviceUrl, "msteams", channel.ChannelId, "channel", board.TenantId, null, null, null);
        await Permanent(c.Reference, () => connector.SendToConversationAsync(TeamsMessenger.ToReference(address), Activity.CreateCard(cards.Render(notice)), cancellationToken));
    }

    /// <summary>Sends to a person's 1:1 chat; null (logged) when there is none or the app was removed from it.</summary>
    private async Task<PostedTo?> SendToPersonAsync(string objectId, Activity activity, CaseReference reference, CancellationToken cancellationToken)
    {
        var address = await conversations.FindPersonalAsync(objectId, cancellationToken);
        if (address is null)
        {
            LogNoChat(logger, reference.Value);
            return null;
        }

        var sent = await Permanent(reference, () => connector.SendToConversationAsync(TeamsMessenger.ToReference(address), activity, cancellationToken));
        return sent is null ? null : new PostedTo(address.ConversationId, sent.Id);
    }

    /// <summary>Runs a connector call; a refusal that no retry can change is logged and counts as done (null).</summary>
    private async Task<T?> Permanent<T>(CaseReference reference, Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (ConnectorException e) when (!EffectFailures.IsTransient(e))
        {
            LogRefused(logger, reference.Value, (int)e.StatusCode, e.ErrorCode ?? "none");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No 1:1 chat is known for a recipient of a message about {CaseReference}; the app may not be installed for them")]
    private static partial void LogNoChat(ILogger logger, string caseReference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams refused a message about {CaseReference} ({Status}, {ErrorCode}); not retried")]
    private static partial void LogRefused(ILogger logger, string caseReference, int status, string errorCode);

    private sealed record PostedTo(string ConversationId, string? Id);
}

/// <summary>Which failures of an outbound call may clear up by themselves (and so are retried).</summary>
public static class EffectFailures
{
    /// <summary>True for timeouts, throttling and server faults; false for refusals (removed from the chat, forbidden, not found).</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        BotNotInConversationRosterException => false,
        ConnectorException c => c.StatusCode is 0 or System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests || (int)c.StatusCode >= 500,
        _ => true,
    };
}
