using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Messaging;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Export;

namespace ReviewBot.Bot.Export;

/// <summary>
/// "export SCR-2026-0001": the business manager or board chair gets short-lived download links to the case's merged
/// chronology and audit trail, in their 1:1 chat only (asked in a channel, the links go to the 1:1 chat and the
/// channel gets a note naming no case). Another party gets the role-naming refusal; a stranger the unknown-case answer.
/// </summary>
public sealed partial class ExportChat(ChronologyExporter exporter, ExportLinks links, PrivateReplies replies, IHttpContextAccessor http, IOptions<ExportOptions> options)
{
    /// <summary>The path the downloads are served on.</summary>
    public const string DownloadPath = "/exports";

    /// <summary>True when the message asked for an export (answered here).</summary>
    public async Task<bool> TryHandleAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var match = Asked().Match(text ?? string.Empty);
        if (!match.Success || turn.Board is not { } board || turn.ActorObjectId is not { } actor)
        {
            return false;
        }

        if (!CaseReference.TryParse(match.Groups["ref"].Value, out var reference))
        {
            await turn.SayAsync("Which case would you like to export? For example \"export SCR-2026-0001\".", cancellationToken);
            return true;
        }

        var (access, found) = await exporter.CheckAsync(board, reference, actor, cancellationToken);
        if (access == ExportAccess.Unknown)
        {
            await replies.SayAsync(turn, CaseVisibility.UnknownCaseAnswer(reference), cancellationToken);
            return true;
        }

        if (access == ExportAccess.NotAuthorised)
        {
            await replies.SendCardAsync(turn, turn.Card(CaseCards.NotAuthorised(found!, ChronologyExport.Readers, "export its chronology and audit trail")), cancellationToken);
            return true;
        }

        var card = new ExportLinksCard(reference, (int)links.Lifetime.TotalMinutes,
            Url(links.Issue(board.BoardId, reference, actor, ExportFormat.Document)),
            Url(links.Issue(board.BoardId, reference, actor, ExportFormat.ChronologyCsv)),
            Url(links.Issue(board.BoardId, reference, actor, ExportFormat.AuditCsv)));
        await replies.SendCardAsync(turn, turn.Card(card), cancellationToken);
        return true;
    }

    private string Url(string token)
    {
        var configured = options.Value.PublicBaseUrl;
        var request = http.HttpContext?.Request;
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : request is null ? string.Empty : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{baseUrl}{DownloadPath}/{Uri.EscapeDataString(token)}";
    }

    [GeneratedRegex(@"^\s*export\b\s*(?<ref>\S*)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex Asked();
}
