namespace ReviewBot.Ports;

/// <summary>Outlook mail sent from the board's mailbox (Graph sendMail in the host), kept in Sent Items.</summary>
public interface IMailer
{
    /// <summary>Sends <paramref name="mail"/> from <paramref name="boardMailbox"/>. May throw <see cref="Microsoft365Exception"/>.</summary>
    Task SendAsync(string boardMailbox, OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>A mail to send.</summary>
/// <param name="To">Recipients' addresses.</param>
/// <param name="Subject">Subject: case reference, never the child's name.</param>
/// <param name="HtmlBody">Body.</param>
/// <param name="Attachments">Attachments, e.g. an .ics.</param>
public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject, string HtmlBody, IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>A file attached to a mail.</summary>
/// <param name="Name">File name.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Content">The bytes.</param>
public sealed record MailAttachment(string Name, string ContentType, ReadOnlyMemory<byte> Content);
