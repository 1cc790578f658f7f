using ReviewBot.Bot.Messaging;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Deadlines;
using ReviewBot.Core.Review;
using ReviewBot.Telemetry;

namespace ReviewBot.Bot.Review;

/// <summary>
/// Sends a claimed review reminder (the deadline sweep has checked it still stands): a stage's reminder is the stage
/// card, with the reminder's words, to each person whose role moves the stage on; a task's reminder goes to the
/// holders of the task's role.
/// </summary>
public sealed partial class ReviewReminders
{
    private readonly TeamsMessenger messenger;
    private readonly ICardRenderer cards;
    private readonly TimeProvider clock;
    private readonly ILogger<ReviewReminders> logger;
    private readonly ReviewBotTelemetry? telemetry;

    /// <summary>Creates the sender (per scope: the messenger holds the connector's typed HttpClient).</summary>
    public ReviewReminders(TeamsMessenger messenger, ICardRenderer cards, TimeProvider clock, ILogger<ReviewReminders> logger, ReviewBotTelemetry? telemetry = null)
    {
        this.messenger = messenger;
        this.cards = cards;
        this.clock = clock;
        this.logger = logger;
        this.telemetry = telemetry;
    }

    /// <summary>Sends the reminder; true when someone was sent it.</summary>
    public async Task<bool> RemindAsync(BoardConfiguration board, ReviewCase c, Deadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(deadline);
        var now = clock.GetUtcNow();
        var offset = ReviewReminderPlanner.OffsetOf(deadline);
        var sent = 0;
        if (ReviewReminderPlanner.TaskOf(deadline) is { } taskId)
        {
            if (c.Tasks.FirstOrDefault(t => t.Id == taskId) is not { } task)
            {
                return false;
            }

            var due = ReferralCardMapper.Day(BoardTime.Today(board, task.DueAt));
            var text = offset > 0 ? $"{task.Title} on {c.Reference} was due on {due} and is overdue. Tick it on the checklist when done." : $"Reminder: {task.Title} on {c.Reference} is due on {due}. Tick it on the checklist when done.";
            var card = cards.Render(new MessageCard($"Review task due: {c.Reference}", text));
            foreach (var holder in Holders(c, [task.OwnerRole]))
            {
                sent += await messenger.SendCardToPersonAsync(holder, card, c.Reference.Value, cancellationToken) is null ? 0 : 1;
            }
        }
        else if (c.Review is { } review)
        {
            foreach (var holder in Holders(c, ReviewStages.Rule(review.Stage).Actors))
            {
                var stage = ReviewCards.For(c, board, holder, now)!;
                var words = offset > 0 ? $"Overdue: this stage was due on {stage.Due.DueOn}." : $"Reminder: this stage is due on {stage.Due.DueOn} ({stage.Due.DaysLeftText}).";
                sent += await messenger.SendCardToPersonAsync(holder, cards.Render(stage with { Reminder = words }), c.Reference.Value, cancellationToken) is null ? 0 : 1;
            }
        }

        telemetry?.ReminderSent("review");
        LogReminded(logger, c.Reference.Value, deadline.Kind, sent);
        return sent > 0;
    }

    private static IEnumerable<string> Holders(ReviewCase c, IEnumerable<BoardRole> roles)
        => roles.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review reminder {Kind} for {CaseReference} sent to {Recipients} people")]
    private static partial void LogReminded(ILogger logger, string caseReference, string kind, int recipients);
}

/// <summary>Registers the review's stages.</summary>
public static class ReviewServiceCollectionExtensions
{
    /// <summary>Adds the stage reminders and the stages in <c>my tasks</c> (the stage card's verbs are in the route table).</summary>
    public static IServiceCollection AddReviewStages(this IServiceCollection services)
    {
        services.AddScoped<ReviewReminders>();
        services.AddSingleton<Core.Cases.IPersonalTaskSource, ReviewTasks>();
        return services;
    }
}
