using System.Text.RegularExpressions;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Ports;

namespace ReviewBot.Bot.Imr;

/// <summary>
/// "submitted SCR-2026-0001 https://…" typed by an IMR author (or the agency's panel member): the same command as
/// the card's "Mark submitted", for the request the person holds on that case.
/// </summary>
public sealed partial class ImrChat(ICaseStore cases, ImrActions actions, Effects.EffectDispatcher effects)
{
    /// <summary>True when the message was an IMR submission (answered here).</summary>
    public async Task<bool> TryHandleAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var match = Submission().Match(text ?? string.Empty);
        if (!match.Success || turn.Board is not { } board || turn.ActorObjectId is not { } actor)
        {
            return false;
        }

        if (!CaseReference.TryParse(match.Groups["ref"].Value, out var reference) || !match.Groups["url"].Success)
        {
            await turn.SayAsync("To mark an IMR submitted, send the case reference and the link to the document, e.g. \"submitted SCR-2026-0001 https://…\".", cancellationToken);
            return true;
        }

        var found = await cases.FindAsync(board.BoardId, reference, cancellationToken);
        var request = found?.ImrRequests.FirstOrDefault(r => !r.IsSubmitted
            && (string.Equals(r.AuthorObjectId, actor, StringComparison.OrdinalIgnoreCase) || string.Equals(r.PanelMemberObjectId, actor, StringComparison.OrdinalIgnoreCase)));
        if (found is null || request is null)
        {
            // The same answer whether or not the case exists.
            await turn.SayAsync($"I can't find an open IMR on {reference} that you are the author or panel member of.", cancellationToken);
            return true;
        }

        var result = await actions.SubmitFromChatAsync(board, reference, request.AgencyId, match.Groups["url"].Value, actor, turn.Activity.Id, found.Version, cancellationToken);
        if (result.Applied && result.Case is { } stored)
        {
            effects.Dispatch(board.BoardId, stored.Reference, stored.Version);
            await turn.SayAsync($"Thank you: {Core.Imr.ImrTexts.AgencyName(board, request.AgencyId)}'s IMR on {reference} is marked submitted and its reminders have stopped.", cancellationToken);
            return true;
        }

        await turn.SayAsync(result.Problem ?? "Nothing changed: the case changed meanwhile. Please try again.", cancellationToken);
        return true;
    }

    [GeneratedRegex(@"^\s*(?:imr\s+)?submitted\b(?:.*?\b(?<ref>(?:SCR|CSPR)-\d{4}-\d+))?(?:.*?(?<url>https?://\S+))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex Submission();
}
