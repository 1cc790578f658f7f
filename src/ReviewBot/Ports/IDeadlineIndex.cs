using ReviewBot.Core.Deadlines;

namespace ReviewBot.Ports;

/// <summary>
/// Every dated obligation, kept so a sweeper reads only what is due. Entries are hints: before acting,
/// the sweeper claims the entry (so one instance acts once) and re-reads the case to check the obligation
/// still stands.
/// </summary>
public interface IDeadlineIndex
{
    /// <summary>Adds or replaces entries (same board, case, kind and due time = same entry).</summary>
    Task ScheduleAsync(IEnumerable<Deadline> deadlines, CancellationToken cancellationToken);

    /// <summary>Removes entries (e.g. when a clock is met).</summary>
    Task CancelAsync(IEnumerable<Deadline> deadlines, CancellationToken cancellationToken);

    /// <summary>Entries due at or before <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ClaimableDeadline>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Claims an entry until <paramref name="claimUntil"/>. Exactly one caller wins; an expired claim may be
    /// taken over (the instance that held it died).
    /// </summary>
    Task<bool> TryClaimAsync(ClaimableDeadline deadline, string claimant, DateTimeOffset claimUntil, CancellationToken cancellationToken);

    /// <summary>Marks a handled entry done: re-scheduling the same entry (as every case change does) never makes it due again.</summary>
    Task CompleteAsync(ClaimableDeadline deadline, CancellationToken cancellationToken);
}

/// <summary>A due entry as read from the index, with what is needed to claim it.</summary>
/// <param name="Deadline">The obligation.</param>
/// <param name="ETag">Concurrency token of the entry as read.</param>
/// <param name="ClaimedBy">Current claimant, if any.</param>
/// <param name="ClaimedUntil">Until when the current claim holds.</param>
public sealed record ClaimableDeadline(Deadline Deadline, string ETag, string? ClaimedBy, DateTimeOffset? ClaimedUntil);
