using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;

namespace ReviewBot.Bot.Cases;

/// <summary>"status SCR-2026-0001" and "my tasks": case details only for people with a role on the case.</summary>
public sealed class CaseStatusReplies
{
    private readonly ICaseStore cases;
    private readonly TimeProvider clock;

    /// <summary>Creates the replies.</summary>
    public CaseStatusReplies(ICaseStore cases, TimeProvider clock)
    {
        this.cases = cases;
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
        if (found is null || turn.ActorObjectId is not { } actor || !found.Parties.Any(p => string.Equals(p.ObjectId, actor, StringComparison.OrdinalIgnoreCase)))
        {
            // The same answer whether or not the case exists: no hint to people without a role on it.
            await turn.SayAsync($"I can't show you {reference}: either there is no such case or you don't have a role on it.", cancellationToken);
            return;
        }

        await turn.SendCardAsync(turn.Card(CaseCards.Status(found, BoardTime.Today(board, clock.GetUtcNow()), turn.ActorObjectId)), cancellationToken);
        if (found.DeliveryProblem is { } problem && found.HasRole(actor, BoardRole.BusinessManager))
        {
            // Read with the case (a column of its head row): no extra request.
            await turn.SayAsync(problem + ".", cancellationToken);
        }
    }

    /// <summary>The open cases where the person holds a role, with what is waiting.</summary>
    public async Task ShowMyTasksAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Board is not { } board || turn.ActorObjectId is not { } actor)
        {
            await turn.SayAsync(BotTexts.NoBoard, cancellationToken);
            return;
        }

        var lines = new List<string>();
        await foreach (var summary in cases.ListForPersonAsync(board.BoardId, actor, cancellationToken))
        {
            if (summary.Stage.IsOpen())
            {
                lines.Add($"- {summary.Reference}: {CaseCards.StageText(summary.Stage, summary.Rulebook)}");
            }
        }

        var text = lines.Count == 0
            ? "You have no open cases. Type 'refer' to refer a case."
            : "Your open cases (type 'status' and a reference for details):\n\n" + string.Join("\n", lines);
        await turn.SendCardAsync(turn.Card(new MessageCard("My tasks", text)), cancellationToken);
    }
}
