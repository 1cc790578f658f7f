using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;
using static ReviewBot.Core.Tests.Criteria.CriteriaTestData;

namespace ReviewBot.Core.Tests.Criteria;

public sealed class CsprRulebookTests
{
    private const string NoLocalReviewCriteria = "in-local-authority-area=yes improvements-needed=no recurrent-themes=no agencies-working-together=no panel-suggests-local-review=no single-agency-concerns=no no-agency-involvement=no more-than-one-area=no institutional-setting=no";

    private static readonly CsprRulebook Cspr = CsprRulebook.Instance;

    public static TheoryData<string, CriteriaLevel, string[]> Branches => new()
    {
        { $"abuse-or-neglect=yes child-died=yes {NoLocalReviewCriteria}", CriteriaLevel.NotifiableIncident, ["notifiable-death"] },
        { $"abuse-or-neglect=yes child-died=no seriously-harmed=yes {NoLocalReviewCriteria}", CriteriaLevel.NotifiableIncident, ["notifiable-serious-harm"] },
        { "abuse-or-neglect=yes child-died=yes improvements-needed=yes", CriteriaLevel.LocalReviewIndicated, ["notifiable-death", "local-review-a"] },
        { "abuse-or-neglect=yes child-died=yes recurrent-themes=yes", CriteriaLevel.LocalReviewIndicated, ["notifiable-death", "local-review-b"] },
        { "abuse-or-neglect=yes child-died=no seriously-harmed=yes agencies-working-together=yes", CriteriaLevel.LocalReviewIndicated, ["notifiable-serious-harm", "local-review-c"] },
        { "abuse-or-neglect=yes child-died=yes panel-suggests-local-review=yes", CriteriaLevel.LocalReviewIndicated, ["notifiable-death", "local-review-d"] },
        { "abuse-or-neglect=yes child-died=yes improvements-needed=yes recurrent-themes=yes agencies-working-together=yes panel-suggests-local-review=yes", CriteriaLevel.LocalReviewIndicated, ["notifiable-death", "local-review-a", "local-review-b", "local-review-c", "local-review-d"] },
        { "abuse-or-neglect=yes child-died=yes single-agency-concerns=yes", CriteriaLevel.LocalReviewIndicated, ["notifiable-death", "local-review-single-agency-concerns"] },
        { "abuse-or-neglect=yes child-died=yes no-agency-involvement=yes", CriteriaLevel.LocalReviewIndicated, ["notifiable-death", "local-review-no-agency-involvement"] },
        { "abuse-or-neglect=yes child-died=no seriously-harmed=yes more-than-one-area=yes", CriteriaLevel.LocalReviewIndicated, ["notifiable-serious-harm", "local-review-more-than-one-area"] },
        { "abuse-or-neglect=yes child-died=yes institutional-setting=yes", CriteriaLevel.LocalReviewIndicated, ["notifiable-death", "local-review-institutional-setting"] },
    };

    public static TheoryData<string> NotNotifiable => new()
    {
        "abuse-or-neglect=no child-died=yes looked-after=no",
        "abuse-or-neglect=yes child-died=no seriously-harmed=no",
        "abuse-or-neglect=no child-died=no",
        "abuse-or-neglect=no child-died=no seriously-harmed=yes improvements-needed=yes", // stale answers are not weighed
    };

    [Theory]
    [MemberData(nameof(Branches))]
    public void Each_branch_gives_its_level_and_cites_every_rule_that_applied(string answers, CriteriaLevel level, string[] ruleIds)
    {
        var outcome = Cspr.Evaluate(Referral(answers), Board(), Today);

        Assert.Equal(level, outcome.Level);
        Assert.Equal(ruleIds.Select(id => Cspr.Rules.Single(r => r.Id == id)).Select(r => new CriteriaFinding(r.Finding, r.Source)), outcome.Findings);
        Assert.Equal([ClockKinds.PanelNotification, ClockKinds.RapidReview], outcome.Clocks.Select(c => c.Kind));
    }

