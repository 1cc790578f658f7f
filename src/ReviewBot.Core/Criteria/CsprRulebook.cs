using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Criteria;

/// <summary>Child Safeguarding Practice Review criteria (Working Together 2018/2023; SI 2018/789 reg 11).</summary>
public sealed class CsprRulebook : Rulebook
{
    /// <summary>The one instance.</summary>
    public static CsprRulebook Instance { get; } = new();

    /// <inheritdoc />
    public override RulebookKind Kind => RulebookKind.Cspr;

    /// <inheritdoc />
    public override string Name => "Child Safeguarding Practice Review (Working Together 2023)";

    /// <inheritdoc />
    public override IReadOnlyList<CriteriaQuestion> Questions => throw new NotImplementedException("criteria helper");

    /// <inheritdoc />
    public override CriteriaOutcome Evaluate(Referral referral, BoardConfiguration board, DateOnly today)
        => throw new NotImplementedException("criteria helper");
}
