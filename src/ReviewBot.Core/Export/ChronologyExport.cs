using System.Globalization;
using System.Net;
using System.Text;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Imr;

namespace ReviewBot.Core.Export;

/// <summary>
/// A case's merged chronology (every agency's entries in date order, in the Enfield Appendix 3 columns) and its audit
/// trail, as CSV and as a readable HTML document. For the business manager and the board chair only
/// (<see cref="Readers"/>): the host checks that before it builds one.
/// </summary>
public static class ChronologyExport
{
    /// <summary>The roles that may export a case.</summary>
    public static IReadOnlyList<BoardRole> Readers { get; } = [BoardRole.BusinessManager, BoardRole.BoardChair];

    /// <summary>The chronology's columns: Enfield Appendix 3's, with the agency after the date and who recorded it last.</summary>
    public static IReadOnlyList<string> ChronologyColumns { get; } =
    [
        "Date", "Time", "Agency",
        "Family contact: child", "Child's views recorded?", "Child seen alone?",
        "Family contact: adult", "Adult's views recorded?",
        "Communication", "Within the agency or external", "Phone, written or meeting",
        "Response or outcome", "Source of evidence", "Comment", "Recorded by",
    ];

    /// <summary>The audit trail's columns.</summary>
    public static IReadOnlyList<string> AuditColumns { get; } = ["Version", "When (UTC)", "Action", "By", "Stage before", "Stage after", "Detail", "Times"];

    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The chronology's rows, merged across agencies: by date, then time (untimed first), then agency.</summary>
    public static IReadOnlyList<IReadOnlyList<string?>> ChronologyRows(ReviewCase c, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        return [.. c.Chronology
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.OccurredAt ?? TimeOnly.MinValue).ThenBy(e => ImrTexts.AgencyName(board, e.AgencyId), StringComparer.Ordinal)
            .Select(e => (IReadOnlyList<string?>)
            [
                e.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.OccurredAt?.ToString("HH:mm", CultureInfo.InvariantCulture), ImrTexts.AgencyName(board, e.AgencyId),
                e.ChildContact, YesNo(e.ChildViewsRecorded), YesNo(e.ChildSeenAlone),
                e.AdultContact, YesNo(e.AdultViewsRecorded),
                e.Communication, e.Route switch { CommunicationRoute.WithinAgency => "Within the agency", CommunicationRoute.External => "External", _ => null }, e.Mode?.ToString(),
                e.ResponseOrOutcome, e.SourceOfEvidence, e.Comment, Person(board, e.RecordedByObjectId),
            ])];
    }

    /// <summary>The audit trail's rows, oldest first.</summary>
    public static IReadOnlyList<IReadOnlyList<string?>> AuditRows(IEnumerable<CaseEvent> audit, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(board);
        return [.. audit.Select(e => (IReadOnlyList<string?>)
        [
            e.Version.ToString(CultureInfo.InvariantCulture), e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Action,
            Person(board, e.ActorObjectId), e.StageBefore?.ToString(), e.StageAfter?.ToString(), e.Detail, e.Count.ToString(CultureInfo.InvariantCulture),
        ])];
    }

    /// <summary>The merged chronology as CSV, headed by its columns.</summary>
    public static string ChronologyCsv(ReviewCase c, BoardConfiguration board) => CsvText.Write([ChronologyColumns, .. ChronologyRows(c, board)]);

    /// <summary>The audit trail as CSV, headed by its columns.</summary>
    public static string AuditCsv(IEnumerable<CaseEvent> audit, BoardConfiguration board) => CsvText.Write([AuditColumns, .. AuditRows(audit, board)]);

    /// <summary>Both as one HTML document, every value encoded.</summary>
    public static string Html(ReviewCase c, IEnumerable<CaseEvent> audit, BoardConfiguration board, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var title = $"{c.Reference}: chronology and audit trail";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(Enc(title)).Append("</title>")
            .Append("<style>body{font-family:Segoe UI,Arial,sans-serif;margin:2em}table{border-collapse:collapse;font-size:0.9em}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}th{background:#eee}</style></head><body>")
            .Append("<h1>").Append(Enc(title)).Append("</h1>")
            .Append("<p>").Append(Enc($"{board.Name}. Stage: {c.Stage}. Generated {generatedAt.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", EnglishUk)}. Official: sensitive, personal data; do not forward.")).Append("</p>")
            .Append("<h2>Merged chronology (Enfield Appendix 3)</h2>");
        var chronology = ChronologyRows(c, board);
        Table(html, ChronologyColumns, chronology, "No chronology entries have been recorded.");
        html.Append("<h2>Audit trail</h2>");
        Table(html, AuditColumns, AuditRows(audit, board), "No audit entries.");
        return html.Append("</body></html>\n").ToString();
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> rows, string empty)
    {
        if (rows.Count == 0)
        {
            html.Append("<p>").Append(Enc(empty)).Append("</p>");
            return;
        }

        html.Append("<table><thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th scope=\"col\">").Append(Enc(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Enc(cell ?? string.Empty).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);

    private static string? YesNo(bool? value) => value switch { true => "Yes", false => "No", _ => null };

    private static string? Person(BoardConfiguration board, string? objectId)
        => objectId is null ? null : board.FindPerson(objectId)?.DisplayName ?? objectId;
}
