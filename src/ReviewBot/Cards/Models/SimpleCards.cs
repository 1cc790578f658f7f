using ReviewBot.Core.Cases;

namespace ReviewBot.Cards.Models;

/// <summary>Data for <c>cards/welcome.json</c>.</summary>
/// <param name="BoardName">e.g. "Northfield Safeguarding Children Board".</param>
/// <param name="ReviewName">The board's review in words: "serious case review" or "child safeguarding practice review".</param>
public sealed record WelcomeCard(string BoardName, string ReviewName) : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.Welcome;
}

/// <summary>Data for <c>cards/help.json</c> (the card has no data).</summary>
public sealed record HelpCard : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.Help;
}

/// <summary>Data for <c>cards/message.json</c>: a plain notice.</summary>
/// <param name="Title">Short title.</param>
/// <param name="Text">The notice (TextBlock markdown applies).</param>
public sealed record MessageCard(string Title, string Text) : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.Message;
}

/// <summary>Data for <c>cards/not-authorised.json</c>: "Only {Allowed} may {Action} on {CaseRef}."</summary>
/// <param name="CaseRef">The case.</param>
/// <param name="Allowed">Who may, e.g. "the board chair" (names only to people with a role on the case).</param>
/// <param name="Action">What they tried, e.g. "approve or decline the review".</param>
/// <param name="Status">The case's current status in words.</param>
public sealed record NotAuthorisedCard(CaseReference CaseRef, string Allowed, string Action, string Status) : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.NotAuthorised;
}

/// <summary>
/// Data for <c>cards/referral-notification.json</c>, posted to the board channel and the business
/// manager. Deliberately has no child name or narrative fields: the channel is wider than the case.
/// </summary>
/// <param name="CaseRef">The case.</param>
/// <param name="Rulebook">e.g. "Serious case review (LSCB Regulations 2006)".</param>
/// <param name="CriteriaLevel">The criteria check's level in words.</param>
/// <param name="ReferredOn">e.g. "Mon 16 Feb 2026".</param>
/// <param name="ReferrerAgency">The referrer's agency (not the referrer's name).</param>
public sealed record ReferralNotificationCard(CaseReference CaseRef, string Rulebook, string CriteriaLevel, string ReferredOn, string ReferrerAgency) : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ReferralNotification;
}

/// <summary>Data for <c>cards/referral-acknowledgement.json</c>, to the referrer after submitting.</summary>
/// <param name="CaseRef">The new case's reference.</param>
/// <param name="ReferredOn">When it was received, e.g. "Mon 16 Feb 2026, 10:42".</param>
/// <param name="NextSteps">What happens next and by when.</param>
public sealed record ReferralAcknowledgementCard(CaseReference CaseRef, string ReferredOn, IReadOnlyList<NextStep> NextSteps) : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ReferralAcknowledgement;
}

/// <summary>A step after a referral.</summary>
/// <param name="Text">What happens.</param>
/// <param name="By">By when, e.g. "Mon 2 Mar 2026".</param>
public sealed record NextStep(string Text, string By);

/// <summary>Data for <c>cards/case-status.json</c>.</summary>
/// <param name="CaseRef">The case.</param>
/// <param name="Version">The case's version.</param>
/// <param name="Stage">The stage in words.</param>
/// <param name="NextActor">Who acts next, e.g. "Board chair".</param>
/// <param name="Clocks">Every deadline, with working days left (overdue ones in the attention colour).</param>
/// <param name="TasksOpen">Follow-up tasks not yet ticked.</param>
/// <param name="TasksTotal">All follow-up tasks.</param>
public sealed record CaseStatusCard(CaseReference CaseRef, long Version, string Stage, string NextActor, IReadOnlyList<ClockView> Clocks, int TasksOpen, int TasksTotal) : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.CaseStatus;

    /// <summary>Each agency's IMR: due, submitted, overdue by N working days.</summary>
    public IReadOnlyList<ImrStatusLine> Imrs { get; init; } = [];

    /// <summary>Shows "Extend a deadline" (the business manager or board chair, while a deadline is open).</summary>
    public bool CanExtend { get; init; }
}

/// <summary>Data for <c>cards/clock-reminder.json</c>: a reminder to a clock's owner, with "Mark done" until it is done.</summary>
/// <param name="CaseRef">The case.</param>
/// <param name="Version">The case's version (a press on an older card changes nothing).</param>
/// <param name="ClockKind">The clock, e.g. "panel-notification".</param>
/// <param name="Title">Short title.</param>
/// <param name="Text">What is due and when.</param>
/// <param name="Rule">The rule with its source.</param>
/// <param name="Done">True once marked done.</param>
/// <param name="DoneText">Who marked it done and when (empty until then).</param>
public sealed record ClockReminderCard(CaseReference CaseRef, long Version, string ClockKind, string Title, string Text, string Rule, bool Done, string DoneText) : ICardModel
{
    /// <inheritdoc />
    string ICardModel.CardName => CardNames.ClockReminder;
}
