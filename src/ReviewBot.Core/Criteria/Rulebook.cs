using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Criteria;

/// <summary>A regime's criteria questions and how they are weighed.</summary>
public abstract class Rulebook
{
    /// <summary>Which regime.</summary>
    public abstract RulebookKind Kind { get; }

    /// <summary>Display name, e.g. "Serious Case Review (LSCB Regulations 2006)".</summary>
    public abstract string Name { get; }

    /// <summary>Every criteria question, in asking order.</summary>
    public abstract IReadOnlyList<CriteriaQuestion> Questions { get; }

    /// <summary>The next question to ask given the answers so far, or null when there is none.</summary>
    public CriteriaQuestion? NextQuestion(IReadOnlyDictionary<string, bool> answers)
        => Questions.FirstOrDefault(q => !answers.ContainsKey(q.Id) && q.AppliesTo(answers));

    /// <summary>Weighs a referral's answers. <paramref name="today"/> is day 0 for any clock it starts.</summary>
    public abstract CriteriaOutcome Evaluate(Referral referral, BoardConfiguration board, DateOnly today);

    /// <summary>The rulebook for a regime.</summary>
    public static Rulebook For(RulebookKind kind) => kind switch
    {
        RulebookKind.Scr => ScrRulebook.Instance,
        RulebookKind.Cspr => CsprRulebook.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
