using System.Globalization;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Review;

namespace ReviewBot.Bot.Review;

/// <summary>The stage card of an agreed review as one viewer should see it, and the stage's lines on the status card.</summary>
public static class ReviewCards
{
    /// <summary>The stage card's purpose.</summary>
    public const string Purpose = "review-stage";

    /// <summary>Roles that see the stage card (read-only unless their role acts); everyone else with a role gets the status card.</summary>
    public static readonly IReadOnlyList<BoardRole> Readers =
    [
        BoardRole.BusinessManager, BoardRole.SubGroupChair, BoardRole.SubGroupMember, BoardRole.BoardChair, BoardRole.HeadOfSafeguarding,
        BoardRole.DirectorOfChildrensServices, BoardRole.PanelMember, BoardRole.LeadReviewer,
    ];

    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>True when <paramref name="viewer"/> may see the stage card of <paramref name="c"/>.</summary>
    public static bool Sees(ReviewCase c, string? viewer, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Review is not null && CaseVisibility.Of(c, viewer, board).HoldsAny(Readers);
    }

    /// <summary>The stage card, or null when the case has no review stages.</summary>
    public static ReviewStageCard? For(ReviewCase c, BoardConfiguration board, string? viewer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var today = BoardTime.Today(board, now);
        if (c.Review is not { } review)
        {
            return null;
        }

        var who = CaseVisibility.Of(c, viewer, board);
        var open = c.Stage == CaseStage.ReviewInitiated && review.Stage != ReviewStage.Closed;
        var rule = ReviewStages.Rule(review.Stage);
        var acts = open && who.HoldsAny(rule.Actors);
        var manager = open && who.Holds(BoardRole.BusinessManager);
        var lead = review.LeadReviewer;
        var leadOpen = open && review.Stage <= ReviewStage.LeadReviewer;
        // Each form shows from its own stage on, so the first stage's card asks only for the team (and the lead
        // reviewer, whom the sub-group often proposes with its recommendation).
        var publicationOpen = open && review.Stage is >= ReviewStage.DraftOverviewReport and <= ReviewStage.Publication;
        var card = new ReviewStageCard
        {
            CaseRef = c.Reference,
            Version = c.Version,
            Card = Purpose,
            Stage = review.Stage.ToString(),
            Title = $"{Cases.CaseCards.ReviewName(c.Rulebook)}: {ReviewStages.Title(review.Stage, c.Rulebook)}",
            WhoActs = WhoActs(c, review),
            Due = Clock(c, review, today),
            NotReady = acts ? Core.Review.ReviewMachine.NotReady(c, review, Context(board, viewer, now, today)) : null,
            Completion = Completion(c, today),
            Facts = Facts(c, review, board),
            History = [.. review.History.Select(h => HistoryLine(h, c, board))],
            CanAct = false,
            CanAdvance = acts,
            AdvanceTitle = review.Stage switch
            {
                ReviewStage.BoardApproval => "Approve the final report",
                ReviewStage.Publication => "Publish",
                ReviewStage.LearningDisseminated => "Close the review",
                _ => "Move on",
            },
            AsksForTeam = review.Stage == ReviewStage.ReviewTeam,
            CanSkip = open && rule.Skippable && who.HoldsAny(ReviewStages.SkipActors(review.Stage)),
            CanProposeLead = leadOpen && who.HoldsAny([BoardRole.SubGroupChair, BoardRole.BusinessManager]),
            LeadChoices = [.. board.PeopleIn(BoardRole.LeadReviewer).Select(p => new ChoiceView(p.DisplayName, p.ObjectId))],
            CanAgreeLead = leadOpen && lead.Name is not null
                && ((who.Holds(BoardRole.BoardChair) && lead.ChairAgreed is null) || (who.Holds(BoardRole.DirectorOfChildrensServices) && lead.DirectorAgreed is null)),
            CanCheckTraining = leadOpen && manager && lead.Name is not null && lead.TrainingChecked is null,
            CanCheckReferences = leadOpen && manager && lead.Name is not null && lead.ReferencesChecked is null,
            CanConfirmIndependence = leadOpen && lead.Name is not null && lead.IndependenceConfirmed is null
                && (manager || (who.Holds(BoardRole.LeadReviewer) && Same(viewer, lead.ObjectId))),
            IndependenceStatement = lead.Name is { } name ? lead.IndependenceStatement ?? ConfirmLeadReviewerIndependenceCommand.Statement(name) : null,
            CanRecordTerms = open && review.Stage is >= ReviewStage.TermsOfReference and < ReviewStage.PanelSignOff && who.HoldsAny([BoardRole.BusinessManager, BoardRole.SubGroupChair]),
            PanelChoices = [.. board.People.Where(p => p.Roles.Contains(BoardRole.PanelMember) || p.AgencyId is not null).Select(p => new ChoiceView(PersonLabel(p, board), p.ObjectId))],
            PanelSelected = string.Join(',', review.Terms?.Panel.Select(s => s.ObjectId) ?? c.PartiesIn(BoardRole.PanelMember).Select(p => p.ObjectId)),
            CanCallMeeting = manager && review.Stage == ReviewStage.PanelMeetings,
            LearningEvent = review.Stage == ReviewStage.LearningDisseminated ? LearningEventText(c, board) : null,
            CanCallLearningEvent = manager && review.Stage == ReviewStage.LearningDisseminated && !LearningEventLive(c),
            CanSkipLearningEvent = manager && review.Stage == ReviewStage.LearningDisseminated && !LearningEventLive(c) && c.Learning?.EventSkippedReason is null,
            CanAddChronology = open && review.Stage == ReviewStage.ImrsAndChronologies && c.ImrRequests.Count > 0
                && who.HoldsAny([BoardRole.BusinessManager, BoardRole.LeadReviewer]),
            CanRecordReport = open && review.Stage is >= ReviewStage.DraftOverviewReport and <= ReviewStage.BoardApproval
                && who.HoldsAny([BoardRole.LeadReviewer, BoardRole.BusinessManager]),
            CanSignOff = open && review.Stage == ReviewStage.PanelSignOff && who.Holds(BoardRole.PanelMember)
                && Core.Review.ReviewMachine.UnsignedPanelMembers(c, review).Contains(viewer ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            LatestLabel = review.LatestOverview?.Label ?? string.Empty,
            CanPlanPublication = publicationOpen && manager,
            PlannedValue = review.Publication.PlannedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            OpenChecks = publicationOpen && manager
                ? [.. Enum.GetValues<AnonymisationCheck>().Where(k => !review.Publication.Checks.ContainsKey(k)).Select(k => new ChoiceView(Publication.CheckText(k), k.ToString()))]
                : [],
            CanDecideNotToPublish = open && review.Stage == ReviewStage.Publication && who.Holds(BoardRole.BoardChair),
            RefreshUserIds = [.. Readers.SelectMany(c.PartiesIn).Select(p => p.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase).Take(CardLimits.MaxRefreshUserIds)],
        };
        return card with
        {
            CanAct = card.CanAdvance || card.CanSkip || card.CanProposeLead || card.CanAgreeLead || card.CanCheckTraining || card.CanCheckReferences
                || card.CanConfirmIndependence || card.CanRecordTerms || card.CanCallMeeting || card.CanCallLearningEvent || card.CanSkipLearningEvent
                || card.CanRecordReport || card.CanSignOff
                || card.CanPlanPublication || card.OpenChecks.Count > 0 || card.CanDecideNotToPublish,
        };
    }

    /// <summary>The stage in words for the status card ("Serious case review: Panel meetings").</summary>
    public static string? StageText(ReviewCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Review is { } review && c.Stage == CaseStage.ReviewInitiated
            ? $"{Cases.CaseCards.ReviewName(c.Rulebook)}: {ReviewStages.Title(review.Stage, c.Rulebook)}"
            : null;
    }

    /// <summary>Who acts at the current stage, in words.</summary>
    public static string? NextActor(ReviewCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Review is { } review && c.Stage == CaseStage.ReviewInitiated ? WhoActs(c, review) : null;
    }

    /// <summary>The current stage's clock for the status card.</summary>
    public static IEnumerable<ClockView> StatusClocks(ReviewCase c, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Review is { } review && c.Stage == CaseStage.ReviewInitiated && review.Stage != ReviewStage.Closed ? [Clock(c, review, today)] : [];
    }

    private static string WhoActs(ReviewCase c, ReviewProgress review)
    {
        var rule = ReviewStages.Rule(review.Stage);
        return rule.Actors.Count == 0 ? "No one: the review is closed" : $"{Capital(RoleNames.Either(rule.Actors))} {rule.MovesOn}";
    }

    private static ClockView Clock(ReviewCase c, ReviewProgress review, DateOnly today)
        => ReferralCardMapper.Clock(new CaseClock(ReviewReminderPlanner.StagePrefix + review.Stage, review.StageStartedOn, review.StageDueOn, string.Empty), today)
            with { Label = $"Review stage: {ReviewStages.Title(review.Stage, c.Rulebook)}" };

    private static IReadOnlyList<string> Completion(ReviewCase c, DateOnly today)
    {
        if (c.Clocks.LastOrDefault(k => k.Kind == ClockKinds.ReviewCompletion) is not { } clock)
        {
            return [];
        }

        var view = ReferralCardMapper.Clock(clock, today);
        return
        [
            $"Review completion due {view.DueOn} ({view.DaysLeftText})",
            .. clock.Extensions.Select(e => $"Extended from {ReferralCardMapper.Day(e.PreviousDueOn)} to {ReferralCardMapper.Day(e.NewDueOn)}: {e.Reason} (agreed by {e.AgreedBy})"),
        ];
    }

    private static List<string> Facts(ReviewCase c, ReviewProgress review, BoardConfiguration board)
    {
        var facts = new List<string>();
        if (review.Team is { } team)
        {
            facts.Add($"Review team and case team: {team}");
        }

        var lead = review.LeadReviewer;
        if (lead.Name is { } name)
        {
            facts.Add($"Lead reviewer: {name}. Board chair {Agreed(lead.ChairAgreed, c, board)}; director of children's services {Agreed(lead.DirectorAgreed, c, board)}; training {Checked(lead.TrainingChecked, c, board)}; references {Checked(lead.ReferencesChecked, c, board)}; independence {Checked(lead.IndependenceConfirmed, c, board, "confirmed")}");
        }

        if (review.Terms is { } terms)
        {
            var panel = terms.Panel.Select(s => $"{NameOf(s.ObjectId, c, board)}{(s.AgencyId is { } a ? $" ({board.Agencies.FirstOrDefault(x => x.Id == a)?.Name ?? a})" : string.Empty)}");
            facts.Add($"Terms of reference: {terms.Scope}{(terms.DocumentUrl is { } url ? $" ({url})" : string.Empty)}. Panel: {string.Join(", ", panel)}");
        }

        facts.AddRange(review.Reports.Select(r => $"{(r.Kind == ReportKind.OverviewReport ? "Overview report" : "Executive summary")} {r.Label}: {r.Url} (by {NameOf(r.By.ByObjectId, c, board)}, {When(r.By.At, board)})"));
        if (review.LatestOverview is { } latest && review.Stage >= ReviewStage.PanelSignOff)
        {
            var signed = review.SignOffs.Where(s => s.VersionLabel == latest.Label).Select(s => NameOf(s.ObjectId, c, board));
            var waiting = Core.Review.ReviewMachine.UnsignedPanelMembers(c, review).Select(id => NameOf(id, c, board)).ToList();
            facts.Add($"Signed off {latest.Label}: {(signed.Any() ? string.Join(", ", signed) : "no one yet")}{(waiting.Count > 0 ? $"; waiting for {string.Join(", ", waiting)}" : string.Empty)}");
        }

        facts.AddRange(PublicationFacts(c, review, board));
        if (review.Stage == ReviewStage.LearningDisseminated)
        {
            facts.AddRange((c.Learning?.Disseminations ?? []).Select(d => $"{(d.IsConfirmed ? "✓" : "☐")} Learning disseminated by {board.Agencies.FirstOrDefault(a => a.Id == d.AgencyId)?.Name ?? d.AgencyId}: "
                + (d.ConfirmedAt is { } at ? $"confirmed {When(at, board)}" : $"due {ReferralCardMapper.Day(d.DueOn)}")));
        }

        return facts;
    }

    private static IEnumerable<string> PublicationFacts(ReviewCase c, ReviewProgress review, BoardConfiguration board)
    {
        var plan = review.Publication;
        if (plan.PlannedOn is { } planned)
        {
            yield return $"Publication planned for {ReferralCardMapper.Day(planned)}";
            foreach (var notice in Publication.NoticeTasks(c))
            {
                yield return notice.DoneAt is { } done ? $"✓ {notice.Title}: done {When(done, board)}" : $"{notice.Title}: due {ReferralCardMapper.Day(BoardTime.Today(board, notice.DueAt))}";
            }
        }

        if (plan.Checks.Count > 0 || review.Stage == ReviewStage.Publication)
        {
            foreach (var check in Enum.GetValues<AnonymisationCheck>())
            {
                yield return plan.Checks.TryGetValue(check, out var by) ? $"✓ {Publication.CheckText(check)} ({NameOf(by.ByObjectId, c, board)})" : $"☐ {Publication.CheckText(check)}";
            }
        }

        if (plan.PublishedOn is { } on)
        {
            yield return $"Published {ReferralCardMapper.Day(on)}; stays published until at least {ReferralCardMapper.Day(plan.PublishedUntil ?? on)}";
        }

        if (plan.NotPublishedReason is { } reason)
        {
            yield return $"Not published: {reason} (decided by {NameOf(plan.NotPublishedBy!.ByObjectId, c, board)}); the national panel's advice is sought";
        }
    }

    /// <summary>The learning event in words: when (and where its booking stands), skipped with the reason, or not yet called.</summary>
    private static string LearningEventText(ReviewCase c, BoardConfiguration board)
    {
        if (c.Learning?.EventSkippedReason is { } reason)
        {
            return $"Multi-agency learning event: not held ({reason}), recorded by {NameOf(c.Learning.EventSkippedBy!.ByObjectId, c, board)}";
        }

        if (Core.Learning.LearningEvents.Event(c) is not { Plan: { Status: not Core.Meetings.PanelMeetingStatus.Cancelled } plan } meeting)
        {
            return "Multi-agency learning event: not yet called";
        }

        var when = meeting.StartsAt is { } starts && plan.Picked is { } picked
            ? $"{Cards.Models.PanelMeetingSlotsCard.When(new Core.Scheduling.TimeRange(starts, starts + (picked.End - picked.Start)), TimeZoneInfo.FindSystemTimeZoneById(board.WorkingHours.TimeZoneId))}. "
            : string.Empty;
        return $"Multi-agency learning event: {when}{Meetings.MeetingCards.StatusText(plan)}";
    }

    private static bool LearningEventLive(ReviewCase c)
        => Core.Learning.LearningEvents.Event(c) is { Plan.Status: not Core.Meetings.PanelMeetingStatus.Cancelled };

    private static string HistoryLine(ReviewStageRecord h, ReviewCase c, BoardConfiguration board)
        => $"{ReviewStages.Title(h.Stage, c.Rulebook)}: {(h.SkippedReason is { } reason ? $"skipped ({reason})" : "done")} by {NameOf(h.ByObjectId, c, board)} on {When(h.EndedAt, board)}";

    private static string Agreed(Recorded? r, ReviewCase c, BoardConfiguration board) => r is null ? "not yet agreed" : $"agreed ({NameOf(r.ByObjectId, c, board)})";

    private static string Checked(Recorded? r, ReviewCase c, BoardConfiguration board, string done = "checked") => r is null ? "not yet" : $"{done} ({NameOf(r.ByObjectId, c, board)})";

    // The real time, not the day's start: on the learning event's day the card says it has taken place once it has.
    private static Core.Decisions.CaseCommandContext Context(BoardConfiguration board, string? viewer, DateTimeOffset now, DateOnly today)
        => new(board, viewer ?? string.Empty, now, today, Core.Calendar.WorkingDayCalendar.EnglandAndWales);

    private static string PersonLabel(BoardPerson p, BoardConfiguration board)
        => p.AgencyId is { } agency ? $"{p.DisplayName} ({board.Agencies.FirstOrDefault(a => a.Id == agency)?.Name ?? agency})" : p.DisplayName;

    private static string NameOf(string objectId, ReviewCase c, BoardConfiguration board)
        => board.FindPerson(objectId)?.DisplayName
            ?? c.Parties.FirstOrDefault(p => Same(p.ObjectId, objectId) && p.DisplayName is not null)?.DisplayName
            ?? "a board member";

    private static string When(DateTimeOffset at, BoardConfiguration board) => BoardTime.Local(board, at).ToString("d MMMM yyyy", EnglishUk);

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
