namespace ReviewBot.Core.Cases;

/// <summary>The regime a board reviews under (domain.md, "The two regimes").</summary>
public enum RulebookKind
{
    /// <summary>Serious Case Review: LSCB Regulations 2006 reg 5, Working Together 2013/2015.</summary>
    Scr,

    /// <summary>Child Safeguarding Practice Review: Children Act 2004 ss16A–16F, Working Together 2018/2023.</summary>
    Cspr,
}
