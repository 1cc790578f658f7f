using ReviewBot.Core.Deadlines;

namespace ReviewBot.Core.Effects;

/// <summary>
/// Something a case change sets off outside the case (a card, a notice, a deadline entry), written with the
/// change in the same conditional batch and carried out afterwards by the host. It holds no more than is
/// needed to do it: cards and texts are rendered from the case as it stands when the effect runs.
/// </summary>
/// <param name="Kind">What to do: one of <see cref="CaseEffectKinds"/>.</param>
/// <param name="Recipient">Entra object id of the person it is for, when it is for one person.</param>
/// <param name="Detail">Which card (<see cref="CaseCardPurposes"/>) or which message (an index into the case).</param>
/// <param name="Deadlines">For deadline effects: the index entries to add or remove.</param>
public sealed record CaseEffect(string Kind, string? Recipient = null, string? Detail = null, IReadOnlyList<Deadline>? Deadlines = null)
{
    /// <summary>Words for logs and the business manager: no personal data.</summary>
    public string Describe() => Kind switch
    {
        CaseEffectKinds.PostCard => $"post the {Detail} card",
        CaseEffectKinds.MailCard => $"mail the {Detail} card to Outlook",
        CaseEffectKinds.UpdatePostedCards => "update the posted cards",
        CaseEffectKinds.TellReferrer => "tell the referrer",
        CaseEffectKinds.BoardNotice => "post the notice in the board's channel",
        CaseEffectKinds.ScheduleDeadlines => "schedule reminders",
        CaseEffectKinds.CancelDeadlines => "cancel reminders",
        _ => Meetings.MeetingEffectKinds.Describe(Kind) ?? Kind,
    };
}

/// <summary>The kinds of <see cref="CaseEffect"/>.</summary>
public static class CaseEffectKinds
{
    /// <summary>Post a card (<see cref="CaseEffect.Detail"/> = purpose) to the recipient's 1:1 chat.</summary>
    public const string PostCard = "post-card";

    /// <summary>
    /// Mail the card (<see cref="CaseEffect.Detail"/> = purpose) to the recipient's Outlook as an actionable
    /// message, beside the Teams post; only for purposes in <see cref="CardMailing"/>.
    /// </summary>
    public const string MailCard = "mail-card";

    /// <summary>Re-render every card posted about the case and update it in place.</summary>
    public const string UpdatePostedCards = "update-cards";

    /// <summary>Tell the referrer (<see cref="CaseEffect.Detail"/>: "decision", or "info:{index}" for a question).</summary>
    public const string TellReferrer = "tell-referrer";

    /// <summary>Post the new-case notice (no child's name or narrative) to the board's channel.</summary>
    public const string BoardNotice = "board-notice";

    /// <summary>Add entries to the deadline index.</summary>
    public const string ScheduleDeadlines = "schedule-deadlines";

    /// <summary>Remove entries from the deadline index.</summary>
    public const string CancelDeadlines = "cancel-deadlines";
}

/// <summary>The cards posted about a case, by what they are for.</summary>
public static class CaseCardPurposes
{
    /// <summary>The sub-group's recommendation card.</summary>
    public const string Recommendation = "recommendation";

    /// <summary>The board chair's decision card.</summary>
    public const string Decision = "decision";

    /// <summary>The follow-up checklist.</summary>
    public const string Checklist = "checklist";
}
