using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;

namespace ReviewBot.Core.Imr;

/// <summary>
/// What an IMR change sets off, from the case before and after (written with the change, run by the outbox): the
/// IMR card to the business manager and chair, the request to the author by Teams, Outlook mail and a calendar
/// event on the due date, each reminder to its recipients, and the panel member told of a submission.
/// </summary>
public static class ImrEffects
{
    /// <summary>A Teams message to a person's 1:1 chat, installing the app for them first where needed.</summary>
    public const string Teams = "imr-teams";

    /// <summary>An Outlook mail from the board mailbox.</summary>
    public const string Mail = "imr-mail";

    /// <summary>The due date in the author's calendar (an event organised by the board mailbox).</summary>
    public const string CalendarEvent = "imr-event";

    /// <summary>Card purpose prefix of an agency's IMR card: <c>imr:{agency}</c>.</summary>
    public const string CardPurposePrefix = "imr:";

    /// <summary>Roles sent each agency's IMR card when the IMRs are commissioned.</summary>
    public static readonly IReadOnlyList<BoardRole> CommissionRecipients = [BoardRole.BusinessManager, BoardRole.BoardChair];

    /// <summary>True for the IMR effect kinds.</summary>
    public static bool IsImr(string kind) => kind is Teams or Mail or CalendarEvent;

    /// <summary>The IMR card purpose of an agency.</summary>
    public static string CardPurpose(string agencyId) => CardPurposePrefix + agencyId;

    /// <summary>
    /// The IMR effects of a change. When <paramref name="mailing"/> mails the IMR card, a new author's request mail
    /// is the card as an Outlook actionable message (<see cref="CaseEffectKinds.MailCard"/>), not a second mail.
    /// </summary>
    public static IEnumerable<CaseEffect> ForChange(ReviewCase before, ReviewCase after, CardMailing? mailing = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        foreach (var request in after.ImrRequests)
        {
            var earlier = before.ImrRequests.FirstOrDefault(r => r.AgencyId == request.AgencyId);
            foreach (var effect in earlier is null ? Commissioned(after, request, mailing) : Changed(earlier, request, mailing))
            {
                yield return effect;
            }
        }
    }

    private static IEnumerable<CaseEffect> Commissioned(ReviewCase c, ImrRequest request, CardMailing? mailing)
    {
        var viewers = CommissionRecipients.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var viewer in viewers)
        {
            yield return new CaseEffect(CaseEffectKinds.PostCard, viewer, CardPurpose(request.AgencyId));
        }

        foreach (var effect in Changed(request with { PanelMemberObjectId = null, AuthorObjectId = null }, request, mailing))
        {
            yield return effect;
        }
    }

    private static IEnumerable<CaseEffect> Changed(ImrRequest before, ImrRequest after, CardMailing? mailing)
    {
        var agency = after.AgencyId;
        if (after.PanelMemberObjectId is { } panel && !Same(panel, before.PanelMemberObjectId) && !Same(panel, after.AuthorObjectId))
        {
            yield return new CaseEffect(Teams, panel, "card:" + agency);
        }

        if (after.AuthorObjectId is { } author)
        {
            var newAuthor = !Same(author, before.AuthorObjectId);
            if (newAuthor)
            {
                yield return new CaseEffect(Teams, author, "card:" + agency);
                yield return (mailing ?? CardMailing.None).Mails(CardPurpose(agency))
                    ? new CaseEffect(CaseEffectKinds.MailCard, author, CardPurpose(agency))
                    : new CaseEffect(Mail, author, "request:" + agency);
            }
            else if (before.DueOn != after.DueOn)
            {
                yield return new CaseEffect(Mail, author, "moved:" + agency);
            }

            if (newAuthor || before.DueOn != after.DueOn)
            {
                yield return new CaseEffect(CalendarEvent, author, agency);
            }
        }

        for (var i = before.Reminders.Count; i < after.Reminders.Count; i++)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"reminder:{agency}:{i}");
            foreach (var recipient in after.Reminders[i].Recipients)
            {
                yield return new CaseEffect(Teams, recipient, detail);
                yield return new CaseEffect(Mail, recipient, detail);
            }
        }

        if (before.Submission is null && after.Submission is { } submitted && after.ReceivedAt is null
            && after.PanelMemberObjectId is { } confirmer && !Same(confirmer, submitted.ByObjectId))
        {
            yield return new CaseEffect(Teams, confirmer, "submitted:" + agency);
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
