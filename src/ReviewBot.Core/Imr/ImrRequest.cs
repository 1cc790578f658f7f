using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Imr;

/// <summary>
/// An Individual Management Review with its chronology, asked of one agency when a review is agreed (Enfield 3.10,
/// 4.3). The business manager names the author and the agency's panel member; the author confirms independence and
/// submits a link to the document; the panel member confirms it arrived.
/// </summary>
/// <param name="AgencyId">The agency asked (the board's agency id).</param>
/// <param name="DueOn">The panel's deadline (the latest agreed date after extensions).</param>
/// <param name="AuthorObjectId">The IMR author, once named.</param>
/// <param name="ReceivedAt">When the agency's panel member confirmed the IMR arrived.</param>
public sealed record ImrRequest(string AgencyId, DateOnly DueOn, string? AuthorObjectId = null, DateTimeOffset? ReceivedAt = null)
{
    /// <summary>Day 0: the day the review was agreed and the IMR asked for.</summary>
    public DateOnly CommissionedOn { get; init; }

    /// <summary>The day the current due date was set (commissioning, an edit or an extension): reminders before it are not sent late.</summary>
    public DateOnly DueSetOn { get; init; }

    /// <summary>The agency's member of the review panel, who sees that the IMR is delivered.</summary>
    public string? PanelMemberObjectId { get; init; }

    /// <summary>The author's confirmed independence statement (Enfield 3.6), once given.</summary>
    public ImrIndependence? Independence { get; init; }

    /// <summary>The submitted document, once submitted: reminders stop.</summary>
    public ImrSubmission? Submission { get; init; }

    /// <summary>Who confirmed receipt (the panel member).</summary>
    public string? ReceivedByObjectId { get; init; }

    /// <summary>Agreed extensions, oldest first.</summary>
    public IReadOnlyList<ClockExtension> Extensions { get; init; } = [];

    /// <summary>Reminders and escalations sent, oldest first: each deadline entry is recorded once, with the change that sends it.</summary>
    public IReadOnlyList<ImrReminder> Reminders { get; init; } = [];

    /// <summary>People for whom Teams refused to install ReviewBot: they are reached by Outlook alone.</summary>
    public IReadOnlyList<string> OutlookOnly { get; init; } = [];

    /// <summary>True once the IMR is submitted: nothing more is chased.</summary>
    public bool IsSubmitted => Submission is not null;
}

/// <summary>The author's independence statement as confirmed on the card.</summary>
/// <param name="Statement">The words confirmed.</param>
/// <param name="ByObjectId">The author.</param>
/// <param name="At">When.</param>
public sealed record ImrIndependence(string Statement, string ByObjectId, DateTimeOffset At);

/// <summary>An IMR handed in.</summary>
/// <param name="DocumentUrl">Link to the document (the IMR itself stays in the agency's or board's store).</param>
/// <param name="ByObjectId">Who submitted it (the author or the panel member).</param>
/// <param name="At">When.</param>
public sealed record ImrSubmission(string DocumentUrl, string ByObjectId, DateTimeOffset At);

/// <summary>One reminder or escalation, as recorded when the deadline sweep claimed its entry.</summary>
/// <param name="Key">The deadline entry's kind (unique per request, due date and step).</param>
/// <param name="SentOn">The board's working day it went out.</param>
/// <param name="OverdueWorkingDays">Working days overdue on that day (0 when not yet overdue).</param>
/// <param name="Recipients">Who it went to (Entra object ids).</param>
/// <param name="Escalation">Whether it went beyond the author.</param>
public sealed record ImrReminder(string Key, DateOnly SentOn, int OverdueWorkingDays, IReadOnlyList<string> Recipients, ImrEscalation Escalation)
{
    /// <summary>True when a later reminder of the same request fell due by the same sweep (after downtime): recorded, not sent.</summary>
    public bool Superseded { get; init; }
}

/// <summary>How far an overdue IMR has been escalated.</summary>
public enum ImrEscalation
{
    /// <summary>The author only.</summary>
    None,

    /// <summary>The agency's panel member too.</summary>
    PanelMember,

    /// <summary>The board chair too.</summary>
    Chair,
}
