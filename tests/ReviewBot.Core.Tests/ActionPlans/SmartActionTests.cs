using ReviewBot.Core.ActionPlans;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Tests.Decisions;
using static ReviewBot.Core.Tests.ActionPlans.ActionPlanFixtures;

namespace ReviewBot.Core.Tests.ActionPlans;

public sealed class SmartActionTests
{
    private static readonly SmartAction Good = new("Audit twenty strategy discussions for the child's voice", Owner, "police", new DateOnly(2027, 3, 31), "Audit report to the panel with findings");

    [Fact]
    public void A_specific_measurable_assigned_dated_action_has_no_problems()
        => Assert.Empty(Good.Problems(Board, Today));

    [Theory]
    [InlineData("what", "Specific")]
    [InlineData("measure", "Measurable")]
    [InlineData("owner", "Assigned")]
    [InlineData("agency", "agency that owns")]
    [InlineData("due", "Time-bound")]
    [InlineData("past", "Time-bound")]
    [InlineData("other-agency", "works for another agency")]
    public void Each_missing_part_is_named_in_plain_words(string broken, string expected)
    {
        var action = broken switch
        {
            "what" => Good with { What = "Audit" },
            "measure" => Good with { Measure = "  " },
            "owner" => Good with { OwnerObjectId = "oid-nobody" },
            "agency" => Good with { AgencyId = "fire" },
            "due" => Good with { DueOn = null },
            "past" => Good with { DueOn = Today },
            _ => Good with { OwnerObjectId = HealthOwner },
        };

        var problem = Assert.Single(action.Problems(Board, Today));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_comes_back_at_once()
        => Assert.Equal(5, new SmartAction(null, null, null, null, null).Problems(Board, Today).Count);

    [Fact]
    public void Saving_an_action_gives_its_owner_and_the_agencys_panel_member_a_role_and_is_refused_when_not_smart()
    {
        var command = new SaveActionItemCommand { Case = CaseFixtures.Reference, CardVersion = 3, Action = Good };
        var saved = command.Apply(Agreed(), Context(CaseFixtures.BusinessManager));
        var item = Assert.Single(saved.Updated!.ActionPlan!.Items);
        Assert.Equal(("a1", Today, Today), (item.Id, item.AddedOn, item.DueSetOn));
        Assert.True(saved.Updated.HasRole(Owner, BoardRole.ActionOwner));
        Assert.True(saved.Updated.HasRole(PoliceePanel, BoardRole.PanelMember));
        Assert.Equal("a1:added:police:due=2027-03-31", saved.Detail);

        var refused = (command with { Action = Good with { Measure = null } }).Apply(Agreed(), Context(CaseFixtures.BusinessManager));
        Assert.Null(refused.Updated);
        Assert.Contains("Measurable", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_owner_moves_the_owners_role()
    {
        var added = new SaveActionItemCommand { Case = CaseFixtures.Reference, CardVersion = 3, Action = Good }.Apply(Agreed(), Context(CaseFixtures.BusinessManager)).Updated!;
        var edited = new SaveActionItemCommand { Case = CaseFixtures.Reference, CardVersion = 4, ItemId = "a1", Action = Good with { OwnerObjectId = HealthOwner, AgencyId = "health" } }
            .Apply(added, Context(CaseFixtures.BusinessManager)).Updated!;
        Assert.False(edited.HasRole(Owner, BoardRole.ActionOwner));
        Assert.True(edited.HasRole(HealthOwner, BoardRole.ActionOwner));
        Assert.Equal(HealthOwner, Assert.Single(edited.ActionPlan!.Items).OwnerObjectId);
    }

    [Fact]
    public void Only_the_business_manager_may_save_and_only_once_a_review_is_agreed()
    {
        var command = new SaveActionItemCommand { Case = CaseFixtures.Reference, CardVersion = 3, Action = Good };
        Assert.Equal([BoardRole.BusinessManager], command.PermittedRoles);
        Assert.Contains(Core.Cases.CaseStage.ReviewInitiated, command.Stages);
        Assert.DoesNotContain(Core.Cases.CaseStage.AwaitingChairDecision, command.Stages);
        Assert.DoesNotContain(Core.Cases.CaseStage.Closed, command.Stages);
    }
}
