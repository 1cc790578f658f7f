using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Imr;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Outlook;
using ReviewBot.Ports;

namespace ReviewBot.Bot.Effects;

/// <summary>
/// Carries out a <see cref="CaseEffectKinds.MailCard"/> effect: the recipient's own view of the case card, in its
/// Outlook form, mailed from the board mailbox through Graph sendMail as an actionable message. Outlook refreshes
/// the card whenever it is opened (<c>case.refresh</c>), so the mail never needs updating. Every Graph failure is
/// thrown, a refusal no retry alone fixes (403 outside the app's Exchange scope) too: the outbox keeps the effect,
/// retries it with back-off and shows the business manager what is late, so nothing is dropped.
/// </summary>
public sealed partial class OutlookCardMailer
{
    private readonly IMailer mailer;
    private readonly OutlookActionableMessages outlook;
    private readonly ILogger<OutlookCardMailer> logger;

    /// <summary>Creates the mailer.</summary>
    public OutlookCardMailer(IMailer mailer, OutlookActionableMessages outlook, ILogger<OutlookCardMailer> logger)
    {
        this.mailer = mailer;
        this.outlook = outlook;
        this.logger = logger;
    }

    /// <summary>The subject of each mailed card, by purpose: the case reference, never a name.</summary>
    public static string Subject(string purpose, CaseReference reference) => purpose switch
    {
        CaseCardPurposes.Decision => $"Decision needed: {reference}",
        _ => $"ReviewBot: {reference}",
    };

    /// <summary>Mails the card of <paramref name="effect"/> to its recipient.</summary>
    /// <exception cref="Microsoft365Exception">Graph throttled, unavailable or refusing (the outbox keeps the effect and retries).</exception>
    public async Task SendAsync(BoardConfiguration board, ReviewCase c, CaseEffect effect, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(effect);
        var purpose = effect.Detail ?? CaseCardPurposes.Decision;
        var recipient = effect.Recipient ?? string.Empty;
        var address = board.FindPerson(recipient)?.Email;
        var agency = ImrCards.AgencyOf(purpose);
        var imrRequest = agency is null ? null : ImrMessages.For(c, board, "request:" + agency, recipient);
        var why = board.BoardMailbox is not { Length: > 0 } ? "the board has no boardMailbox"
            : address is null ? "the recipient has no mail address in the board configuration"
            : agency is not null && imrRequest is null ? "the case no longer asks that agency for an IMR"
            : !outlook.IsEnabled && imrRequest is null ? "Outlook:OriginatorId is not set"
            : null;
        if (why is not null)
        {
            // Nothing to send from, to or about, or Outlook turned off since the change was written: the Teams card stands.
            LogNotMailed(logger, c.Reference.Value, purpose, why);
            return;
        }

        // An IMR author's card is their request: with Outlook turned off since, the request still goes, without the card.
        var card = outlook.IsEnabled ? outlook.Card(CaseViews.For(purpose, c, board, recipient, now)) : null;
        var mail = imrRequest is not null
            ? (Subject: imrRequest.Title, HtmlBody: OutlookActionableMessages.HtmlMail(card, imrRequest.Html))
            : (Subject: Subject(purpose, c.Reference), HtmlBody: OutlookActionableMessages.HtmlBody(card!, $"{Subject(purpose, c.Reference)}. Open this message in Outlook, or ReviewBot in Teams, to act on it."));
        try
        {
            await mailer.SendAsync(board.BoardMailbox!, new OutgoingMail([address!], mail.Subject, mail.HtmlBody), cancellationToken);
        }
        catch (Microsoft365Exception e) when (e.IsPermanent)
        {
            // Kept, not dropped: the outbox retries with back-off and shows the business manager the failure.
            LogRefused(logger, c.Reference.Value, purpose, e.Kind.ToString(), e.ServiceCode ?? "none", e.WhatToFix);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Purpose} card of {CaseReference} was not mailed to Outlook: {Why}")]
    private static partial void LogNotMailed(ILogger logger, string caseReference, string purpose, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused to mail the {Purpose} card of {CaseReference} ({Kind}, {ServiceCode}); kept for retry. {WhatToFix}")]
    private static partial void LogRefused(ILogger logger, string caseReference, string purpose, string kind, string serviceCode, string whatToFix);
}
