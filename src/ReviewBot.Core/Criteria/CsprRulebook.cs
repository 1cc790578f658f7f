using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;
using static ReviewBot.Core.Criteria.Condition;
using static ReviewBot.Core.Criteria.CriteriaQuestionIds;

namespace ReviewBot.Core.Criteria;

/// <summary>Child Safeguarding Practice Review criteria (Working Together 2018/2023; SI 2018/789 reg 11).</summary>
/// <remarks>
/// A notifiable incident starts two clocks, counted in England and Wales working days: the serious incident
/// notification (5 working days from the local authority becoming aware) and the rapid review (15 working
/// days from the board's <see cref="BoardConfiguration.RapidReviewStartsFrom"/> point). The dates come from
/// the referral's key dates labelled <see cref="BecameAwareKeyDate"/> and <see cref="NotificationSentKeyDate"/>.
/// </remarks>
public sealed class CsprRulebook : Rulebook
{
    /// <summary>Label of the referral key date on which the local authority became aware of the incident.</summary>
    public const string BecameAwareKeyDate = "Local authority became aware";

    /// <summary>Label of the referral key date on which the serious incident notification was sent to the Panel.</summary>
    public const string NotificationSentKeyDate = "Serious incident notification sent";

    private const string S16C = "Children Act 2004 s16C(1)";
    private const string S16C2 = "Children Act 2004 s16C(2)";
    private const string WorkingTogether2023 = SourceCitations.WorkingTogether2023;
    private const string WorkingTogether2018Reviews = SourceCitations.WorkingTogether2018Reviews;
    private const string Reg11 = "SI 2018/789 reg 11";
    private const int NotificationWorkingDays = 5;
    private const int RapidReviewWorkingDays = 15;

    private static readonly CriteriaLevel[] StrongestFirst = [CriteriaLevel.LocalReviewIndicated, CriteriaLevel.NotifiableIncident, CriteriaLevel.LookedAfterDeath];

    /// <summary>Abuse or neglect known or suspected, and the child died or was seriously harmed.</summary>
    private static readonly Condition AbuseWithDeathOrHarm = All(Yes(AbuseOrNeglect), Any(Yes(ChildDied), Yes(SeriouslyHarmed)));

    /// <summary>
    /// A serious incident this local authority must notify to the Panel (s16C(1)): abuse or neglect with death
    /// or serious harm, in its area or outside England while normally resident in it.
    /// </summary>
    private static readonly Condition Notifiable = All(AbuseWithDeathOrHarm, Not(No(InLocalAuthorityArea)));

    /// <summary>A looked-after child has died, with no abuse or neglect known or suspected (s16C(2): Secretary of State and Ofsted).</summary>
    private static readonly Condition LookedAfterChildDied = All(No(AbuseOrNeglect), Yes(ChildDied), Yes(LookedAfter));

    /// <summary>The one instance.</summary>
    public static CsprRulebook Instance { get; } = new();

    /// <inheritdoc />
    public override RulebookKind Kind => RulebookKind.Cspr;

    /// <inheritdoc />
    public override string Name => "Child Safeguarding Practice Review (Working Together 2023)";

