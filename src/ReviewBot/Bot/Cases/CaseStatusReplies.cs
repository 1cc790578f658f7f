using ReviewBot.Bot.Messaging;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;

namespace ReviewBot.Bot.Cases;

/// <summary>
/// "status SCR-2026-0001" and "my tasks": case details only for people with a role on the case
/// (<see cref="CaseVisibility"/>), and only in their 1:1 chat (<see cref="PrivateReplies"/>).
/// </summary>
public sealed class CaseStatusReplies
{
    private readonly ICaseStore cases;
    private readonly PersonalTasks tasks;
    private readonly PrivateReplies replies;
    private readonly TimeProvider clock;

    /// <summary>Creates the replies.</summary>
    public CaseStatusReplies(ICaseStore cases, PersonalTasks tasks, PrivateReplies replies, TimeProvider clock)
    {
        this.cases = cases;
        this.tasks = tasks;
        this.replies = replies;
        this.clock = clock;
    }

    /// <summary>The status card of one case.</summary>
    public async Task ShowAsync(BotTurn turn, string referenceText, CancellationToken cancellationToken)
    {
        if (turn.Board is not { } board)
        {
            await turn.SayAsync(BotTexts.NoBoard, cancellationToken);
            return;
        }

        if (!CaseReference.TryParse(referenceText, out var reference))
        {
            await turn.SayAsync("Case references look like SCR-2026-0001 or CSPR-2026-0001. Which case would you like?", cancellationToken);
            return;
        }

        var found = await cases.FindAsync(board.BoardId, reference, cancellationToken);
        if (found is null || CaseVisibility.Of(found, turn.ActorObjectId, board) is not { IsParty: true } who)
        {
            // The same answer whether or not the case exists: no hint to people without a role on it.
            await replies.SayAsync(turn, CaseVisibility.UnknownCaseAnswer(reference), cancellationToken);
            return;
        }

        await replies.SendCardAsync(turn, turn.Card(CaseCards.Status(found, Today(board), turn.ActorObjectId, board)), cancellationToken);
        if (Meetings.MeetingCards.Summary(found, board) is { } meeting)
        {
            await replies.SayAsync(turn, meeting + ".", cancellationToken);
        }

        if (ActionPlans.ActionPlanViews.Summary(found, Today(board)) is { } plan)
        {
            await replies.SayAsync(turn, plan + ".", cancellationToken);
        }

        if (found.DeliveryProblem is { } problem && who.Holds(BoardRole.BusinessManager) && turn.IsPersonal)
        {
            // Read with the case (a column of its head row): no extra request.
            await turn.SayAsync(problem + ".", cancellationToken);
        }
    }

    /// <summary>The person's own open tasks, soonest first, then the open cases they only follow.</summary>
    public async Task ShowMyTasksAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Board is not { } board || turn.ActorObjectId is not { } actor)
        {
            await turn.SayAsync(BotTexts.NoBoard, cancellationToken);
            return;
        }

        var today = Today(board);
        var own = new List<PersonalTask>();
        var following = new List<FollowedCaseView>();
        await foreach (var summary in cases.ListForPersonAsync(board.BoardId, actor, cancellationToken))
        {
            if (summary.Stage.IsOpen() && await cases.FindAsync(board.BoardId, summary.Reference, cancellationToken) is { } c)
            {
                var theirs = tasks.For(c, actor, board);
                own.AddRange(theirs);
                if (theirs.Count == 0 && CaseVisibility.Of(c, actor, board).IsParty)
                {
                    following.Add(new FollowedCaseView(c.Reference.Value, CaseCards.StageText(c)));
                }
            }
        }

        var card = new MyTasksCard([.. PersonalTasks.Soonest(own).Select(t => View(t, today))], following);
        await replies.SendCardAsync(turn, turn.Card(card), cancellationToken);
    }

    private static MyTaskView View(PersonalTask task, DateOnly today) => task.DueOn is { } due
        ? new MyTaskView(task.Case.Value, What(task), $"Due {ReferralCardMapper.Day(due)}{(due < today ? " (overdue)" : string.Empty)}", due < today)
        : new MyTaskView(task.Case.Value, What(task), "No due date");

    /// <summary>What to do, in words.</summary>
    private static string What(PersonalTask task) => task.Kind switch
    {
        PersonalTaskKind.Recommend => "Make the sub-group's recommendation to the chair",
        PersonalTaskKind.Decide => "Decide whether to initiate the review",
        PersonalTaskKind.ReplyToBoard => "Reply to the board's request for more information",
        PersonalTaskKind.Clock => ReferralCardMapper.ClockLabel(task.Subject ?? string.Empty),
        _ => task.Subject ?? "A task",
    };

    private DateOnly Today(BoardConfiguration board) => BoardTime.Today(board, clock.GetUtcNow());
}
