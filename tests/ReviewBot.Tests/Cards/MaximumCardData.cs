using System.Globalization;
using System.Text;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards.Models;
using Form = ReviewBot.Core.Referrals;
using ReviewBot.Core.Cases;

namespace ReviewBot.Tests.Cards;

/// <summary>
/// Realistic maximum data for every card: 30 agencies with long names, long narratives and rationales,
/// 60 refresh ids, many answers, clocks and tasks, with non-ASCII text so UTF-8 sizes are honest.
/// </summary>
internal static class MaximumCardData
{
    private static readonly CaseReference CaseRef = CaseReference.Create(RulebookKind.Cspr, 2026, 123456);

    public static IEnumerable<(string Card, string Variant, ICardModel Model)> All()
    {
        yield return ("welcome", "board", new WelcomeCard(Words(120), "child safeguarding practice review"));
        yield return ("help", "static", new HelpCard());
        yield return ("message", "long", new MessageCard(Words(120), Words(4000)));
        yield return ("not-authorised", "long", new NotAuthorisedCard(CaseRef, Words(300), Words(120), Words(200)));
        yield return ("referral-notification", "long", new ReferralNotificationCard(CaseRef, Words(100), Words(200), Words(40), Words(150)));
        yield return ("referral-acknowledgement", "steps", new ReferralAcknowledgementCard(CaseRef, Words(40), [.. Enumerable.Range(1, 8).Select(i => new NextStep(Words(250, i), Words(30, i)))]));
        yield return ("case-status", "clocks", new CaseStatusCard(CaseRef, 987654, Words(80), Words(120), [.. Enumerable.Range(1, 16).Select(Clock)], 40, 40));
        yield return ("referral-question", "choices", Question(QuestionInputKind.Choice, 20));
        yield return ("referral-question", "multi-select", Question(QuestionInputKind.MultiSelect, 40));
        yield return ("referral-question", "text", Question(QuestionInputKind.Text, 0) with { Value = Words(4000), Multiline = true });
        yield return ("referral-summary", "answers", Summary());
        yield return ("referral-summary", "longest", LongestSummary());
        yield return ("recommendation", "actor", Recommendation(canAct: true));
        yield return ("recommendation", "status", Recommendation(canAct: false));
        yield return ("decision", "actor", Decision(canAct: true));
        yield return ("decision", "status", Decision(canAct: false));
        yield return ("clock-reminder", "long", new ClockReminderCard(CaseRef, 987654, "looked-after-death-notification", Words(120), Words(600), Words(800), false, string.Empty));
        yield return ("follow-up-checklist", "tasks", new FollowUpChecklistCard(CaseRef, 987654, [.. Enumerable.Range(1, 40).Select(Task)]));
        yield return ("my-tasks", "many", new MyTasksCard(
            [.. Enumerable.Range(1, 45).Select(i => new MyTaskView(CaseRef.Value, Words(300, i), "Due Wednesday 30 September 2026 (overdue)", i % 2 == 0))],
            [.. Enumerable.Range(1, 45).Select(i => new FollowedCaseView(CaseRef.Value, Words(80, i)))]));
        yield return ("panel-meeting-slots", "panel", PanelSlots());
        yield return ("imr-request", "business-manager", Imr());
        yield return ("chronology-entry", "every-box-full", ChronologyForm());
        yield return ("case-status", "imrs", new CaseStatusCard(CaseRef, 987654, Words(80), Words(120), [.. Enumerable.Range(1, 6).Select(Clock)], 40, 40)
        {
            Imrs = [.. Enumerable.Range(1, 30).Select(i => new ImrStatusLine(Words(120, i), Words(200, i), i % 2 == 0))],
        });
    }

