using System.Text.Json.Nodes;
using ReviewBot.Bot.Messaging;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Ports;
using ReviewBot.Teams;

namespace ReviewBot.Bot.Cases;

/// <summary>
/// Tells people about a case as it moves: cards to the people who act next, every posted card updated in
/// place, the referrer told the outcome in their 1:1 chat, reminders put in the deadline index. Runs
/// after the response to Teams; a delivery failure never undoes the case change.
/// </summary>
public sealed class CaseNotifications
{
    /// <summary>Posted card purposes.</summary>
    public const string RecommendationCard = "recommendation";

    /// <summary>Posted card purposes.</summary>
    public const string DecisionCard = "decision";

    /// <summary>Posted card purposes.</summary>
    public const string ChecklistCard = "checklist";

    private readonly ICaseStore cases;
    private readonly IConversationStore conversations;
    private readonly IDeadlineIndex deadlines;
    private readonly TeamsMessenger messenger;
    private readonly ICardRenderer cards;
    private readonly TimeProvider clock;

    /// <summary>Creates the notifier.</summary>
    public CaseNotifications(ICaseStore cases, IConversationStore conversations, IDeadlineIndex deadlines, TeamsMessenger messenger, ICardRenderer cards, TimeProvider clock)
    {
        this.cases = cases;
        this.conversations = conversations;
        this.deadlines = deadlines;
        this.messenger = messenger;
        this.cards = cards;
        this.clock = clock;
    }

    /// <summary>A new case: the recommendation card to the sub-group chair and business manager, a notice to the board channel.</summary>
    public async Task ReferralReceivedAsync(BoardConfiguration board, ReviewCase c, CancellationToken cancellationToken)
    {
        var today = BoardTime.Today(board, clock.GetUtcNow());
        foreach (var viewer in Holders(c, CaseCards.RecommendationActors))
        {
            await PostAsync(board, c, RecommendationCard, viewer, cards.Render(CaseCards.Recommendation(c, board, viewer, today)), cancellationToken);
        }

        if (board.Channel is { ServiceUrl: { } serviceUrl } channel)
        {
            var notice = new ReferralNotificationCard(c.Reference, CaseCards.ReviewName(c.Rulebook), Referrals.ReferralCardMapper.LevelText(c.Criteria.Level),
                Referrals.ReferralCardMapper.Day(BoardTime.Today(board, c.ReferredAt)), c.Referral.Referrer.Agency ?? "not given");
            var address = new ConversationAddress(serviceUrl, "msteams", channel.ChannelId, "channel", board.TenantId, null, null, null);
            await messenger.SendAsync(address, Activity.CreateCard(cards.Render(notice)), c.Reference.Value, cancellationToken);
        }

        // Clocks start at referral (the chair's month, the CSPR notification and rapid review): so do their reminders.
        await deadlines.ScheduleAsync(DeadlinePlanner.For(c, board), cancellationToken);
    }

    /// <summary>After a change: update every posted card, tell whoever acts next, keep reminders in step.</summary>
    public async Task CaseChangedAsync(BoardConfiguration board, ReviewCase before, ReviewCase after, CancellationToken cancellationToken)
    {
        var today = BoardTime.Today(board, clock.GetUtcNow());
        await UpdatePostedCardsAsync(board, after, today, cancellationToken);
        if (before.Stage != CaseStage.AwaitingChairDecision && after.Stage == CaseStage.AwaitingChairDecision)
        {
            foreach (var chair in Holders(after, CaseCards.DecisionActors))
            {
                await PostAsync(board, after, DecisionCard, chair, cards.Render(CaseCards.Decision(after, board, chair, today)), cancellationToken);
            }
        }

        if (before.Decision is null && after.Decision is not null)
        {
            await TellReferrerAsync(after, $"The decision on your referral {after.Reference}: {CaseCards.StageText(after)}.", cancellationToken);
            if (after.Tasks.Count > 0)
            {
                foreach (var owner in Holders(after, [BoardRole.BusinessManager, BoardRole.HeadOfSafeguarding]))
                {
                    await PostAsync(board, after, ChecklistCard, owner, cards.Render(CaseCards.Checklist(after, board)), cancellationToken);
                }
            }
        }

        if (after.InformationRequests.Count > before.InformationRequests.Count)
        {
            var question = after.InformationRequests[^1].Question;
            await TellReferrerAsync(after, $"The board would like more information about your referral {after.Reference}:\n\n{question}\n\nPlease reply to the business manager.", cancellationToken);
        }

        await deadlines.CancelAsync(DeadlinePlanner.NoLongerNeeded(before, after, board), cancellationToken);
        await deadlines.ScheduleAsync(DeadlinePlanner.For(after, board), cancellationToken);
    }

    private async Task UpdatePostedCardsAsync(BoardConfiguration board, ReviewCase c, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var posted in await cases.ListPostedCardsAsync(board.BoardId, c.Reference, cancellationToken))
        {
            ICardModel? model = posted.Purpose switch
            {
                RecommendationCard => CaseCards.Recommendation(c, board, posted.ViewerObjectId, today),
                DecisionCard when c.Recommendation is not null => CaseCards.Decision(c, board, posted.ViewerObjectId, today),
                ChecklistCard => CaseCards.Checklist(c, board),
                _ => null,
            };
            if (model is not null && posted.ViewerObjectId is { } viewer && await conversations.FindPersonalAsync(viewer, cancellationToken) is { } address)
            {
                await messenger.UpdateCardAsync(address, posted.ActivityId, cards.Render(model), c.Reference.Value, cancellationToken);
            }
        }
    }

    private async Task PostAsync(BoardConfiguration board, ReviewCase c, string purpose, string viewer, JsonObject card, CancellationToken cancellationToken)
    {
        var posted = await messenger.SendCardToPersonAsync(viewer, card, c.Reference.Value, cancellationToken);
        if (posted?.ActivityId is { } activityId)
        {
            await cases.RecordPostedCardAsync(board.BoardId, c.Reference, new PostedCard(purpose, posted.Address.ConversationId, activityId, viewer), cancellationToken);
        }
    }

    private async Task TellReferrerAsync(ReviewCase c, string text, CancellationToken cancellationToken)
    {
        foreach (var referrer in c.PartiesIn(BoardRole.Referrer))
        {
            await messenger.SendCardToPersonAsync(referrer.ObjectId, cards.Render(new MessageCard($"Your referral {c.Reference}", text)), c.Reference.Value, cancellationToken);
        }
    }

    private static IEnumerable<string> Holders(ReviewCase c, IEnumerable<BoardRole> roles)
        => roles.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase);
}
