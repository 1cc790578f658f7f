using System.Globalization;
using System.Net;
using System.Text;

namespace ReviewBot.GraphStandIn;

/// <summary>
/// GET / : what was sent, per mailbox (invites with their .ics, and mails), so a person running
/// <c>make run</c> can see the Outlook side. GET /events/{id}.ics : one event as iCalendar (RFC 5545).
/// </summary>
public static class MailboxPage
{
    /// <summary>Maps the page and the .ics download.</summary>
    public static void Map(IEndpointRouteBuilder app, StandInState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => { lock (state.Gate) { return Results.Content(Render(state), "text/html; charset=utf-8"); } });
        app.MapGet("/events/{eventId}.ics", (string eventId) =>
        {
            lock (state.Gate)
            {
                var stored = state.Events.FirstOrDefault(e => e.Event.Id == eventId);
                return stored is null ? Results.NotFound() : Results.Text(Ics(stored), "text/calendar; charset=utf-8", Encoding.UTF8);
            }
        });
    }

    /// <summary>The event as an iCalendar request (or cancellation).</summary>
    public static string Ics(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var e = stored.Event;
        var cancelled = e.IsCancelled == true;
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ReviewBot//Graph stand-in//EN", cancelled ? "METHOD:CANCEL" : "METHOD:REQUEST",
            "BEGIN:VEVENT",
            $"UID:{e.ICalUId}",
            $"SEQUENCE:{stored.Sequence}",
            $"DTSTAMP:{Utc(e.LastModifiedDateTime ?? DateTimeOffset.UtcNow)}",
            $"DTSTART:{Utc(stored.Start)}",
            $"DTEND:{Utc(stored.End)}",
            $"SUMMARY:{Text(e.Subject)}",
            $"ORGANIZER;CN={Text(stored.Organizer.DisplayName)}:mailto:{stored.Organizer.Mail}",
        };
        lines.AddRange((e.Attendees ?? []).Select(a =>
            $"ATTENDEE;ROLE={(a.Type == "optional" ? "OPT-PARTICIPANT" : "REQ-PARTICIPANT")};PARTSTAT={PartStat(a.Status?.Response)};RSVP=TRUE:mailto:{a.EmailAddress?.Address}"));
        if (e.OnlineMeeting?.JoinUrl is { } join)
        {
            lines.Add($"X-MICROSOFT-SKYPETEAMSMEETINGURL:{join}");
        }

        lines.Add($"DESCRIPTION:{Text(WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(e.Body?.Content ?? "", "<[^>]+>", " ")))}");
        lines.AddRange([cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR"]);
        return string.Concat(lines.Select(Fold));
    }

    private static string Render(StandInState state)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Graph stand-in</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style></head><body>")
            .Append("<h1>Microsoft Graph stand-in: what was sent</h1>");
        var mailboxes = state.Users.Select(u => u.Mail)
            .Concat(state.Mails.SelectMany(m => m.To))
            .Concat(state.Events.SelectMany(e => (e.Event.Attendees ?? []).Select(a => a.EmailAddress?.Address ?? "")))
            .Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        foreach (var mailbox in mailboxes)
        {
            var invites = state.Events.Where(e => StandInState.Involves(e, mailbox)).ToList();
            var mails = state.Mails.Where(m => m.From.Equals(mailbox, StringComparison.OrdinalIgnoreCase) || m.To.Contains(mailbox, StringComparer.OrdinalIgnoreCase)).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Enc(mailbox)}</h2>");
            if (invites.Count == 0 && mails.Count == 0)
            {
                html.Append("<p>Nothing yet.</p>");
                continue;
            }

            if (invites.Count > 0)
            {
                html.Append("<h3>Invites</h3><table><tr><th>Subject</th><th>When (UTC)</th><th>Response</th><th>Teams</th><th>Status</th><th></th></tr>");
                foreach (var e in invites)
                {
                    var join = e.Event.OnlineMeeting?.JoinUrl is { } url ? $"<a href=\"{Enc(url)}\">join</a>" : "";
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Enc(e.Event.Subject)}</td><td>{e.Start:yyyy-MM-dd HH:mm}–{e.End:HH:mm}</td><td>{Enc(StandInState.ResponseOf(e, mailbox))}</td><td>{join}</td><td>{(e.Event.IsCancelled == true ? "cancelled" : "")}</td><td><a href=\"/events/{Enc(e.Event.Id)}.ics\">.ics</a></td></tr>");
                }

                html.Append("</table>");
            }

            if (mails.Count > 0)
            {
                html.Append("<h3>Mails</h3><table><tr><th>Sent (UTC)</th><th>From</th><th>To</th><th>Subject</th><th>Attachments</th><th>Saved to Sent Items</th></tr>");
                foreach (var m in mails)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{m.SentAt:yyyy-MM-dd HH:mm}</td><td>{Enc(m.From)}</td><td>{Enc(string.Join(", ", m.To))}</td><td>{Enc(m.Subject)}</td><td>{Enc(string.Join(", ", m.Attachments))}</td><td>{m.SaveToSentItems}</td></tr>");
                }

                html.Append("</table>");
            }
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Enc(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string PartStat(string? response) => response switch
    {
        "accepted" => "ACCEPTED",
        "declined" => "DECLINED",
        "tentativelyAccepted" => "TENTATIVE",
        _ => "NEEDS-ACTION",
    };

    // RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped in TEXT.
    private static string Text(string? value)
        => (value ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Trim();

    // RFC 5545 3.1: lines end CRLF and fold at 75 octets (characters here: the text is ASCII in practice).
    private static string Fold(string line)
    {
        var folded = new StringBuilder();
        for (var i = 0; i < line.Length; i += i == 0 ? 75 : 74)
        {
            folded.Append(i == 0 ? "" : " ").Append(line.AsSpan(i, Math.Min(i == 0 ? 75 : 74, line.Length - i))).Append("\r\n");
        }

        return folded.ToString();
    }
}
