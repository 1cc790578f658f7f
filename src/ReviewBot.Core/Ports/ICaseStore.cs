using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;

namespace ReviewBot.Core.Ports;

/// <summary>
/// Where cases and their audit trail live. Every change is conditional (optimistic concurrency) and is
/// written atomically with its <see cref="CaseEvent"/>: there is never a change without its audit
/// record, nor the reverse.
/// </summary>
public interface ICaseStore
{
    /// <summary>The case, or null when there is none.</summary>
    Task<ReviewCase?> FindAsync(string boardId, CaseReference reference, CancellationToken cancellationToken);

    /// <summary>The case created earlier under <paramref name="submissionId"/>, if any (double-submit guard).</summary>
    Task<ReviewCase?> FindBySubmissionAsync(string boardId, string submissionId, CancellationToken cancellationToken);

    /// <summary>Issues the next reference for a board, rulebook and year; unique under concurrency.</summary>
    Task<CaseReference> AllocateReferenceAsync(string boardId, RulebookKind rulebook, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a case with its first audit event. A second call with the same <paramref name="submissionId"/>
    /// creates nothing and returns the case the first call created.
    /// </summary>
    Task<ReviewCase> CreateAsync(ReviewCase newCase, CaseEvent created, string submissionId, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="CreateAsync(ReviewCase, CaseEvent, string, CancellationToken)"/>, writing in the same batch the
    /// effects the new case sets off (a transactional outbox the host dispatches).
    /// </summary>
    Task<ReviewCase> CreateAsync(ReviewCase newCase, CaseEvent created, string submissionId, IReadOnlyList<CaseEffect> effects, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the case, asks <paramref name="decide"/> what to change, and writes the change and its event
    /// conditionally. If someone else changed the case meanwhile, reads again and asks again (so
    /// <paramref name="decide"/> must be a pure function of the case it is given); after a few tries it
    /// throws <see cref="CaseConflictException"/>. <paramref name="decide"/> returning null means "nothing to
    /// change" and writes nothing.
    /// </summary>
    Task<CaseUpdateResult> UpdateAsync(string boardId, CaseReference reference, Func<ReviewCase, CaseChange?> decide, CancellationToken cancellationToken);

    /// <summary>Appends an audit event that changes nothing (e.g. a refused action).</summary>
    Task AppendEventAsync(string boardId, CaseEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Audits a refused action. Repeats by the same actor with the same <see cref="CaseEvent.Detail"/> (the verb)
    /// share one record, whose <see cref="CaseEvent.Count"/> goes up and whose <see cref="CaseEvent.At"/> is the
    /// latest: every refusal is counted while a flood of them grows the case by one record per actor and verb.
    /// </summary>
    Task RecordRefusalAsync(string boardId, CaseEvent refusal, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers a card posted about the case (bookkeeping beside it: the case's version is unchanged).
    /// Recording the same conversation and purpose again replaces the earlier entry.
    /// </summary>
    Task RecordPostedCardAsync(string boardId, CaseReference reference, PostedCard card, CancellationToken cancellationToken);

    /// <summary>The cards posted about the case, to update each in place.</summary>
    Task<IReadOnlyList<PostedCard>> ListPostedCardsAsync(string boardId, CaseReference reference, CancellationToken cancellationToken);

    /// <summary>The case's audit trail, oldest first.</summary>
    IAsyncEnumerable<CaseEvent> ReadAuditAsync(string boardId, CaseReference reference, CancellationToken cancellationToken);

    /// <summary>Open cases of a board, optionally only those at <paramref name="stage"/>.</summary>
    IAsyncEnumerable<CaseSummary> ListOpenAsync(string boardId, CaseStage? stage, CancellationToken cancellationToken);

    /// <summary>Cases on which a person holds any role.</summary>
    IAsyncEnumerable<CaseSummary> ListForPersonAsync(string boardId, string objectId, CancellationToken cancellationToken);

    /// <summary>Closed cases whose <see cref="ReviewCase.ClosedAt"/> is before <paramref name="closedBefore"/>.</summary>
    IAsyncEnumerable<CaseSummary> ListClosedBeforeAsync(string boardId, DateTimeOffset closedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every row of the case in every table and keeps a record that the erasure happened
    /// (reference, when, by whom, why: no personal data).
    /// </summary>
    Task EraseAsync(string boardId, CaseReference reference, ErasureRecord record, CancellationToken cancellationToken);
}

/// <summary>A change to a case and the audit event that records it.</summary>
/// <param name="Updated">The case after the change (the store sets <see cref="ReviewCase.Version"/>).</param>
/// <param name="Event">The event (the store sets <see cref="CaseEvent.Version"/>).</param>
public sealed record CaseChange(ReviewCase Updated, CaseEvent Event)
{
    /// <summary>What the change sets off, written in the same conditional batch (the outbox).</summary>
    public IReadOnlyList<CaseEffect> Effects { get; init; } = [];
}

/// <summary>The result of <see cref="ICaseStore.UpdateAsync"/>.</summary>
/// <param name="Case">The case as stored after the call (null when not found).</param>
/// <param name="Changed">True when this call wrote a change.</param>
public sealed record CaseUpdateResult(ReviewCase? Case, bool Changed)
{
    /// <summary>True when the case did not exist.</summary>
    public bool NotFound => Case is null;
}

/// <summary>Index fields of a case, enough for lists without reading the whole case.</summary>
/// <param name="Reference">The case.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Rulebook">Its regime.</param>
/// <param name="ReferredAt">When referred.</param>
/// <param name="Version">Its version.</param>
/// <param name="ClosedAt">When closed.</param>
public sealed record CaseSummary(CaseReference Reference, CaseStage Stage, RulebookKind Rulebook, DateTimeOffset ReferredAt, long Version, DateTimeOffset? ClosedAt);

/// <summary>That an erasure happened. No personal data.</summary>
/// <param name="Reference">The erased case.</param>
/// <param name="ErasedAt">When.</param>
/// <param name="ErasedBy">Entra object id, or "retention-sweep".</param>
/// <param name="Reason">Why, e.g. "retention period ended".</param>
public sealed record ErasureRecord(CaseReference Reference, DateTimeOffset ErasedAt, string ErasedBy, string Reason);

/// <summary>Another change won the race too many times; the caller should show the current state.</summary>
public sealed class CaseConflictException : Exception
{
    /// <summary>Creates the exception for a case.</summary>
    public CaseConflictException(CaseReference reference)
        : base($"Case {reference} changed under us repeatedly; no change was written.") => Reference = reference;

    /// <summary>Creates the exception (serialisation and analyzers).</summary>
    public CaseConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CaseConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CaseConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The case.</summary>
    public CaseReference Reference { get; }
}

/// <summary>
/// The store could not be reached or answered with a server fault. Nothing was written (every write
/// is atomic), so the person can simply try again.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
        : base("The store is unavailable; nothing was written.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
