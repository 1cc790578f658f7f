using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Criteria;

/// <summary>Builds referrals from compact answer strings such as "abuse-or-neglect=yes child-died=no".</summary>
internal static class CriteriaTestData
{
    public const string NotADecision = "recommendation for the sub-group, not a decision";

    public static readonly DateOnly Today = new(2025, 6, 4);

    public static BoardConfiguration Board(RapidReviewStart start = RapidReviewStart.BecomingAware) => new()
    {
        BoardId = "test-board",
        Name = "Test Safeguarding Children Board",
        TenantId = "00000000-0000-0000-0000-000000000001",
        RapidReviewStartsFrom = start,
    };

    public static Dictionary<string, bool> Answers(string answers)
        => answers.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => pair[1] switch
            {
                "yes" => true,
                "no" => false,
                _ => throw new ArgumentException($"Answer must be yes or no: {pair[1]}", nameof(answers)),
            });

    public static Referral Referral(string answers, IncidentKind? incident = null, params KeyDate[] keyDates) => new()
    {
        CriteriaAnswers = Answers(answers),
        Child = new Child { Incident = incident },
        KeyDates = keyDates,
    };

    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Asks questions in the rulebook's order, answering from <paramref name="truth"/> (no when not listed).</summary>
    public static IReadOnlyList<string> Walk(Rulebook rulebook, string truth)
    {
        var known = Answers(truth);
        var given = new Dictionary<string, bool>();
        var asked = new List<string>();
        while (rulebook.NextQuestion(given) is { } question)
        {
            Assert.DoesNotContain(question.Id, asked);
            asked.Add(question.Id);
            given[question.Id] = known.GetValueOrDefault(question.Id);
        }

        return asked;
    }

    public static string FindingOf(Rulebook rulebook, string ruleId) => rulebook.Rules.Single(r => r.Id == ruleId).Finding;
}
