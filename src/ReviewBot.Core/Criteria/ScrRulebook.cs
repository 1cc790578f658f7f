using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Criteria;

/// <summary>Serious Case Review criteria (LSCB Regulations 2006 reg 5; Working Together 2015; Enfield 2.1).</summary>
public sealed class ScrRulebook : Rulebook
{
    /// <summary>The one instance.</summary>
    public static ScrRulebook Instance { get; } = new();

    /// <inheritdoc />
    public override RulebookKind Kind => RulebookKind.Scr;

    /// <inheritdoc />
    public override string Name => "Serious Case Review (LSCB Regulations 2006, reg 5)";

    /// <inheritdoc />
    public override IReadOnlyList<CriteriaQuestion> Questions => throw new NotImplementedException("criteria helper");

    /// <inheritdoc />
    public override CriteriaOutcome Evaluate(Referral referral, BoardConfiguration board, DateOnly today)
        => throw new NotImplementedException("criteria helper");
}
