using Microsoft.Extensions.Time.Testing;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Core.Tests.Referrals;

/// <summary>
/// Drives a referral as the bot host does: after every turn the draft is stored as JSON and read back, and a
/// fresh <see cref="ReferralConversation"/> continues from the copy (a bot restart between any two turns).
/// </summary>
internal sealed class ReferralHarness
{
    /// <summary>Wednesday 18 March 2026, 10:00 in London (GMT).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<Agency> BoardAgencies =
    [
        new("police", "Riverside Police"),
        new("csc", "Children's Social Care"),
        new("hv", "Health Visiting"),
        new("gp", "GP Practice"),
        new("camhs", "Child and Adolescent Mental Health Services"),
        new("ews", "Education Welfare Service"),
    ];

    public static readonly ReferrerProfile Sam = new("oid-sam", "Sam Patel", "sam.patel@riverside.nhs.uk", "Health visitor");

    /// <summary>An answer that moves each step on, for getting to the step under test quickly.</summary>
    private static readonly Dictionary<string, string> Typical = new()
    {
        [ReferralSteps.ReferrerName] = "Sam Patel",
        [ReferralSteps.ReferrerAgency] = "3",
        [ReferralSteps.ReferrerRole] = "Health visitor",
        [ReferralSteps.ReferrerPhone] = "020 7946 0000",
        [ReferralSteps.ReferrerEmail] = "sam.patel@riverside.nhs.uk",
        [ReferralSteps.ReferrerDsl] = "yes",
        [ReferralSteps.PanelMemberName] = "me",
        [ReferralSteps.ChildName] = "Alex Smith",
        [ReferralSteps.ChildDateOfBirth] = "14/02/2016",
        [ReferralSteps.ChildIncident] = "2",
        [ReferralSteps.ChildIncidentDate] = "1/3/2026",
        [ReferralSteps.ChildIncidentPlace] = "At home",
        [ReferralSteps.ChildAddress] = "1 High Street, Riverside RV1 2AB",
        [ReferralSteps.ChildEthnicity] = "White British",
        [ReferralSteps.ChildLanguage] = "English",
        [ReferralSteps.ChildReligion] = "skip",
        [ReferralSteps.ChildLegalStatus] = "2",
        [ReferralSteps.ChildKnownToSocialCare] = "yes",
        [ReferralSteps.ChildPlanStart] = "skip",
        [ReferralSteps.OtherReviews] = "none",
        [ReferralSteps.Request] = "1",
        [ReferralSteps.FamilyName(0)] = "skip",
        [ReferralSteps.AgenciesChosen] = "1, 2",
        [ReferralSteps.AgenciesOther] = "skip",
        [ReferralSteps.AgenciesStillInvolved] = "all",
        [ReferralSteps.Events] = "Alex was taken to hospital with unexplained injuries.",
        [ReferralSteps.KeyDate(0)] = "skip",
        [ReferralSteps.Criteria("abuse-or-neglect")] = "yes",
        [ReferralSteps.Criteria("died")] = "no",
        [ReferralSteps.Criteria("concerns")] = "yes",
        [ReferralSteps.Narrative] = "Abuse is suspected and agencies did not share what they knew.",
    };

    public ReferralHarness(ReferrerProfile? profile = null, IReadOnlyList<Agency>? agencies = null, DateTimeOffset? now = null, string? timeZoneId = null)
    {
        Time = new FakeTimeProvider(now ?? Now);
        var board = new BoardConfiguration
        {
            BoardId = "riverside",
            Name = "Riverside Safeguarding Children Board",
            TenantId = "tenant-1",
            Agencies = agencies ?? BoardAgencies,
            People = [new BoardPerson("oid-sam", "Sam Patel", "sam.patel@riverside.nhs.uk", [BoardRole.Referrer], AgencyId: "hv")],
            WorkingHours = timeZoneId is null ? new() : new(timeZoneId),
        };
        Context = new ReferralContext(Rulebook, board, profile ?? Sam);
    }

    public FakeTimeProvider Time { get; }

    public TestRulebook Rulebook { get; } = new();

    public ReferralContext Context { get; }