    // A refused press with every box typed to the longest a column keeps, 40 agencies and the latest entries listed.
    private static ChronologyEntryCard ChronologyForm()
    {
        var full = Core.Export.RecordChronologyEntryCommand.MaximumLength;
        return new()
        {
            CaseRef = CaseRef,
            Version = 987654,
            AgencyId = "agency-1",
            AgencyName = Words(120),
            AgencyChoices = [.. Enumerable.Range(1, 40).Select(i => new ChoiceView(Words(120, i), $"agency-{i}"))],
            OccurredOnValue = "2026-06-03",
            OccurredAtValue = "14:05",
            ChildContactValue = Words(full, 1),
            ChildViewsRecordedValue = "yes",
            ChildSeenAloneValue = "no",
            AdultContactValue = Words(full, 2),
            AdultViewsRecordedValue = "yes",
            CommunicationValue = Words(full, 3),
            RouteValue = "external",
            ModeValue = "meeting",
            ResponseOrOutcomeValue = Words(full, 4),
            SourceOfEvidenceValue = Words(full, 5),
            CommentValue = Words(full, 6),
            Error = Words(300),
            EntriesSoFar = Words(160),
            Latest = [.. Enumerable.Range(1, ChronologyEntryCard.LatestShown).Select(i => Words(ChronologyEntryCard.EntryPreview, i))],
        };
    }

    // The business manager's view of one agency's request, with 40 people to choose from and two extensions.
    private static ImrRequestCard Imr() => new()
    {
        CaseRef = CaseRef,
        Version = 987654,
        Card = "imr:" + Words(40),
        AgencyId = Words(40),
        AgencyName = Words(120),
        Author = Words(80),
        PanelMember = Words(80),
        DueOn = "Wednesday 30 September 2026",
        DueOnValue = "2026-09-30",
        Status = Words(120),
        Overdue = true,
        WhatToSend = [Words(300), Words(120)],
        ChronologyColumns = [.. Enumerable.Range(1, 7).Select(i => Words(80, i))],
        IndependenceStatement = Words(250),
        IndependenceConfirmed = Words(100),
        DocumentUrl = "https://example.sharepoint.com/" + Words(300).Replace(' ', '-'),
        Reach = Words(300),
        Extensions = [Words(400, 1), Words(400, 2)],
        Letter = Words(1500),
        CanAct = true,
        CanConfirmIndependence = true,
        CanSubmit = true,
        CanConfirmReceipt = true,
        CanEdit = true,
        CanExtend = true,
        AuthorChoices = [.. Enumerable.Range(1, 15).Select(i => new ImrPersonChoice(Words(100, i), $"00000000-0000-0000-0000-{i:D12}"))],
        PanelChoices = [.. Enumerable.Range(16, 15).Select(i => new ImrPersonChoice(Words(100, i), $"00000000-0000-0000-0000-{i:D12}"))],
        AuthorValue = "00000000-0000-0000-0000-000000000001",
        PanelMemberValue = "00000000-0000-0000-0000-000000000002",
        RefreshUserIds = UserIds(),
    };

    // 30 agencies' members and 10 standing members, three slots each naming ten who are not free, a next window.
    private static PanelMeetingSlotsCard PanelSlots() => new()
    {
        CaseRef = CaseRef,
        Version = 987654,
        Deadline = "Wed 30 Sep 2026",
        DurationMinutes = "180",
        PanelSelected = string.Join(",", Enumerable.Range(1, 40).Select(i => $"00000000-0000-0000-0000-{i:D12}")),
        Panel = [.. Enumerable.Range(1, 40).Select(i => new ChoiceView(Words(120, i), $"00000000-0000-0000-0000-{i:D12}"))],
        Slots = [.. Enumerable.Range(1, 3).Select(i => new SlotView("20260930T1300Z-180", "Wed 30 Sep 2026, 14:00–17:00", Words(400, i)))],
        NoSlot = Words(120),
        NextWindow = new SlotView("20261001T0800Z-180", "Thu 1 Oct 2026, 09:00–12:00"),
        RefreshUserIds = UserIds(),
        Status = Words(120),
        Problem = Words(600),
        Declined = Words(300),
        Booked = new BookedMeetingView("Wed 30 Sep 2026, 14:00–17:00", "https://teams.microsoft.com/l/meetup-join/" + new string('x', 400), "Mon 28 Sep 2026",
            Words(2000), Words(2000)),
    };

