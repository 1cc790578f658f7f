using ReviewBot.Bot.Cases;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Outlook;
using ReviewBot.Ports;

namespace ReviewBot.Bot.Effects;

/// <summary>
/// Carries out a <see cref="CaseEffectKinds.MailCard"/> effect: the recipient's own view of the case card, in its
/// Outlook form, mailed from the board mailbox through Graph sendMail as an actionable message. Outlook refreshes
/// the card whenever it is opened (<c>case.refresh</c>), so the mail never needs updating. A failure Graph may
/// recover from is thrown (the outbox retries); one no retry can fix is logged with the fix and counts as done.
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
    public async Task SendAsync(BoardConfiguration board, ReviewCase c, CaseEffect effect, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(effect);
        var purpose = effect.Detail ?? CaseCardPurposes.Decision;
        var recipient = effect.Recipient ?? string.Empty;
        var address = board.FindPerson(recipient)?.Email;
        if (!outlook.IsEnabled || board.BoardMailbox is not { Length: > 0 } mailbox || address is null)
        {
            // Outlook turned off since the change was written, or nobody to send from or to: the Teams card stands.
            LogNotMailed(logger, c.Reference.Value, purpose, !outlook.IsEnabled ? "Outlook:OriginatorId is not set" : address is null ? "the recipient has no mail address in the board configuration" : "the board has no boardMailbox");
            return;
        }

        var card = outlook.Card(CaseViews.For(purpose, c, board, recipient, today));
        var subject = Subject(purpose, c.Reference);
        var body = OutlookActionableMessages.HtmlBody(card, $"{subject}. Open this message in Outlook, or ReviewBot in Teams, to act on it.");
        try
        {
            await mailer.SendAsync(mailbox, new OutgoingMail([address], subject, body), cancellationToken);
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
