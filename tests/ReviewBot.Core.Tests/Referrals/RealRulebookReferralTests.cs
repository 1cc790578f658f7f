using Microsoft.Extensions.Time.Testing;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>The conversation with the shipped SCR and CSPR rulebooks, not the test one.</summary>
public class RealRulebookReferralTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero); // Wednesday

    private static readonly Dictionary<string, string> Answers = new()
    {
        [ReferralSteps.ReferrerName] = "Sam Patel",
        [ReferralSteps.ReferrerAgency] = "Riverside Police",
        [ReferralSteps.ReferrerRole] = "Detective sergeant",
        [ReferralSteps.ReferrerPhone] = "skip",
        [ReferralSteps.ReferrerEmail] = "sam.patel@riverside.police.uk",
        [ReferralSteps.ReferrerDsl] = "yes",
        [ReferralSteps.PanelMemberName] = "skip",
        [ReferralSteps.ChildName] = "Alex Smith",
        [ReferralSteps.ChildDateOfBirth] = "14/02/2016",
        [ReferralSteps.ChildIncident] = "died",
        [ReferralSteps.ChildIncidentDate] = "9/3/2026",
        [ReferralSteps.ChildIncidentPlace] = "At home",
        [ReferralSteps.LocalAuthorityAware] = "10/3/2026",
        [ReferralSteps.ChildAddress] = "1 High Street, Riverside RV1 2AB",
        [ReferralSteps.ChildEthnicity] = "skip",
        [ReferralSteps.ChildLanguage] = "skip",
        [ReferralSteps.ChildReligion] = "skip",
        [ReferralSteps.ChildLegalStatus] = "Child in need",
        [ReferralSteps.ChildKnownToSocialCare] = "yes",
        [ReferralSteps.ChildPlanStart] = "skip",
        [ReferralSteps.FamilyName(0)] = "skip",
        [ReferralSteps.AgenciesOther] = "skip",
        [ReferralSteps.Events] = "Alex died at home; injuries were unexplained.",
        [ReferralSteps.KeyDate(0)] = "skip",
        [ReferralSteps.OtherReviews] = "none",
        [ReferralSteps.Narrative] = "Abuse is suspected and the child died.",
        [ReferralSteps.Request] = "1",
    };

    [Fact]
    public void Scr_does_not_ask_whether_the_child_died_when_the_form_already_says_so()
    {
        var (asked, submission) = Run(RulebookKind.Scr, criteria: "yes");

        Assert.DoesNotContain(ReferralSteps.Criteria(CriteriaQuestionIds.ChildDied), asked);
        Assert.DoesNotContain(ReferralSteps.LocalAuthorityAware, asked);
        Assert.Contains(ReferralSteps.Criteria(CriteriaQuestionIds.AbuseOrNeglect), asked);
        Assert.Equal(CriteriaLevel.Must, submission.Criteria.Level);
    }

    [Fact]
    public void Cspr_asks_when_the_local_authority_became_aware_and_counts_the_notification_from_it()
    {
        var (asked, submission) = Run(RulebookKind.Cspr, criteria: "yes");

        Assert.Contains(ReferralSteps.LocalAuthorityAware, asked);
        Assert.Equal(new DateOnly(2026, 3, 10), submission.Referral.LocalAuthorityBecameAware);
        // Tuesday 10 March is day 0; five working days later is Tuesday 17 March.
        Assert.Equal(new DateOnly(2026, 3, 17), Assert.Single(submission.Criteria.Clocks, c => c.Kind == ClockKinds.PanelNotification).DueOn);
    }

    private static (List<string> Asked, ReferralSubmission Submission) Run(RulebookKind kind, string criteria)
    {
        var board = new BoardConfiguration { BoardId = "riverside", Name = "Riverside", TenantId = "t", Rulebook = kind };
        var context = ReferralContext.For(board, new ReferrerProfile("oid-sam", "Sam Patel", "sam.patel@riverside.police.uk"));
        var conversation = new ReferralConversation(new FakeTimeProvider(Now));
        var asked = new List<string>();
        var turn = conversation.Start(context);
        for (var i = 0; i < 80 && turn.Submission is null; i++)
        {
            var input = turn.Prompts[^1] switch
            {
                QuestionPrompt q => Answer(q, asked, criteria),
                SummaryPrompt sp => Submit(sp, asked),
                var other => throw new InvalidOperationException($"Unexpected prompt {other}"),
            };
            turn = conversation.Continue(turn.Draft!, ReferralInput.Typed(input), context);
        }

        return (asked, turn.Submission ?? throw new InvalidOperationException("The referral never reached submit: " + string.Join(", ", asked.TakeLast(12))));
    }

    private static string Submit(SummaryPrompt summary, List<string> asked)
    {
        asked.Add("summary:" + summary.IsReview + ":" + summary.Criteria?.Level);
        return "submit";
    }

    private static string Answer(QuestionPrompt question, List<string> asked, string criteria)
    {
        Assert.Null(question.Problem);
        asked.Add(question.StepId);
        return question.StepId.StartsWith(ReferralSteps.CriteriaPrefix, StringComparison.Ordinal) ? criteria : Answers[question.StepId];
    }
}