    public static CriteriaOutcomeView Outcome() => new(
        Words(150),
        Words(600),
        [.. Enumerable.Range(1, 8).Select(i => new FindingView(Words(200, i), Words(60, i)))],
        [.. Enumerable.Range(1, 6).Select(Clock)]);

    public static IReadOnlyList<string> UserIds() => [.. Enumerable.Range(1, CardLimits.MaxRefreshUserIds).Select(i => $"29:1{i:D3}aBcDeFgHiJkLmNoPqRsTuVwXyZ-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ")];

    /// <summary>Plain text of about <paramref name="length"/> characters with accents and the odd emoji.</summary>
    public static string Words(int length, int seed = 0)
    {
        string[] words = ["safeguarding", "agency", "Łódź", "naïve", "chronology", "référence", "health", "visiting", "Gwasanaethau", "Plant", "school", "nurse", "👍", "police", "assessment", "meeting", "€50", "Zoë"];
        var text = new StringBuilder();
        for (var i = seed; text.Length < length; i++)
        {
            text.Append(words[i % words.Length]).Append(i % 11 == 10 ? ". " : " ");
        }

        return text.ToString(0, length).TrimEnd();
    }

    private static ClockView Clock(int i) => new(Words(60, i), "Wed 30 Sep 2026", i % 3 == 0 ? "12 working days overdue" : "120 working days left", i % 3 == 0);

    private static ReferralQuestionCard Question(QuestionInputKind kind, int choices) => new()
    {
        DraftId = "draft-" + Guid.Empty.ToString("N"),
        QuestionId = "criteria-" + Words(40).Replace(' ', '-'),
        SectionTitle = Words(80),
        Progress = "Question 129 of 130",
        Question = Words(500),
        Hint = Words(600),
        Error = Words(300),
        InputKind = kind,
        Value = string.Join(',', Enumerable.Range(1, choices).Select(i => $"agency-{i}")),
        Choices = [.. Enumerable.Range(1, choices).Select(i => new ChoiceView(Words(90, i), $"agency-{i}"))],
        CanGoBack = true,
        Skippable = true,
    };

    private static ReferralSummaryCard Summary()
    {
        var answer = 0;
        SummaryAnswer Answer(bool narrative) => new(Words(70, ++answer), Words(narrative ? 5000 : 40, answer), $"question-{answer:D2}-{Words(20, answer).Replace(' ', '-')}");
        var sections = new List<SummarySection>
        {
            new(Words(40, 1), [.. Enumerable.Range(0, 7).Select(_ => Answer(false))]),
            new(Words(40, 2), [.. Enumerable.Range(0, 13).Select(_ => Answer(false))]),
            new(Words(40, 3), [Answer(true), Answer(true)]),
            new(Words(40, 4), [Answer(true), Answer(true), Answer(true)]),
            new(Words(40, 5), [.. Enumerable.Range(0, 10).Select(_ => Answer(false)), Answer(true)]),
            new(Words(40, 6), [Answer(true), Answer(false), Answer(false)]),
        };
        return new ReferralSummaryCard("draft-" + Guid.Empty.ToString("N"), sections, Outcome());
    }

    /// <summary>
    /// The longest account of what happened a person can send: the question card's input takes 4,000
    /// characters (cards/referral-question.json) and so does a typed message.
    /// </summary>
    public const int LongestAccount = 4000;

