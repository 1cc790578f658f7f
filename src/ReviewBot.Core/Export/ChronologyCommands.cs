using System.Globalization;
using ReviewBot.Core.ActionPlans;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Imr;

namespace ReviewBot.Core.Export;

/// <summary>
/// Adds a line to an agency's chronology: by that agency's IMR author, or by the business manager or the lead reviewer
/// (who may enter what an agency sent in). The agency must have been asked for an IMR on the case.
/// </summary>
public sealed record RecordChronologyEntryCommand : CaseCommand
{
    /// <summary>Longest text kept in one column.</summary>
    public const int MaximumLength = 2_000;

    /// <summary>The roles that may add an entry (an IMR author only to the agency they write for).</summary>
    public static IReadOnlyList<BoardRole> Adders { get; } = [BoardRole.ImrAuthor, BoardRole.BusinessManager, BoardRole.LeadReviewer];

    /// <summary>The entry as given.</summary>
    public required ChronologyEntry Entry { get; init; }

    /// <inheritdoc />
    public override string AuditAction => "ChronologyEntryRecorded";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => Adders;

    /// <inheritdoc />
    public override IReadOnlyList<CaseStage> Stages => ActionPlanStages.AfterAgreement;

    /// <inheritdoc />
    public override string Describe() => "add to an agency's chronology";

    /// <inheritdoc />
    public override CommandResult Apply(ReviewCase current, CaseCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        var request = current.ImrRequests.FirstOrDefault(r => r.AgencyId == Entry.AgencyId);
        if (request is null)
        {
            return CommandResult.Reject("That agency has not been asked for an IMR and chronology on this case.");
        }

        var actor = context.ActorObjectId;
        if (!MayAdd(current, request, actor))
        {
            return CommandResult.Reject("Only the agency's IMR author, the business manager or the lead reviewer may add to its chronology.");
        }

        if (Entry.OccurredOn > context.Today)
        {
            return CommandResult.Reject("A chronology entry records what happened: please give a date no later than today.");
        }

        if (string.IsNullOrWhiteSpace(Entry.ChildContact) && string.IsNullOrWhiteSpace(Entry.AdultContact) && string.IsNullOrWhiteSpace(Entry.Communication))
        {
            return CommandResult.Reject("Please say what happened: the contact with the child, the contact with an adult, or the communication.");
        }

        if (string.IsNullOrWhiteSpace(Entry.SourceOfEvidence))
        {
            return CommandResult.Reject("Please give the source of evidence (the record the entry comes from).");
        }

        string?[] texts = [Entry.ChildContact, Entry.AdultContact, Entry.Communication, Entry.ResponseOrOutcome, Entry.SourceOfEvidence, Entry.Comment];
        if (texts.Any(t => t?.Length > MaximumLength))
        {
            return CommandResult.Reject($"Please keep each column under {MaximumLength} characters.");
        }

        var entry = Entry with { RecordedByObjectId = actor, RecordedAt = context.Now };
        return CommandResult.Accept(current with { Chronology = [.. current.Chronology, entry] },
            string.Create(CultureInfo.InvariantCulture, $"{Entry.AgencyId}:{Entry.OccurredOn:yyyy-MM-dd}:{current.Chronology.Count + 1}"));
    }

    /// <summary>True when <paramref name="actor"/> may add to the chronology of <paramref name="request"/>'s agency.</summary>
    public static bool MayAdd(ReviewCase current, ImrRequest request, string actor)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(request);
        return current.HasRole(actor, BoardRole.BusinessManager) || current.HasRole(actor, BoardRole.LeadReviewer) || Is(request.AuthorObjectId, actor);
    }

    private static bool Is(string? objectId, string actor) => string.Equals(objectId, actor, StringComparison.OrdinalIgnoreCase);
}
