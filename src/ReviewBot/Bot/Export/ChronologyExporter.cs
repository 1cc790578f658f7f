using System.Text;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Export;
using ReviewBot.Core.Ports;

namespace ReviewBot.Bot.Export;

/// <summary>
/// Who may export a case, and the export's files. The one check for both the typed command and the download: the
/// person must hold one of <see cref="ChronologyExport.Readers"/> on the case now; anyone else is refused and the
/// refusal audited as a card press's would be.
/// </summary>
public sealed class ChronologyExporter(ICaseStore cases, TimeProvider clock)
{
    /// <summary>The audit action of an export.</summary>
    public const string ExportedAction = "ChronologyExported";

    /// <summary>What the person may do with the case's export.</summary>
    public async Task<(ExportAccess Access, ReviewCase? Case)> CheckAsync(BoardConfiguration board, CaseReference reference, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        var found = await cases.FindAsync(board.BoardId, reference, cancellationToken);
        var who = found is null ? CaseVisibility.Nobody : CaseVisibility.Of(found, actor, board);
        var access = !who.IsParty ? ExportAccess.Unknown : who.HoldsAny(ChronologyExport.Readers) ? ExportAccess.Permitted : ExportAccess.NotAuthorised;
        if (access != ExportAccess.Permitted && found is not null && actor is not null)
        {
            await cases.RecordRefusalAsync(board.BoardId, Event(found, actor, CaseWorkflow.RefusalAction, $"{ExportedAction}:{(access == ExportAccess.Unknown ? "not-a-party" : "not-authorised")}"), cancellationToken);
        }

        return (access, found);
    }

    /// <summary>The file for <paramref name="format"/>, audited as exported by <paramref name="actor"/>: its name, media type and bytes.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> BuildAsync(BoardConfiguration board, ReviewCase c, string actor, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(c);
        var audit = new List<CaseEvent>();
        await foreach (var e in cases.ReadAuditAsync(board.BoardId, c.Reference, cancellationToken))
        {
            audit.Add(e);
        }

        var (name, type, text) = format switch
        {
            ExportFormat.ChronologyCsv => ($"{c.Reference}-chronology.csv", "text/csv; charset=utf-8", ChronologyExport.ChronologyCsv(c, board)),
            ExportFormat.AuditCsv => ($"{c.Reference}-audit.csv", "text/csv; charset=utf-8", ChronologyExport.AuditCsv(audit, board)),
            _ => ($"{c.Reference}-chronology-and-audit.html", "text/html; charset=utf-8", ChronologyExport.Html(c, audit, board, clock.GetUtcNow())),
        };
        await cases.AppendEventAsync(board.BoardId, Event(c, actor, ExportedAction, format.ToString()), cancellationToken);

        // A byte order mark, so spreadsheet programs read the CSV as UTF-8.
        return (name, type, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
    }

    private CaseEvent Event(ReviewCase c, string actor, string action, string detail) => new()
    {
        Case = c.Reference,
        Action = action,
        ActorObjectId = actor,
        At = clock.GetUtcNow(),
        StageBefore = c.Stage,
        StageAfter = c.Stage,
        Detail = detail,
    };
}

/// <summary>What a person may do with a case's export.</summary>
public enum ExportAccess
{
    /// <summary>No role on the case (or no such case): the unknown-case answer.</summary>
    Unknown,

    /// <summary>A role on the case, but not one that may export: the role-naming refusal.</summary>
    NotAuthorised,

    /// <summary>The business manager or the board chair.</summary>
    Permitted,
}
