using ReviewBot.Core.Boards;
using ReviewBot.Core.Criteria;

namespace ReviewBot.Core.Referrals;

/// <summary>What the conversation needs to know about the board and the person referring.</summary>
/// <param name="Rulebook">The board's criteria rulebook.</param>
/// <param name="Board">The board (its agencies, and for <see cref="Rulebook.Evaluate"/>).</param>
/// <param name="Referrer">The referrer's Teams profile, used to prefill their details.</param>
public sealed record ReferralContext(Rulebook Rulebook, BoardConfiguration Board, ReferrerProfile Referrer)
{
    /// <summary>The board's agencies, offered as numbered choices.</summary>
    public IReadOnlyList<Agency> Agencies => Board.Agencies;

    /// <summary>The context for a board under its own rulebook.</summary>
    public static ReferralContext For(BoardConfiguration board, ReferrerProfile referrer)
    {
        ArgumentNullException.ThrowIfNull(board);
        return new(Rulebook.For(board.Rulebook), board, referrer);
    }
}

/// <summary>The referrer as Teams (and Graph, when available) knows them.</summary>
/// <param name="ObjectId">Entra object id (<c>from.aadObjectId</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Mail or user principal name.</param>
/// <param name="JobTitle">Job title, when known.</param>
/// <param name="Phone">Work phone, when known.</param>
public sealed record ReferrerProfile(string ObjectId, string? Name, string? Email, string? JobTitle = null, string? Phone = null);
