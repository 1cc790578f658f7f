using System.Globalization;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Bot.Referrals;

/// <summary>Turns the referral conversation's prompts and outcomes into card models.</summary>
public static class ReferralCardMapper
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The card for a question or the summary; <paramref name="today"/> counts clocks' days left.</summary>
    public static ICardModel ToCard(ReferralPrompt prompt, DateOnly today) => prompt switch
    {
        QuestionPrompt question => Question(question),
        SummaryPrompt summary => Summary(summary, today),
        NoticePrompt notice => new MessageCard("Referral", notice.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(prompt)),
    };

    /// <summary>What the referrer sees once the case exists: its reference and what happens next, by when.</summary>
    public static ReferralAcknowledgementCard Acknowledgement(ReviewCase reviewCase, BoardConfiguration board)
    {
        var referredOn = Day(BoardTime.Today(board, reviewCase.ReferredAt));
        List<NextStep> steps =
        [
            new("The board's business manager and the sub-group consider your referral and may ask you for more information.", "Within days"),
            new("The sub-group recommends to the chair, who decides whether to initiate a review.", reviewCase.Clocks.FirstOrDefault(c => c.Kind == ClockKinds.ChairDecision) is { } decision ? Day(decision.DueOn) : "Normally within one month of the case reaching the chair"),
            .. reviewCase.Criteria.Clocks.Select(c => new NextStep(c.Rule, Day(c.DueOn))),
            new("You will be told the decision here, in this chat.", "When the chair decides"),
        ];
        return new ReferralAcknowledgementCard(reviewCase.Reference, referredOn, steps);
    }

    /// <summary>A criteria outcome as shown on cards, with working days left on each clock.</summary>
    public static CriteriaOutcomeView Outcome(CriteriaOutcome outcome, DateOnly today)
        => new(
            LevelText(outcome.Level),
            outcome.Summary,
            [.. outcome.Findings.Select(f => new FindingView(f.Text, f.Source))],
            [.. outcome.Clocks.Select(c => Clock(c, today))]);

    /// <summary>A clock with its due date and working days left (or overdue).</summary>
    public static ClockView Clock(CaseClock clock, DateOnly today)
    {
        var left = WorkingDayCalendar.EnglandAndWales.WorkingDaysBetween(today, clock.DueOn);
        var text = clock.CompletedAt is not null ? "Done"
            : left > 0 ? $"{left} working day{(left == 1 ? string.Empty : "s")} left"
            : clock.DueOn == today ? "Due today"
            : clock.DueOn > today ? "Due on the next working day"
            : $"Overdue by {-left} working day{(left == -1 ? string.Empty : "s")}";
        return new ClockView(ClockLabel(clock.Kind), Day(clock.DueOn), text, clock.CompletedAt is null && clock.DueOn < today);
    }

    /// <summary>Plain words for a criteria level.</summary>
    public static string LevelText(CriteriaLevel level) => level switch
    {
        CriteriaLevel.Must => "Criteria met: a serious case review must be done",
        CriteriaLevel.ShouldAlways => "A serious case review should always be done",
        CriteriaLevel.Consider => "The board should consider a serious case review",
        CriteriaLevel.NotMet => "Criteria not met: consider an alternative review",
        CriteriaLevel.LocalReviewIndicated => "Notifiable incident: the local review criteria may be met",
        CriteriaLevel.NotifiableIncident => "Notifiable incident: rapid review due",
        CriteriaLevel.NotNotifiable => "Not a notifiable incident on these answers",
        CriteriaLevel.LookedAfterDeath => "A looked-after child's death: tell the Secretary of State and Ofsted (no rapid review)",
        _ => level.ToString(),
    };

    /// <summary>A date as people in England write it, e.g. "Tuesday 17 March 2026".</summary>
    public static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", EnglishUk);

    /// <summary>A clock's name in words, e.g. "Rapid review".</summary>
    public static string ClockLabel(string kind) => kind switch
    {
        ClockKinds.ChairDecision => "Chair's decision",
        ClockKinds.PanelNotification => "Notify the national Panel",
        ClockKinds.RapidReview => "Rapid review",
        ClockKinds.ReviewCompletion => "Complete the review",
        ClockKinds.NationalPanelReasons => "Reasons to the national panel",
        ClockKinds.LookedAfterDeathNotification => "Notify the Secretary of State and Ofsted",
        _ => kind,
    };

    private static ReferralQuestionCard Question(QuestionPrompt q)
    {
        // A "choose or type your own" question is a drop-down list with a box for an answer that isn't listed.
        var kind = q.Kind switch
        {
            ReferralInputKind.Date => QuestionInputKind.Date,
            ReferralInputKind.YesNo => QuestionInputKind.YesNo,
            ReferralInputKind.Choice when !q.AllowsOtherText => QuestionInputKind.Choice,
            ReferralInputKind.Choice => QuestionInputKind.ChoiceOrText,
            ReferralInputKind.MultiChoice when !q.AllowsOtherText => QuestionInputKind.MultiSelect,
            _ => QuestionInputKind.Text,
        };
        var listed = q.Prefill is { } prefill && q.Choices.Any(c => c.Value == prefill);
        var hint = kind == QuestionInputKind.Text && q.Choices.Count > 0
            ? string.Join("\n", [q.Hint, .. q.Choices.Select(c => $"{c.Number}. {c.Label}")])
            : q.Hint;
        return new ReferralQuestionCard
        {
            DraftId = q.DraftId,
            QuestionId = q.StepId,
            SectionTitle = q.Section,
            Progress = q.Progress,
            Question = q.Text,
            Hint = hint,
            Error = q.Problem,
            InputKind = kind,
            Multiline = q.Kind == ReferralInputKind.LongText,
            Value = kind == QuestionInputKind.ChoiceOrText && !listed ? string.Empty : q.Prefill ?? string.Empty,
            OtherValue = kind == QuestionInputKind.ChoiceOrText && !listed ? q.Prefill ?? string.Empty : string.Empty,
            Choices = [.. q.Choices.Select(c => new ChoiceView(c.Label, c.Value))],
            CanGoBack = q.CanGoBack,
            Skippable = q.CanSkip,
        };
    }

    /// <summary>
    /// "What happened" is shown whole, and "How the criteria are met" too when both together fit
    /// <see cref="CardLimits.SummaryFullText"/>; the other answers share <see cref="CardLimits.SummaryAnswerText"/>
    /// as previews, so the card stays under Teams' 28 KB however many people and dates are listed.
    /// </summary>
    private static Func<SummaryItem, SummaryAnswer> Answers(SummaryPrompt summary)
    {
        var events = summary.Items.FirstOrDefault(i => i.StepId == ReferralSteps.Events)?.Value.Length ?? 0;
        bool Whole(SummaryItem i) => i.Value.Length > CardLimits.AnswerPreview / 2
            && (i.StepId == ReferralSteps.Events || (i.StepId == ReferralSteps.Narrative && events + i.Value.Length <= CardLimits.SummaryFullText));
        var shortRows = Math.Max(1, summary.Items.Count(i => !Whole(i)));
        var preview = Math.Clamp(CardLimits.SummaryAnswerText / shortRows, 50, CardLimits.AnswerPreview);
        return i => Whole(i) ? SummaryAnswer.InFull(i.Label, i.Value, i.StepId) : new SummaryAnswer(i.Label, CardText.Preview(i.Value, preview), i.StepId);
    }

    private static ReferralSummaryCard Summary(SummaryPrompt summary, DateOnly today)
    {
        var answer = Answers(summary);
        return new(
            summary.DraftId,
            [.. summary.Sections.Select(s => new Cards.Models.SummarySection(s.Title, [.. s.Items.Select(answer)]))],
            summary.Criteria is { } criteria
                ? Outcome(criteria, today)
                : new CriteriaOutcomeView("Criteria not yet answered", "Answer the criteria questions to see the recommendation.", [], []));
    }
}
