using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Decisions;

/// <summary>
/// Something a person asks to do to a case from a card. Each command names the roles that may issue it
/// and the stages it applies in; <see cref="CaseWorkflow"/> checks both on the server for every press.
/// </summary>
public abstract record CaseCommand
{
    /// <summary>The case.</summary>
    public required CaseReference Case { get; init; }

    /// <summary>The case version the card showed: a press on an older card changes nothing.</summary>
    public required long CardVersion { get; init; }

    /// <summary>The audit action name, e.g. "ChairDecisionRecorded".</summary>
    public abstract string AuditAction { get; }

    /// <summary>Roles that may issue the command (any one suffices).</summary>
    public abstract IReadOnlyList<BoardRole> PermittedRoles { get; }

    /// <summary>The roles that may issue the command on this case (e.g. a clock's owner); <see cref="PermittedRoles"/> unless the command says otherwise.</summary>
    public virtual IReadOnlyList<BoardRole> PermittedRolesOn(ReviewCase current) => PermittedRoles;

    /// <summary>Stages in which the command makes sense.</summary>
    public abstract IReadOnlyList<CaseStage> Stages { get; }

    /// <summary>What the command does, in words for "only X may …".</summary>
    public abstract string Describe();

    /// <summary>
    /// Checks the person's input (never the role: that is done first) and returns the changed case, or a
    /// plain-words problem. Pure: the store may call it again after a concurrent change.
    /// </summary>
    public abstract CommandResult Apply(ReviewCase current, CaseCommandContext context);
}

/// <summary>Facts a command needs besides the case.</summary>
/// <param name="Board">The board's configuration.</param>
/// <param name="ActorObjectId">Who is acting.</param>
/// <param name="Now">The current instant.</param>
/// <param name="Today">Today in the board's time zone (day 0 of any clock started now).</param>
/// <param name="Calendar">Working days.</param>
public sealed record CaseCommandContext(BoardConfiguration Board, string ActorObjectId, DateTimeOffset Now, DateOnly Today, Calendar.WorkingDayCalendar Calendar);

/// <summary>The result of applying a command to a case.</summary>
/// <param name="Updated">The changed case, when accepted.</param>
/// <param name="Problem">Why not, in plain words, when the input was not acceptable.</param>
/// <param name="Detail">A short code-like audit detail (no personal data).</param>
public sealed record CommandResult(ReviewCase? Updated, string? Problem, string? Detail = null)
{
    /// <summary>Accepts the change.</summary>
    public static CommandResult Accept(ReviewCase updated, string? detail = null) => new(updated, null, detail);

    /// <summary>Rejects the input with a reason the person can act on.</summary>
    public static CommandResult Reject(string problem) => new(null, problem);
}