    public ReferralDraft? Draft { get; private set; }

    public ReferralTurn Last { get; private set; } = null!;

    /// <summary>Every stored draft, as JSON, one per turn.</summary>
    public List<string> StoredDrafts { get; } = [];

    public string Step => Draft!.StepId;

    public Referral Referral => Draft!.Referral;

    public QuestionPrompt Question => Assert.IsType<QuestionPrompt>(Last.Prompts[^1]);

    public SummaryPrompt Summary => Assert.IsType<SummaryPrompt>(Last.Prompts[^1]);

    public IReadOnlyList<string> Notices => [.. Last.Prompts.OfType<NoticePrompt>().Select(n => n.Text)];

    public ReferralTurn Start() => Record(new ReferralConversation(Time).Start(Context));

    public ReferralTurn Say(string text) => Record(new ReferralConversation(Time).Continue(Draft!, ReferralInput.Typed(text), Context));

    /// <summary>Presses a button on the card for the current question (draft and question ids filled in unless given).</summary>
    public ReferralTurn Click(string verb, params (string Key, string? Value)[] values)
    {
        var data = new Dictionary<string, string?>
        {
            [ReferralValues.DraftId] = Draft!.DraftId,
            [ReferralValues.QuestionId] = CurrentQuestionId(),
        };
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return Record(new ReferralConversation(Time).Continue(Draft, ReferralInput.Card(verb, data), Context));
    }

    public ReferralTurn Answer(string? answer) => Click(ReferralVerbs.Answer, (ReferralValues.Answer, answer));

    /// <summary>Answers each question typically until <paramref name="stepId"/> is asked.</summary>
    public void AdvanceTo(string stepId)
    {
        for (var turns = 0; Step != stepId; turns++)
        {
            Assert.True(turns < 80, $"Never reached {stepId}; stuck at {Step}.");
            Assert.True(Typical.TryGetValue(Step, out var answer), $"No typical answer for {Step}.");
            var before = Step;
            Say(answer);
            if (Step == before)
            {
                Assert.Fail($"Typical answer to {before} was refused: {Question.Problem}");
            }
        }
    }

    /// <summary>Gives the typical answer to the current step.</summary>
    public ReferralTurn SayTypical()
    {
        Assert.True(Typical.TryGetValue(Step, out var answer), $"No typical answer for {Step}.");
        return Say(answer);
    }

    /// <summary>Takes up a draft stored as <paramref name="json"/> (by this or an older version), as the host does on the person's next turn.</summary>
    public void Load(string json) => Draft = ReferralDraft.FromJson(json) ?? throw new ArgumentException("Not a stored draft.", nameof(json));

    private string CurrentQuestionId() => Last is { Prompts: [.., QuestionPrompt q] } ? q.StepId : Draft!.StepId;

    /// <summary>Stores and reloads the draft as the host would, and checks the turn ends with the current prompt.</summary>
    private ReferralTurn Record(ReferralTurn turn)
    {
        Last = turn;
        Assert.NotEmpty(turn.Prompts);
        if (turn.Draft is null)
        {
            Draft = null;
            Assert.True(turn.Outcome is ReferralOutcome.Cancelled or ReferralOutcome.SubmitRequested);
            return turn;
        }

        var json = turn.Draft.ToJson();
        var copy = ReferralDraft.FromJson(json);
        Assert.NotNull(copy);
        Assert.Equal(json, copy.ToJson());
        StoredDrafts.Add(json);
        Draft = copy;

        switch (turn.Prompts[^1])
        {
            case SummaryPrompt summary:
                Assert.True(copy.AtReview && summary.IsReview);
                break;
            case QuestionPrompt question:
                Assert.Equal(copy.Pending switch
                {
                    PendingConfirmation.Cancel => ReferralSteps.ConfirmCancel,
                    PendingConfirmation.Restart => ReferralSteps.ConfirmRestart,
                    _ => copy.StepId,
                }, question.StepId);
                Assert.Equal(copy.DraftId, question.DraftId);
                break;
            default:
                Assert.Fail("A continuing turn must end with the current question or the summary.");
                break;
        }

        return turn;
    }
}