    [Fact]
    public void A_looked_after_childs_death_without_abuse_is_told_to_the_Secretary_of_State_and_Ofsted_and_starts_no_rapid_review()
    {
        var referral = Referral("abuse-or-neglect=no child-died=yes looked-after=yes", keyDates: new KeyDate(D("2026-12-22"), CsprRulebook.BecameAwareKeyDate));

        var outcome = Cspr.Evaluate(referral, Board(), Today);

        Assert.Equal(CriteriaLevel.LookedAfterDeath, outcome.Level);
        var clock = Assert.Single(outcome.Clocks);
        Assert.Equal((ClockKinds.LookedAfterDeathNotification, D("2026-12-31"), BoardRole.HeadOfSafeguarding), (clock.Kind, clock.DueOn, clock.OwnerRole!.Value));
        Assert.Contains("Secretary of State and Ofsted", outcome.Summary, StringComparison.Ordinal);
        Assert.Contains("no rapid review", outcome.Summary, StringComparison.Ordinal);
        Assert.Contains(outcome.Findings, f => f.Source == "Children Act 2004 s16C(2)");
        Assert.Null(Cspr.NextQuestion(referral)); // no local review questions: not a serious child safeguarding case
    }

    [Fact]
    public void An_incident_elsewhere_in_England_is_notified_by_that_local_authority()
    {
        var outcome = Cspr.Evaluate(Referral("abuse-or-neglect=yes child-died=yes in-local-authority-area=no"), Board(), Today);

        Assert.Equal(CriteriaLevel.NotNotifiable, outcome.Level);
        Assert.Empty(outcome.Clocks);
        Assert.Contains("s16C(1)", Cspr.Questions.Single(q => q.Id == CriteriaQuestionIds.InLocalAuthorityArea).Source, StringComparison.Ordinal);
        Assert.Contains("outside England", Cspr.Questions.Single(q => q.Id == CriteriaQuestionIds.InLocalAuthorityArea).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_notification_and_rapid_review_have_owners_from_the_board()
    {
        var board = Board() with { PanelNotificationOwner = BoardRole.BusinessManager, RapidReviewOwner = BoardRole.SubGroupChair };

        var outcome = Cspr.Evaluate(Referral("abuse-or-neglect=yes child-died=yes"), board, Today);

        Assert.Equal([BoardRole.BusinessManager, BoardRole.SubGroupChair], outcome.Clocks.Select(c => c.OwnerRole!.Value));
        Assert.Equal([BoardRole.HeadOfSafeguarding, BoardRole.BusinessManager], Cspr.Evaluate(Referral("abuse-or-neglect=yes child-died=yes"), Board(), Today).Clocks.Select(c => c.OwnerRole!.Value));
    }

    [Theory]
    [MemberData(nameof(NotNotifiable))]
    public void Not_notifiable_starts_no_clock(string answers)
    {
        var outcome = Cspr.Evaluate(Referral(answers), Board(), Today);

        Assert.Equal(CriteriaLevel.NotNotifiable, outcome.Level);
        Assert.Empty(outcome.Clocks);
        Assert.Contains(NotADecision, outcome.Summary, StringComparison.Ordinal);
        var finding = Assert.Single(outcome.Findings);
        Assert.Contains("s16C", finding.Source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Branches))]
    public void Every_summary_says_it_is_a_recommendation_not_a_decision_and_every_finding_has_a_source(string answers, CriteriaLevel level, string[] ruleIds)
    {
        _ = (level, ruleIds);
        var outcome = Cspr.Evaluate(Referral(answers), Board(), Today);

        Assert.Contains(NotADecision, outcome.Summary, StringComparison.Ordinal);
        Assert.All(outcome.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
        Assert.All(outcome.Clocks, c => Assert.Contains("Working Together", c.Rule, StringComparison.Ordinal));
        Assert.All(outcome.Clocks, c => Assert.True(Citations.HasLocatorOrCitesUnverifiable(c.Rule), c.Rule));
    }

    [Theory]
    [InlineData("improvements-needed", "(a)")]
    [InlineData("recurrent-themes", "(b)")]
    [InlineData("agencies-working-together", "(c)")]
    [InlineData("panel-suggests-local-review", "(d)")]
    public void Each_reg_11_criterion_is_cited_and_said_not_to_oblige_a_review(string questionId, string paragraph)
    {
        var outcome = Cspr.Evaluate(Referral($"abuse-or-neglect=yes child-died=yes {questionId}=yes"), Board(), Today);

        Assert.Equal(CriteriaLevel.LocalReviewIndicated, outcome.Level);
        Assert.Contains(outcome.Findings, f => f.Source.StartsWith($"SI 2018/789 reg 11{paragraph}", StringComparison.Ordinal));
        Assert.Contains("does not oblige", outcome.Summary, StringComparison.Ordinal);
        Assert.Equal($"SI 2018/789 reg 11{paragraph}", Cspr.Questions.Single(q => q.Id == questionId).Source);
    }

    [Fact]
    public void Rapid_review_counted_from_becoming_aware_across_Easter()
    {
        var referral = Referral("abuse-or-neglect=yes child-died=yes", keyDates: new KeyDate(D("2025-04-16"), CsprRulebook.BecameAwareKeyDate));

        var outcome = Cspr.Evaluate(referral, Board(RapidReviewStart.BecomingAware), Today);

        Assert.Equal(new CaseClock(ClockKinds.PanelNotification, D("2025-04-16"), D("2025-04-25"), outcome.Clocks[0].Rule) { OwnerRole = BoardRole.HeadOfSafeguarding }, outcome.Clocks[0]);
        Assert.Equal(new CaseClock(ClockKinds.RapidReview, D("2025-04-16"), D("2025-05-12"), outcome.Clocks[1].Rule) { OwnerRole = BoardRole.BusinessManager }, outcome.Clocks[1]);
        Assert.Contains("Friday 25 April 2025", outcome.Summary, StringComparison.Ordinal);
        Assert.Contains("Monday 12 May 2025", outcome.Summary, StringComparison.Ordinal);
        Assert.Contains("Wednesday 16 April 2025", outcome.Clocks[0].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Rapid_review_counted_from_the_notification_due_date_when_sending_is_not_recorded()
    {
        var referral = Referral("abuse-or-neglect=yes child-died=yes", keyDates: new KeyDate(D("2025-04-16"), CsprRulebook.BecameAwareKeyDate));

        var outcome = Cspr.Evaluate(referral, Board(RapidReviewStart.NotificationSent), Today);

        Assert.Equal(D("2025-04-25"), outcome.Clocks[0].DueOn);
        Assert.Equal(new CaseClock(ClockKinds.RapidReview, D("2025-04-25"), D("2025-05-19"), outcome.Clocks[1].Rule) { OwnerRole = BoardRole.BusinessManager }, outcome.Clocks[1]);
        Assert.Contains("not known", outcome.Clocks[1].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Rapid_review_counted_from_the_day_the_notification_was_sent()
    {
        var referral = Referral(
            "abuse-or-neglect=yes child-died=yes",
            keyDates: [new KeyDate(D("2025-04-16"), CsprRulebook.BecameAwareKeyDate), new KeyDate(D("2025-04-22"), CsprRulebook.NotificationSentKeyDate)]);

        var outcome = Cspr.Evaluate(referral, Board(RapidReviewStart.NotificationSent), Today);

        Assert.Equal(new CaseClock(ClockKinds.RapidReview, D("2025-04-22"), D("2025-05-14"), outcome.Clocks[1].Rule) { OwnerRole = BoardRole.BusinessManager }, outcome.Clocks[1]);
    }

    [Theory]
    [InlineData(RapidReviewStart.BecomingAware, "2026-01-16")]
    [InlineData(RapidReviewStart.NotificationSent, "2026-01-23")]
    public void Without_a_date_of_becoming_aware_today_is_day_0_and_the_outcome_says_so(RapidReviewStart start, string rapidReviewDue)
    {
        var today = D("2025-12-23");

        var outcome = Cspr.Evaluate(Referral("abuse-or-neglect=yes child-died=no seriously-harmed=yes"), Board(start), today);

        Assert.Equal(new CaseClock(ClockKinds.PanelNotification, today, D("2026-01-02"), outcome.Clocks[0].Rule) { OwnerRole = BoardRole.HeadOfSafeguarding }, outcome.Clocks[0]);
        Assert.Equal(D(rapidReviewDue), outcome.Clocks[1].DueOn);
        Assert.Contains("not given", outcome.Clocks[0].Rule, StringComparison.Ordinal);
        Assert.Contains("Friday 2 January 2026", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_earliest_date_of_becoming_aware_is_used()
    {
        var referral = Referral(
            "abuse-or-neglect=yes child-died=yes",
            keyDates: [new KeyDate(D("2025-04-22"), CsprRulebook.BecameAwareKeyDate), new KeyDate(D("2025-04-16"), "local authority became aware ")]);

        Assert.Equal(D("2025-04-16"), Cspr.Evaluate(referral, Board(), Today).Clocks[0].StartedOn);
    }

    [Fact]
    public void The_form_saying_the_child_was_seriously_harmed_makes_abuse_notifiable()
    {
        var referral = Referral("abuse-or-neglect=yes", IncidentKind.SeriouslyHarmed);

        Assert.Equal(CriteriaLevel.NotifiableIncident, Cspr.Evaluate(referral, Board(), Today).Level);
        Assert.Equal(CriteriaQuestionIds.InLocalAuthorityArea, Cspr.NextQuestion(referral)?.Id);
        Assert.Equal(CriteriaLevel.NotNotifiable, Cspr.Evaluate(Referral("abuse-or-neglect=yes", IncidentKind.Harmed), Board(), Today).Level);
    }

    [Theory]
    [InlineData("", "abuse-or-neglect")]
    [InlineData("abuse-or-neglect=yes", "child-died")]
    [InlineData("abuse-or-neglect=yes child-died=yes", "in-local-authority-area")]
    [InlineData("abuse-or-neglect=yes child-died=yes in-local-authority-area=yes", "improvements-needed")]
    [InlineData("abuse-or-neglect=yes child-died=yes in-local-authority-area=no", null)]
    [InlineData("abuse-or-neglect=yes child-died=no", "seriously-harmed")]
    [InlineData("abuse-or-neglect=yes child-died=no seriously-harmed=no", null)]
    [InlineData("abuse-or-neglect=yes child-died=no seriously-harmed=yes", "in-local-authority-area")]
    [InlineData("abuse-or-neglect=no child-died=no", null)]
    [InlineData("abuse-or-neglect=no child-died=yes", "looked-after")]
    [InlineData("abuse-or-neglect=no child-died=yes looked-after=no", null)]
    [InlineData("abuse-or-neglect=no child-died=yes looked-after=yes", null)]
    [InlineData("abuse-or-neglect=yes child-died=yes in-local-authority-area=yes improvements-needed=yes", "recurrent-themes")] // every criterion is asked: the rapid review weighs them all
    [InlineData("abuse-or-neglect=yes child-died=yes in-local-authority-area=yes improvements-needed=no recurrent-themes=no agencies-working-together=no", "panel-suggests-local-review")]
    [InlineData("abuse-or-neglect=yes child-died=yes in-local-authority-area=yes improvements-needed=no recurrent-themes=no agencies-working-together=no panel-suggests-local-review=no", "single-agency-concerns")]
    [InlineData($"abuse-or-neglect=yes child-died=yes {NoLocalReviewCriteria}", null)]
    public void NextQuestion_asks_only_what_matters_in_order(string answers, string? expected)
        => Assert.Equal(expected, Cspr.NextQuestion(Answers(answers))?.Id);

    [Theory]
    [InlineData("abuse-or-neglect=yes child-died=yes in-local-authority-area=yes", "abuse-or-neglect child-died in-local-authority-area improvements-needed recurrent-themes agencies-working-together panel-suggests-local-review single-agency-concerns no-agency-involvement more-than-one-area institutional-setting")]
    [InlineData("abuse-or-neglect=yes", "abuse-or-neglect child-died seriously-harmed")]
    [InlineData("child-died=yes", "abuse-or-neglect child-died looked-after")]
    [InlineData("", "abuse-or-neglect child-died")]
    public void A_whole_conversation_asks_these_questions_in_this_order(string truth, string expected)
        => Assert.Equal(expected.Split(' '), Walk(Cspr, truth));
}
