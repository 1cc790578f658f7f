namespace ReviewBot.Core.Referrals;

/// <summary>
/// Step ids the conversation no longer asks under that name, read as today's step: drafts stored before a
/// change, and cards already posted in a chat, carry the old ids. Append only: an id stored once stays readable.
/// </summary>
public static class RetiredSteps
{
    /// <summary>The single child protection plan's start, before plan periods were a list.</summary>
    public const string PlanStart = "child.cp.start";

    /// <summary>The single child protection plan's end, before plan periods were a list.</summary>
    public const string PlanEnd = "child.cp.end";

    // The old edit scope "child.cp." walked the one plan: today that is the first period.
    private const string PlanScope = "child.cp.";

    private static readonly Dictionary<string, string> Current = new(StringComparer.Ordinal)
    {
        [PlanStart] = ReferralSteps.ChildPlanStart,
        [PlanEnd] = ReferralSteps.ChildPlanEnd,
        [PlanScope] = "plans.0.",
    };

    /// <summary>Today's id for <paramref name="stepId"/> (itself when it was never retired).</summary>
    public static string Read(string stepId)
    {
        ArgumentNullException.ThrowIfNull(stepId);
        return Current.GetValueOrDefault(stepId, stepId);
    }

    /// <summary>
    /// <paramref name="draft"/> with every retired step id read as today's: where it stands, what <c>back</c>
    /// returns to, and an edit in progress. The answers themselves are read by <see cref="Child"/>.
    /// </summary>
    public static ReferralDraft Upgrade(ReferralDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft with
        {
            StepId = Read(draft.StepId),
            History = [.. draft.History.Select(Read)],
            Editing = draft.Editing is { } edit ? edit with { Scope = Read(edit.Scope) } : null,
        };
    }
}