    /// <summary>
    /// A referral summary as the bot builds it (through <see cref="ReferralCardMapper"/>) from the longest answers
    /// a person can give: every line answer at its limit, a 4,000-character account of what happened and
    /// criteria narrative, 10 people and 12 key dates of 1,000 characters, and the form's own labels.
    /// </summary>
    public static ReferralSummaryCard LongestSummary()
    {
        var n = 0;
        // Labels are the form's own (plain ASCII); answers are people's, with accents and emoji.
        Form.SummaryItem Row(string step, int length, int label = 28) => new(++n, $"Question {++n:D3} ".PadRight(label, 'x'), Words(length, n), step);
        Form.SummarySection Section(int rows, int length, string step, int label = 28) => new(Words(30, n), [.. Enumerable.Range(0, rows).Select(_ => Row(step, length, label))]);
        var prompt = new Form.SummaryPrompt
        {
            DraftId = "draft-" + Guid.Empty.ToString("N"),
            IsReview = true,
            Sections =
            [
                Section(9, 254, "referrer.email"), Section(20, 300, "child.address"), Section(11, 400, "family.10.name", 9),
                Section(4, 1000, "agencies.others"),
                new(Words(30), [new(++n, "What happened", Words(LongestAccount), Form.ReferralSteps.Events)]),
                Section(13, 1000, "keydates.12.date", 16), Section(10, 3, "criteria.agencies-worked-together", 90),
                new(Words(30), [Row(Form.ReferralSteps.Narrative, LongestAccount)]),
            ],
        };
        return (ReferralSummaryCard)ReferralCardMapper.ToCard(prompt, new DateOnly(2026, 12, 1)) with { Outcome = Outcome() };
    }

    /// <summary>
    /// The longest referral a person can give, as the sub-group's and chair's cards show it: the longest account in
    /// paragraphs, 30 agencies with long names, the referrer's name, role and agency at 200 characters each.
    /// </summary>
    private static ReferralDigest Referral() => ReferralDigest.Of(
        Words(200),
        Words(LongestAccount),
        string.Join("; ", Enumerable.Range(1, 30).Select(i => $"{i.ToString(CultureInfo.InvariantCulture)} {Words(100, i)}")),
        Words(604));

    private static RecommendationMade Made() => new()
    {
        KindText = Words(60),
        Alternative = Words(60),
        Methodology = Words(500),
        LeadReviewer = Words(200),
        Rationale = Words(6000),
        By = Words(80),
        At = "Wed 30 Sep 2026, 23:59",
    };

    private static RecommendationCard Recommendation(bool canAct) => new()
    {
        CaseRef = CaseRef,
        Version = long.MaxValue,
        CanAct = canAct,
        RefreshUserIds = UserIds(),
        ReviewName = "local CSPR",
        Referral = Referral(),
        Outcome = Outcome(),
        Status = Words(200),
        Made = canAct ? null : Made(),
        MeetingStatus = Words(60), // the longest fixed status text is under 50 characters
        Meeting = new BookedMeetingView("Wed 30 Sep 2026, 14:00–17:00", "https://teams.microsoft.com/l/meetup-join/" + new string('x', 400), "Mon 28 Sep 2026",
            Words(2000), Words(2000)),
    };

    private static DecisionCard Decision(bool canAct) => new()
    {
        CaseRef = CaseRef,
        Version = long.MaxValue,
        CanAct = canAct,
        RefreshUserIds = UserIds(),
        ReviewName = "local CSPR",
        Referral = Referral(),
        Recommendation = Made(),
        Outcome = Outcome(),
        Due = Clock(3),
        Status = Words(200),
        Made = canAct ? null : new DecisionMade
        {
            KindText = Words(60),
            Alternative = Words(60),
            Reason = Words(6000),
            DepartsFromRecommendation = true,
            By = Words(80),
            At = "Wed 30 Sep 2026, 23:59",
        },
    };

    private static FollowUpTaskView Task(int i) => new(
        $"task-{i:D3}-{Words(30, i).Replace(' ', '-')}",
        Words(120, i),
        Words(40, i),
        "Wed 30 Sep 2026, 17:00",
        i % 2 == 0 ? "Tue 29 Sep 2026, 16:59" : null,
        i % 2 == 0 ? Words(60, i) : null);
}
