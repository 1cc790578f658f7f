using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using ReviewBot.Ports;

namespace ReviewBot.Graph;

/// <summary>Mail from the board mailbox through Graph sendMail (https://learn.microsoft.com/graph/api/user-sendmail).</summary>
public sealed class GraphMailer(GraphServiceClient graph) : IMailer
{
    private static readonly GraphCall Send = new("send mail from the board mailbox", "Mail.Send", "Application Mail.Send");

    /// <inheritdoc />
    public Task SendAsync(string boardMailbox, OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = mail.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
                ToRecipients = [.. mail.To.Select(to => new Recipient { EmailAddress = new EmailAddress { Address = to } })],
                Attachments = [.. (mail.Attachments ?? []).Select(a => (Attachment)new FileAttachment
                {
                    OdataType = "#microsoft.graph.fileAttachment",
                    Name = a.Name,
                    ContentType = a.ContentType,
                    ContentBytes = a.Content.ToArray(),
                })],
            },

            // The SDK sends false unless told (msgraph-sdk-dotnet#3167): keep what the board sent.
            SaveToSentItems = true,
        };
        return GraphFailures.Run(Send, () => graph.Users[boardMailbox].SendMail.PostAsync(body, cancellationToken: cancellationToken), cancellationToken);
    }
}
