namespace ReviewBot.Core.Criteria;

/// <summary>
/// A test on the criteria answers given so far. Rules as data: the same conditions say when a question is
/// asked and when a rule applies. A question not (yet) answered is neither yes nor no.
/// </summary>
public abstract record Condition
{
    /// <summary>The question ids this condition reads.</summary>
    public abstract IEnumerable<string> QuestionIds { get; }

    /// <summary>True when the answers satisfy the condition.</summary>
    public abstract bool IsMetBy(IReadOnlyDictionary<string, bool> answers);

    /// <summary>Met when the question was answered yes.</summary>
    public static Condition Yes(string questionId) => new Answered(questionId, true);

    /// <summary>Met when the question was answered no.</summary>
    public static Condition No(string questionId) => new Answered(questionId, false);

    /// <summary>Met when every one of the conditions is met.</summary>
    public static Condition All(params Condition[] conditions) => new AllOf(conditions);

    /// <summary>Met when at least one of the conditions is met.</summary>
    public static Condition Any(params Condition[] conditions) => new AnyOf(conditions);

    /// <summary>Met when <paramref name="condition"/> is not.</summary>
    public static Condition Not(Condition condition) => new NotOf(condition);

    private sealed record Answered(string QuestionId, bool Answer) : Condition
    {
        public override IEnumerable<string> QuestionIds => [QuestionId];

        public override bool IsMetBy(IReadOnlyDictionary<string, bool> answers)
            => answers.TryGetValue(QuestionId, out var given) && given == Answer;
    }

    private sealed record AllOf(Condition[] Conditions) : Condition
    {
        public override IEnumerable<string> QuestionIds => Conditions.SelectMany(c => c.QuestionIds);

        public override bool IsMetBy(IReadOnlyDictionary<string, bool> answers) => Conditions.All(c => c.IsMetBy(answers));
    }

    private sealed record AnyOf(Condition[] Conditions) : Condition
    {
        public override IEnumerable<string> QuestionIds => Conditions.SelectMany(c => c.QuestionIds);

        public override bool IsMetBy(IReadOnlyDictionary<string, bool> answers) => Conditions.Any(c => c.IsMetBy(answers));
    }

    private sealed record NotOf(Condition Condition) : Condition
    {
        public override IEnumerable<string> QuestionIds => Condition.QuestionIds;

        public override bool IsMetBy(IReadOnlyDictionary<string, bool> answers) => !Condition.IsMetBy(answers);
    }
}
