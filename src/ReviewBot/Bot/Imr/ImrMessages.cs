using System.Net;
using System.Text;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Imr;

namespace ReviewBot.Bot.Imr;

/// <summary>
/// The texts of IMR mails and Teams messages, by effect detail (<c>request:</c>, <c>moved:</c>, <c>reminder:{agency}:{n}</c>,
/// <c>submitted:</c>). Subjects carry the case reference and agency, never the child's name.
/// </summary>
public static class ImrMessages
{
    /// <summary>A message: title, plain text for Teams, HTML for Outlook.</summary>
    /// <param name="Title">Title and mail subject.</param>
    /// <param name="Text">Plain text (Teams).</param>
    /// <param name="Html">Mail body.</param>
    public sealed record ImrMessage(string Title, string Text, string Html);

    /// <summary>The message an effect sends to <paramref name="recipient"/>, or null when the case no longer holds what it names.</summary>
    public static ImrMessage? For(ReviewCase c, BoardConfiguration board, string detail, string recipient)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(detail);
        var parts = detail.Split(':');
        if (parts.Length < 2 || c.ImrRequests.FirstOrDefault(r => r.AgencyId == parts[1]) is not { } request)
        {
            return null;
        }

        var agency = ImrTexts.AgencyName(board, request.AgencyId);
        var due = ImrTexts.Day(request.DueOn);
        return parts[0] switch
        {
            "request" => Request(c, request, agency, due),
            "moved" => Plain($"IMR deadline moved: {c.Reference} ({agency})",
                $"The deadline for {agency}'s IMR on {c.Reference} has been extended to {due}. Reminders move with it.", c),
            "submitted" => Plain($"IMR submitted: {c.Reference} ({agency})",
                $"{agency}'s IMR on {c.Reference} has been submitted: {request.Submission?.DocumentUrl}. As the agency's panel member, please confirm it arrived on the IMR card in Teams.", c),
            "reminder" when parts.Length == 3 && int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var index) && index < request.Reminders.Count
                => Reminder(c, request, request.Reminders[index], agency, due, recipient, board),
            _ => null,
        };
    }

    private static ImrMessage Request(ReviewCase c, ImrRequest request, string agency, string due)
    {
        var intro = $"You have been named as the author of {agency}'s Individual Management Review (IMR) for {c.Reference}. Please send it, with the agency's chronology, by {due}.";
        var html = new StringBuilder()
            .Append("<p>").Append(Encode(intro)).Append("</p><p><b>What to send</b></p><ul>");
        foreach (var item in ImrTexts.WhatToSend)
        {
            html.Append("<li>").Append(Encode(item)).Append("</li>");
        }

        html.Append("</ul><p><b>Chronology columns (Enfield Appendix 3)</b></p><table border=\"1\"><tr>");
        foreach (var column in ImrTexts.ChronologyColumns)
        {
            html.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></table><p><b>Independence</b></p><p>").Append(Encode(request.Independence?.Statement ?? ImrTexts.IndependenceStatement(agency)))
            .Append("</p><p>Please confirm this statement and mark the IMR submitted (with a link to the document) on the IMR card in Teams, or reply to this mail.</p>");
        var text = $"{intro}\n\nWhat to send: {string.Join("; ", ImrTexts.WhatToSend)}.\n\nChronology columns: {string.Join(" | ", ImrTexts.ChronologyColumns)}.";
        return new ImrMessage($"IMR request: {c.Reference} ({agency}), due {due}", text, html.ToString());
    }

    private static ImrMessage Reminder(ReviewCase c, ImrRequest request, ImrReminder reminder, string agency, string due, string recipient, BoardConfiguration board)
    {
        var isAuthor = string.Equals(recipient, request.AuthorObjectId, StringComparison.OrdinalIgnoreCase);
        var author = board.FindPerson(request.AuthorObjectId)?.DisplayName ?? "not named yet";
        if (reminder.OverdueWorkingDays <= 0)
        {
            var when = reminder.SentOn == request.DueOn ? "today" : $"on {due}";
            return Plain($"IMR reminder: {c.Reference} ({agency}), due {due}",
                $"Reminder: {agency}'s IMR for {c.Reference} is due {when}. Mark it submitted on the IMR card with a link to the document.", c);
        }

        var days = reminder.OverdueWorkingDays == 1 ? "1 working day" : $"{reminder.OverdueWorkingDays} working days";
        var text = isAuthor
            ? $"{agency}'s IMR for {c.Reference} was due on {due} and is overdue by {days}. Please submit it, or ask the business manager for an extension."
            : $"{agency}'s IMR for {c.Reference} was due on {due} and is overdue by {days} (author: {author}). You are told as the {(reminder.Escalation == ImrEscalation.Chair && c.HasRole(recipient, BoardRole.BoardChair) ? "board chair" : "agency's panel member")}.";
        return Plain($"IMR overdue: {c.Reference} ({agency}), {days}", text, c);
    }

    private static ImrMessage Plain(string title, string text, ReviewCase c)
        => new(title, text, $"<p>{Encode(text)}</p><p>{Encode($"Case {c.Reference} in ReviewBot (Teams).")}</p>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
