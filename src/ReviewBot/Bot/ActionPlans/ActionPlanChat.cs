using System.Text.RegularExpressions;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Messaging;
using ReviewBot.Core.ActionPlans;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;

namespace ReviewBot.Bot.ActionPlans;

/// <summary>
/// "action plan SCR-2026-0001": the overview card for the panel (with the business manager's forms), or to an
/// action's owner the cards of the actions they own; always in the person's 1:1 chat. A stranger gets the
/// unknown-case answer; a party the overview is not for, the role-naming refusal.
/// </summary>
public sealed partial class ActionPlanChat(ICaseStore cases, PrivateReplies replies, TimeProvider clock)
{
    /// <summary>True when the message asked for an action plan (answered here).</summary>
    public async Task<bool> TryHandleAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var match = Asked().Match(text ?? string.Empty);
        if (!match.Success || turn.Board is not { } board || turn.ActorObjectId is not { } actor)
        {
            return false;
        }

        if (!CaseReference.TryParse(match.Groups["ref"].Value, out var reference))
        {
            await turn.SayAsync("Which case? For example \"action plan SCR-2026-0001\".", cancellationToken);
            return true;
        }

        var found = await cases.FindAsync(board.BoardId, reference, cancellationToken);
        if (found is null || !CaseVisibility.Of(found, actor, board).IsParty)
        {
            await replies.SayAsync(turn, CaseVisibility.UnknownCaseAnswer(reference), cancellationToken);
            return true;
        }

        var today = BoardTime.Today(board, clock.GetUtcNow());
        if (ActionPlanViews.Overview(found, board, actor, today) is { } overview)
        {
            await replies.SendCardAsync(turn, turn.Card(overview), cancellationToken);
            return true;
        }

        var owned = (found.ActionPlan?.Items ?? []).Where(i => string.Equals(i.OwnerObjectId, actor, StringComparison.OrdinalIgnoreCase)).ToList();
        if (owned.Count == 0)
        {
            await replies.SendCardAsync(turn, turn.Card(CaseCards.NotAuthorised(found, ActionPlanViews.OverviewReaders, "see the action plan")), cancellationToken);
            return true;
        }

        foreach (var item in owned)
        {
            await replies.SendCardAsync(turn, turn.Card(ActionPlanViews.For(ActionPlanEffects.ItemCardPrefix + item.Id, found, board, actor, today)!), cancellationToken);
        }

        return true;
    }

    [GeneratedRegex(@"^\s*(?:show\s+(?:the\s+)?)?action\s+plan\b\s*(?:for\s+)?(?<ref>\S*)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex Asked();
}
