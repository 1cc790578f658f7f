using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;

namespace ReviewBot.Core.Imr;

/// <summary>
/// When a review is agreed: one IMR request per agency involved (the referral's agencies the board knows), due
/// <see cref="ImrSettings.DueWorkingDays"/> working days later, with the agency's panel member where the board names
/// one, and the chair's letter to each chief executive as a task (Enfield 4.3, 3.10).
/// </summary>
public static class ImrCommissioning
{
    /// <summary>The case with its IMR requests, panel members and letter tasks added (agencies already asked are left alone).</summary>
    public static ReviewCase Commission(ReviewCase c, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var board = context.Board;
        var due = context.Calendar.AddWorkingDays(context.Today, board.Imr.DueWorkingDays);
        var agencies = InvolvedAgencies(c, board).Where(a => c.ImrRequests.All(r => r.AgencyId != a.Id)).ToList();
        var requests = agencies.Select(a => new ImrRequest(a.Id, due)
        {
            CommissionedOn = context.Today,
            DueSetOn = context.Today,
            PanelMemberObjectId = PanelMemberOf(board, a.Id)?.ObjectId,
        }).ToList();
        var letterDue = StatutoryTasks.EndOfWorkingDay(board, context.Calendar.AddWorkingDays(context.Today, 1));
        var letters = agencies.Select(a => new FollowUpTask(ImrTexts.LetterTaskId(a.Id), ImrTexts.LetterTaskTitle(a.Name), BoardRole.BoardChair, letterDue));
        var panel = requests.Where(r => r.PanelMemberObjectId is not null)
            .Select(r => new CaseParty(r.PanelMemberObjectId!, BoardRole.PanelMember, board.FindPerson(r.PanelMemberObjectId)?.DisplayName));
        return c with
        {
            ImrRequests = [.. c.ImrRequests, .. requests],
            Tasks = [.. c.Tasks, .. letters],
            Parties = WithParties(c.Parties, panel),
        };
    }

    /// <summary>The board's panel member for an agency, if it names one.</summary>
    public static BoardPerson? PanelMemberOf(BoardConfiguration board, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(board);
        return board.PeopleIn(BoardRole.PanelMember).FirstOrDefault(p => p.AgencyId == agencyId);
    }

    /// <summary>Adds parties not already on the case with the same role.</summary>
    public static IReadOnlyList<CaseParty> WithParties(IReadOnlyList<CaseParty> parties, IEnumerable<CaseParty> added)
    {
        var result = parties.ToList();
        foreach (var party in added)
        {
            if (!result.Any(p => p.Role == party.Role && string.Equals(p.ObjectId, party.ObjectId, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(party);
            }
        }

        return result;
    }

    // The referral names agencies by the board's id or by name; agencies the board does not list cannot be asked.
    private static IEnumerable<Agency> InvolvedAgencies(ReviewCase c, BoardConfiguration board)
        => c.Referral.Agencies
            .Select(named => board.Agencies.FirstOrDefault(a => a.Id == named.AgencyId)
                ?? board.Agencies.FirstOrDefault(a => string.Equals(a.Name, named.Name?.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OfType<Agency>()
            .DistinctBy(a => a.Id);
}
