using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>A small rulebook of our own, so these tests don't depend on the real SCR/CSPR rulebooks.</summary>
internal sealed class TestRulebook : Rulebook
{
    public override RulebookKind Kind => RulebookKind.Scr;

    public override string Name => "Test rulebook";

    public override IReadOnlyList<CriteriaQuestion> Questions { get; } =
    [
        new("abuse-or-neglect", "Is abuse or neglect of the child known or suspected?", "Suspected is enough: you don't need proof.", "Test reg 1(a)"),
        new("died", "Has the child died?", "Include suspected suicide.", "Test reg 1(b)(i)"),
        new("custody", "Did the child die in custody or a secure setting?", "Police custody, remand, a young offender institution or a secure children's home.", "Test reg 2", AskOnlyIfYes: ["died"]),
        new("concerns", "Is there cause for concern about how agencies worked together?", "Any doubt about how professionals shared information or acted.", "Test reg 1(b)(ii)", AskOnlyIfNo: ["died"]),
    ];

    public override IReadOnlyList<CriteriaRule> Rules => [];

    public List<(Referral Referral, DateOnly Today)> Evaluations { get; } = [];

    public override CriteriaOutcome Evaluate(Referral referral, BoardConfiguration board, DateOnly today)
    {
        Evaluations.Add((referral, today));
        var met = referral.CriteriaAnswers.GetValueOrDefault("abuse-or-neglect")
            && (referral.CriteriaAnswers.GetValueOrDefault("died") || referral.CriteriaAnswers.GetValueOrDefault("concerns"));
        return new CriteriaOutcome
        {
            Level = met ? CriteriaLevel.Must : CriteriaLevel.NotMet,
            Summary = met ? "The criteria appear to be met." : "The criteria do not appear to be met.",
            Findings = met ? [new CriteriaFinding("Abuse or neglect is suspected and the child has died.", "Test reg 1")] : [],
        };
    }
}