    /// <inheritdoc />
    public override IReadOnlyList<CriteriaQuestion> Questions { get; } =
    [
        new(AbuseOrNeglect,
            "Does the local authority know or suspect that the child has been abused or neglected?",
            "Suspected is enough. Abuse means physical, emotional or sexual abuse, or neglect, by anyone.",
            S16C),
        new(ChildDied,
            "Has the child died? (This includes a suspected suicide.)",
            "Answer yes if the child has died, whatever the cause, including a suspected suicide. The death must be in the local authority's area, or outside England for a child normally resident in it.",
            S16C),
        new(SeriouslyHarmed,
            "Has the child been seriously harmed?",
            "Serious harm includes serious and/or long-term impairment of mental health or intellectual, emotional, social or behavioural development, and impairment of physical health. Judge it even if long-term impairment is not yet certain.",
            $"{S16C}; {WorkingTogether2023}",
            AskOnlyIfYes: [AbuseOrNeglect], AskOnlyIfNo: [ChildDied]),
        new(InLocalAuthorityArea,
            "Did this happen in the local authority's area, or outside England while the child was normally resident in the area?",
            "The local authority notifies the Panel of a death or serious harm in its area, or outside England for a child normally resident in it. Answer no if it happened elsewhere in England: that area's local authority notifies.",
            S16C,
            AskOnlyIfYes: [AbuseOrNeglect], AskWhen: Any(Yes(ChildDied), Yes(SeriouslyHarmed))),
        new(LookedAfter,
            "Was the child looked after by a local authority (in care, or accommodated by it)?",
            "The death of a looked-after child is notified to the Secretary of State and Ofsted whatever the cause, even if abuse or neglect is not known or suspected.",
            S16C2,
            AskOnlyIfYes: [ChildDied], AskOnlyIfNo: [AbuseOrNeglect]),
        LocalReviewQuestion(ImprovementsNeeded, "a",
            "Does the case highlight, or may it highlight, improvements needed to safeguard and promote the welfare of children?",
            "Including improvements that were identified before and not yet made."),
        LocalReviewQuestion(RecurrentThemes, "b",
            "Does the case highlight, or may it highlight, recurrent themes in safeguarding and promoting the welfare of children?",
            "Themes seen in earlier reviews, audits or incidents, locally or nationally."),
        LocalReviewQuestion(AgenciesWorkingTogether, "c",
            "Does the case highlight, or may it highlight, concerns about two or more agencies working together effectively to safeguard and promote the welfare of the child?",
            "For example: information not shared, or agencies each assuming another was acting."),
        LocalReviewQuestion(PanelSuggestsLocalReview, "d",
            "Has the Child Safeguarding Practice Review Panel considered the case and concluded that a local review may be more appropriate?",
            "Answer yes only if the Panel has said so; otherwise no."),
        CircumstanceQuestion(SingleAgencyConcerns,
            "Do the safeguarding partners have cause for concern about the actions of a single agency?",
            "Working Together asks the partners to consider a local review in this circumstance too."),
        CircumstanceQuestion(NoAgencyInvolvement,
            "Was no agency involved with the child or family, in a way that gives cause for concern?",
            "For example a child no service knew about, when one should have."),
        CircumstanceQuestion(MoreThanOneArea,
            "Is more than one local authority, police area or health area involved, for example because the family moved around?",
            "Include areas the family lived in before."),
        CircumstanceQuestion(InstitutionalSetting,
            "May the case raise issues about safeguarding children in an institutional setting (for example a school, children's home or hospital)?",
            "Any setting where children are cared for or educated away from home."),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<CriteriaRule> Rules { get; } =
    [
        new("notifiable-death",
            All(Notifiable, Yes(ChildDied)),
            CriteriaLevel.NotifiableIncident,
            "Abuse or neglect is known or suspected and the child has died (this includes a suspected suicide): a serious incident the local authority must notify to the Child Safeguarding Practice Review Panel.",
            $"{S16C}; {WorkingTogether2023}"),
        new("notifiable-serious-harm",
            All(Notifiable, Yes(SeriouslyHarmed)),
            CriteriaLevel.NotifiableIncident,
            "Abuse or neglect is known or suspected and the child has been seriously harmed: a serious incident the local authority must notify to the Child Safeguarding Practice Review Panel.",
            $"{S16C}; {WorkingTogether2023}"),
        new("outside-area",
            All(AbuseWithDeathOrHarm, No(InLocalAuthorityArea)),
            null,
            "It happened in another local authority's area in England: that local authority notifies the Panel, not this one.",
            S16C),
        new("looked-after-death",
            LookedAfterChildDied,
            CriteriaLevel.LookedAfterDeath,
            "A looked-after child has died, with no abuse or neglect known or suspected: the local authority must notify the Secretary of State and Ofsted. This is not a serious child safeguarding case, so no rapid review is started.",
            S16C2),
        LocalReviewRule(ImprovementsNeeded, "a", "The case highlights or may highlight improvements needed to safeguard and promote the welfare of children"),
        LocalReviewRule(RecurrentThemes, "b", "The case highlights or may highlight recurrent themes in safeguarding and promoting the welfare of children"),
        LocalReviewRule(AgenciesWorkingTogether, "c", "The case highlights or may highlight concerns about two or more agencies working together effectively"),
        LocalReviewRule(PanelSuggestsLocalReview, "d", "The Child Safeguarding Practice Review Panel concluded that a local review may be more appropriate"),
        CircumstanceRule(SingleAgencyConcerns, "The safeguarding partners have cause for concern about the actions of a single agency"),
        CircumstanceRule(NoAgencyInvolvement, "No agency was involved, and that gives cause for concern"),
        CircumstanceRule(MoreThanOneArea, "More than one local authority, police area or health area is involved"),
        CircumstanceRule(InstitutionalSetting, "The case may raise issues about safeguarding children in an institutional setting"),
    ];

    /// <inheritdoc />
    public override CriteriaOutcome Evaluate(Referral referral, BoardConfiguration board, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(board);
        var answers = AnswersFor(referral);
        var met = RulesMetBy(answers);
        var level = Strongest(met, StrongestFirst, CriteriaLevel.NotNotifiable);
        var closing = Closing(answers, "the local authority decides whether to notify, and the safeguarding partners decide on a local review after any rapid review.");
        if (level == CriteriaLevel.NotNotifiable)
        {
            return new CriteriaOutcome
            {
                Level = level,
                Summary = "On the answers given this is not a serious incident that must be notified to the Child Safeguarding Practice Review Panel." + closing,
                Findings = [new CriteriaFinding(
                    "Not notifiable: a notifiable incident needs abuse or neglect known or suspected and the child's death or serious harm, or the death of a looked-after child.",
                    $"{S16C}; {WorkingTogether2023}")],
            };
        }

        if (level == CriteriaLevel.LookedAfterDeath)
        {
            var notice = LookedAfterDeathClock(referral, board, today);
            return new CriteriaOutcome
            {
                Level = level,
                Summary = $"A looked-after child has died: notify the Secretary of State and Ofsted by {Day(notice.DueOn)}. With no abuse or neglect known or suspected, no rapid review is started." + closing,
                Findings = FindingsOf(met),
                Clocks = [notice],
            };
        }

        var clocks = Clocks(referral, board, today);
        return new CriteriaOutcome
        {
            Level = level,
            Summary = Headline(level) + " " + DueDates(clocks[0], clocks[1]) + closing,
            Findings = FindingsOf(met),
            Clocks = clocks,
        };
    }

    private static CriteriaQuestion LocalReviewQuestion(string id, string letter, string text, string hint)
        => new(id, text, hint, $"{Reg11}({letter})", AskWhen: Notifiable);

    private static CriteriaQuestion CircumstanceQuestion(string id, string text, string hint)
        => new(id, text, hint, WorkingTogether2018Reviews, AskWhen: Notifiable);

    private static CriteriaRule CircumstanceRule(string id, string finding)
        => new($"local-review-{id}",
            All(Notifiable, Yes(id)),
            CriteriaLevel.LocalReviewIndicated,
            $"{finding}: Working Together asks the safeguarding partners to consider a local review in this circumstance, beyond the reg 11 criteria.",
            WorkingTogether2018Reviews);

    private static CriteriaRule LocalReviewRule(string id, string letter, string finding)
        => new($"local-review-{letter}",
            All(Notifiable, Yes(id)),
            CriteriaLevel.LocalReviewIndicated,
            $"{finding}: a local review criterion the safeguarding partners must take into account.",
            $"{Reg11}({letter}); {WorkingTogether2023}");

    private static string Headline(CriteriaLevel level) => level == CriteriaLevel.LocalReviewIndicated
        ? "This is a serious incident to notify to the Child Safeguarding Practice Review Panel, and the local review criteria may be met (SI 2018/789 reg 11). Meeting them does not oblige a local review: the rapid review decides."
        : "This is a serious incident to notify to the Child Safeguarding Practice Review Panel, and a rapid review is due. No local review criterion (SI 2018/789 reg 11) is indicated yet.";

    private static CaseClock[] Clocks(Referral referral, BoardConfiguration board, DateOnly today)
    {
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var knownAware = referral.LocalAuthorityBecameAware ?? KeyDate(referral, BecameAwareKeyDate);
        var aware = knownAware ?? today;
        var awareWords = knownAware is null
            ? $"counted from today, {Day(today)}, because the date the local authority became aware was not given; if it became aware earlier, this is due sooner"
            : $"counted from {Day(aware)}, when the local authority became aware";
        var notification = new CaseClock(
            ClockKinds.PanelNotification,
            aware,
            calendar.AddWorkingDays(aware, NotificationWorkingDays),
            $"Notify the Child Safeguarding Practice Review Panel, and the safeguarding partners, within {NotificationWorkingDays} working days of the local authority becoming aware ({S16C}; {WorkingTogether2023}); {awareWords}.")
        {
            OwnerRole = board.PanelNotificationOwner,
        };

        var (reviewStart, reviewWords) = board.RapidReviewStartsFrom switch
        {
            RapidReviewStart.NotificationSent when KeyDate(referral, NotificationSentKeyDate) is { } sent
                => (sent, $"counted from {Day(sent)}, when the notification was sent (this board counts from the notification)"),
            RapidReviewStart.NotificationSent
                => (notification.DueOn, $"counted from {Day(notification.DueOn)}, the day the notification is due, because the date it was sent is not known (this board counts from the notification)"),
            _ => (aware, awareWords + " (this board counts from becoming aware)"),
        };
        var rapidReview = new CaseClock(
            ClockKinds.RapidReview,
            reviewStart,
            calendar.AddWorkingDays(reviewStart, RapidReviewWorkingDays),
            $"Complete the rapid review and send it to the Panel within {RapidReviewWorkingDays} working days ({WorkingTogether2023}); {reviewWords}.")
        {
            OwnerRole = board.RapidReviewOwner,
        };

        return [notification, rapidReview];
    }

    // s16C(2) sets no period; the notice follows the serious incident notification's 5 working days.
    private static CaseClock LookedAfterDeathClock(Referral referral, BoardConfiguration board, DateOnly today)
    {
        var aware = referral.LocalAuthorityBecameAware ?? KeyDate(referral, BecameAwareKeyDate) ?? today;
        return new CaseClock(
            ClockKinds.LookedAfterDeathNotification,
            aware,
            WorkingDayCalendar.EnglandAndWales.AddWorkingDays(aware, NotificationWorkingDays),
            $"Notify the Secretary of State and Ofsted of the death of a looked-after child ({S16C2}); s16C(2) sets no period, so this uses the {NotificationWorkingDays} working days of the serious incident notification ({WorkingTogether2023}), counted from {Day(aware)}.")
        {
            OwnerRole = board.PanelNotificationOwner,
        };
    }

    private static string DueDates(CaseClock notification, CaseClock rapidReview)
        => $"The Panel notification is due by {Day(notification.DueOn)} and the rapid review by {Day(rapidReview.DueOn)}.";

    // The earliest matching key date: when in doubt, the clock runs from the earlier day.
    private static DateOnly? KeyDate(Referral referral, string label)
        => referral.KeyDates
            .Where(k => string.Equals(k.What.Trim(), label, StringComparison.OrdinalIgnoreCase))
            .Select(k => (DateOnly?)k.Date)
            .Min();

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", EnglishUk);
}
