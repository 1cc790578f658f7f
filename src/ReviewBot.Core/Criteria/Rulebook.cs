using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Criteria;

/// <summary>A regime's criteria questions and how they are weighed.</summary>
public abstract class Rulebook
{
    /// <summary>Dates as people in England read them, e.g. "Tuesday 3 January 2023".</summary>
    protected static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Which regime.</summary>
    public abstract RulebookKind Kind { get; }

    /// <summary>Display name, e.g. "Serious Case Review (LSCB Regulations 2006)".</summary>
    public abstract string Name { get; }

    /// <summary>Every criteria question, in asking order. A question's conditions read only earlier questions.</summary>
    public abstract IReadOnlyList<CriteriaQuestion> Questions { get; }

    /// <summary>The rules that weigh the answers, each with its source.</summary>
    public abstract IReadOnlyList<CriteriaRule> Rules { get; }

    /// <summary>The next question to ask given the answers so far, or null when there is none.</summary>
    public CriteriaQuestion? NextQuestion(IReadOnlyDictionary<string, bool> answers)
    {
        var applicable = ApplicableAnswers(answers);
        return Questions.FirstOrDefault(q => !applicable.ContainsKey(q.Id) && q.AppliesTo(applicable));
    }

    /// <summary>The next question for a referral, taking what its form already says into account (see <see cref="AnswersFor"/>).</summary>
    public CriteriaQuestion? NextQuestion(Referral referral) => NextQuestion(AnswersFor(referral));

    /// <summary>
    /// The answers the rulebook weighs for a referral: its criteria answers, with "has the child died" and
    /// "seriously harmed" taken from <see cref="Child.Incident"/> when not answered, less answers to
    /// questions that no longer apply (e.g. after an earlier answer was changed).
    /// </summary>
    public IReadOnlyDictionary<string, bool> AnswersFor(Referral referral)
    {
        var answers = WithRetiredAnswersMapped(referral.CriteriaAnswers);
        switch (referral.Child.Incident)
        {
            case IncidentKind.Died:
                answers.TryAdd(CriteriaQuestionIds.ChildDied, true);
                break;
            case IncidentKind.SeriouslyHarmed or IncidentKind.Harmed:
                // The referrer chose the harm level on the form: "seriously harmed" is asked there, not assumed.
                answers.TryAdd(CriteriaQuestionIds.ChildDied, false);
                answers.TryAdd(CriteriaQuestionIds.SeriouslyHarmed, referral.Child.Incident == IncidentKind.SeriouslyHarmed);
                break;
        }

        return ApplicableAnswers(answers);
    }

    /// <summary>
    /// Answers stored under ids the rulebook no longer asks, and the questions that replaced them (e.g. a
    /// double negative now asked in positive words, so the answer is inverted).
    /// </summary>
    public virtual IReadOnlyList<RetiredQuestion> RetiredQuestions => [];

    /// <summary>
    /// The answers with each retired id rewritten as the question that replaced it (an answer given to the
    /// new question wins), so older drafts and cases still read correctly.
    /// </summary>
    public Dictionary<string, bool> WithRetiredAnswersMapped(IReadOnlyDictionary<string, bool> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var mapped = new Dictionary<string, bool>(answers, StringComparer.Ordinal);
        foreach (var retired in RetiredQuestions)
        {
            if (mapped.Remove(retired.OldId, out var old))
            {
                mapped.TryAdd(retired.NewId, retired.Inverted ? !old : old);
            }
        }

        return mapped;
    }

    /// <summary>Weighs a referral's answers. <paramref name="today"/> is day 0 for any clock it starts.</summary>
    public abstract CriteriaOutcome Evaluate(Referral referral, BoardConfiguration board, DateOnly today);

    /// <summary>The rulebook for a regime.</summary>
    public static Rulebook For(RulebookKind kind) => kind switch
    {
        RulebookKind.Scr => ScrRulebook.Instance,
        RulebookKind.Cspr => CsprRulebook.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The rules whose conditions the answers meet, in rulebook order.</summary>
    protected IReadOnlyList<CriteriaRule> RulesMetBy(IReadOnlyDictionary<string, bool> answers)
        => [.. Rules.Where(r => r.When.IsMetBy(answers))];

    /// <summary>The first level of <paramref name="strongestFirst"/> that a met rule points to, else <paramref name="otherwise"/>.</summary>
    protected static CriteriaLevel Strongest(IReadOnlyList<CriteriaRule> met, IReadOnlyList<CriteriaLevel> strongestFirst, CriteriaLevel otherwise)
        => strongestFirst.FirstOrDefault(level => met.Any(r => r.Level == level), otherwise);

    /// <summary>The findings of the met rules.</summary>
    protected static IReadOnlyList<CriteriaFinding> FindingsOf(IEnumerable<CriteriaRule> met)
        => [.. met.Select(r => new CriteriaFinding(r.Finding, r.Source))];

    /// <summary>The summary's closing words: a note when questions are still open, then whose decision it is.</summary>
    protected string Closing(IReadOnlyDictionary<string, bool> answers, string whoDecides)
        => (NextQuestion(answers) is null ? "" : " Some criteria questions are not answered yet, so this may change.")
        + $" This is a recommendation for the sub-group, not a decision: {whoDecides}";

    // Conditions read only earlier questions, so one pass in asking order settles which answers still apply.
    private Dictionary<string, bool> ApplicableAnswers(IReadOnlyDictionary<string, bool> answers)
    {
        var applicable = new Dictionary<string, bool>();
        foreach (var question in Questions)
        {
            if (answers.TryGetValue(question.Id, out var answer) && question.AppliesTo(applicable))
            {
                applicable[question.Id] = answer;
            }
        }

        return applicable;
    }
}

/// <summary>A question id no longer asked, and the question that replaced it.</summary>
/// <param name="OldId">The id stored with older answers.</param>
/// <param name="NewId">The question that asks the same thing now.</param>
/// <param name="Inverted">True when yes to the old question means no to the new one.</param>
public sealed record RetiredQuestion(string OldId, string NewId, bool Inverted);
