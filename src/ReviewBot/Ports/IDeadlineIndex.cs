using ReviewBot.Core.Deadlines;

namespace ReviewBot.Ports;

/// <summary>
/// Every dated obligation, kept so a sweeper reads only what is due. Entries are hints: before acting,
/// the sweeper claims the entry (so one instance acts once) and re-reads the case to check the obligation
/// still stands.
/// </summary>
public interface IDeadlineIndex
{
    /// <summary>Adds the entries not in the index yet (same board, case, kind and due time = same entry); one already there, pending, claimed or done, is kept as it is.</summary>
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

    /// <summary>Claims several due entries at once (as <see cref="TryClaimAsync"/> each); returns those this caller won.</summary>
    Task<IReadOnlyList<ClaimableDeadline>> ClaimAsync(IReadOnlyList<ClaimableDeadline> due, string claimant, DateTimeOffset claimUntil, CancellationToken cancellationToken);

    /// <summary>Marks handled entries done: they are never due again, and re-scheduling them (as every case change does) adds nothing.</summary>
    Task CompleteAsync(IReadOnlyList<ClaimableDeadline> handled, CancellationToken cancellationToken);
}

/// <summary>A due entry as read from the index, with what is needed to claim it.</summary>
/// <param name="Deadline">The obligation.</param>
/// <param name="ETag">Concurrency token of the entry as read.</param>
/// <param name="ClaimedBy">Current claimant, if any.</param>
/// <param name="ClaimedUntil">Until when the current claim holds.</param>
public sealed record ClaimableDeadline(Deadline Deadline, string ETag, string? ClaimedBy, DateTimeOffset? ClaimedUntil);
