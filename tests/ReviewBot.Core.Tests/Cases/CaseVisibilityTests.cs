using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using static ReviewBot.Core.Tests.Decisions.CaseFixtures;

namespace ReviewBot.Core.Tests.Cases;

public class CaseVisibilityTests
{
    /// <summary>Who gets which card, whatever they ask for, on a case waiting for the chair.</summary>
    public static TheoryData<string, CaseCard, CaseCard, bool> Views() => new()
    {
        // The referrer and the head of safeguarding see where the case stands, never the referral or the rationale.
        { Referrer, CaseCard.Recommendation, CaseCard.Status, false },
        { Referrer, CaseCard.Decision, CaseCard.Status, false },
        { Referrer, CaseCard.Checklist, CaseCard.Status, false },
        { HeadOfSafeguarding, CaseCard.Decision, CaseCard.Status, false },
        { HeadOfSafeguarding, CaseCard.Checklist, CaseCard.Checklist, false },
        // The sub-group (and the business manager who put the referral to them) see it on their card.
        { SubGroupChair, CaseCard.Recommendation, CaseCard.Recommendation, true },
        { BusinessManager, CaseCard.Recommendation, CaseCard.Recommendation, true },
        // The decision card carries the referral for the chair only.
        { SubGroupChair, CaseCard.Decision, CaseCard.Decision, false },
        { BusinessManager, CaseCard.Decision, CaseCard.Decision, false },
        { BoardChair, CaseCard.Decision, CaseCard.Decision, true },
        { BoardChair, CaseCard.Status, CaseCard.Status, false },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void Each_role_gets_the_view_it_may_see_whatever_it_asks_for(string actor, CaseCard requested, CaseCard expected, bool showsReferral)
    {
        var who = CaseVisibility.Of(Recommended(), actor, Board);

        Assert.Equal(new CaseCardView(expected, showsReferral), who.CardFor(requested));
    }

    [Theory]
    [InlineData(CaseCard.Recommendation)]
    [InlineData(CaseCard.Decision)]
    public void In_a_shared_conversation_everyone_gets_the_status(CaseCard requested)
    {
        var chair = CaseVisibility.Of(Recommended(), BoardChair, Board);

        Assert.Equal(new CaseCardView(CaseCard.Status, false), chair.CardFor(requested, sharedConversation: true));
    }

    [Fact]
    public void A_decision_card_asked_for_before_the_recommendation_is_the_recommendation_card()
        => Assert.Equal(CaseCard.Recommendation, CaseVisibility.Of(NewCase(), BoardChair, Board).CardFor(CaseCard.Decision).Card);

    [Theory]
    [InlineData(Stranger, "test")]
    [InlineData(BoardChair, "other")]
    [InlineData("", "test")]
    public void Strangers_other_boards_and_missing_ids_see_nothing(string actor, string boardId)
    {
        var who = CaseVisibility.Of(Recommended(), actor, boardId == "other" ? OtherBoard : Board);

        Assert.False(who.IsParty);
        Assert.Empty(who.Roles);
        Assert.Equal(CaseCard.Status, who.CardFor(CaseCard.Decision).Card);
    }

    [Fact]
    public void Roles_are_matched_whatever_the_case_of_the_object_id()
    {
        var who = CaseVisibility.Of(Recommended(), BoardChair.ToUpperInvariant(), Board);

        Assert.True(who.Holds(BoardRole.BoardChair));
        Assert.False(who.Holds(BoardRole.SubGroupChair));
    }

    [Fact]
    public void The_unknown_case_answer_names_the_reference_and_nobody()
    {
        var answer = CaseVisibility.UnknownCaseAnswer(Reference);

        Assert.Contains(Reference.Value, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(Names, name => answer.Contains(name, StringComparison.OrdinalIgnoreCase));
    }
}
