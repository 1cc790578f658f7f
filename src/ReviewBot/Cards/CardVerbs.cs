using ReviewBot.Core.Referrals;

namespace ReviewBot.Cards;

/// <summary>
/// The names of the verbs cards send (Action.Execute <c>verb</c>, and <c>value.verb</c> from the Action.Submit
/// fallbacks older clients use); each is routed to its one handler in <c>Bot/Routing/BotRoutes</c>, and the
/// templates use exactly the routed verbs (tested). The referral's verbs are the ones its conversation in Core
/// reads (<see cref="ReferralVerbs"/>), named once. Data on an action says what the user was looking at, never
/// what they may do: handlers check roles.
/// </summary>
public static class CardVerbs
{
    /// <summary>Start a referral (welcome card).</summary>
    public const string ReferralStart = "referral.start";

    /// <summary>Show my tasks (welcome card).</summary>
    public const string TasksMine = "tasks.mine";

    /// <summary>Show help.</summary>
    public const string Help = "help";

    /// <summary>Show a case's status; data <c>{caseRef}</c> (or the welcome card's <c>caseRef</c> input).</summary>
    public const string CaseStatus = "case.status";

    /// <summary>Automatic refresh of a user-specific card; data <c>{caseRef, version}</c>.</summary>
    public const string CaseRefresh = "case.refresh";

    /// <summary>Answer a referral question; data <c>{draftId, questionId, answer?}</c> (input <c>answer</c> merged).</summary>
    public const string ReferralAnswer = ReferralVerbs.Answer;

    /// <summary>Go back one referral question; data <c>{draftId, questionId}</c>.</summary>
    public const string ReferralBack = ReferralVerbs.Back;

    /// <summary>Skip an optional referral question; data <c>{draftId, questionId}</c>.</summary>
    public const string ReferralSkip = ReferralVerbs.Skip;

    /// <summary>Cancel the referral draft; data <c>{draftId}</c>.</summary>
    public const string ReferralCancel = ReferralVerbs.Cancel;

    /// <summary>Change one answer from the summary; data <c>{draftId}</c> + input <c>questionId</c>.</summary>
    public const string ReferralEdit = ReferralVerbs.Edit;

    /// <summary>Submit the referral; data <c>{draftId}</c>.</summary>
    public const string ReferralSubmit = ReferralVerbs.Submit;

    /// <summary>Sub-group recommends a review (SCR or local CSPR); data <c>{caseRef, version}</c> + inputs.</summary>
    public const string RecommendationReview = "recommendation.review";

    /// <summary>Sub-group recommends an alternative review; data <c>{caseRef, version}</c> + inputs.</summary>
    public const string RecommendationAlternative = "recommendation.alternative";

    /// <summary>Ask the referrer for more information; data <c>{caseRef, version}</c> + inputs.</summary>
    public const string RecommendationMoreInfo = "recommendation.moreinfo";

    /// <summary>Call an extraordinary panel meeting; data <c>{caseRef, version}</c>.</summary>
    public const string RecommendationPanel = "recommendation.panel";

    /// <summary>Board chair approves the review; data <c>{caseRef, version}</c> + inputs.</summary>
    public const string DecisionApprove = "decision.approve";

    /// <summary>Board chair declines the review; data <c>{caseRef, version}</c> + inputs.</summary>
    public const string DecisionDecline = "decision.decline";

    /// <summary>Board chair asks for more information; data <c>{caseRef, version}</c> + inputs.</summary>
    public const string DecisionMoreInfo = "decision.moreinfo";

    /// <summary>Tick a follow-up task; data <c>{caseRef, version, taskId}</c>.</summary>
    public const string TaskTick = "task.tick";

    /// <summary>Pick a panel meeting slot; data <c>{caseRef, version, slotId}</c> + inputs <c>panel</c>, <c>durationMinutes</c>.</summary>
    public const string MeetingPick = "meeting.pick";

    /// <summary>Find panel meeting times again; data <c>{caseRef, version, range: deadline|longer}</c> + the same inputs.</summary>
    public const string MeetingSearch = "meeting.search";

    /// <summary>Cancel the booked panel meeting (the same event is cancelled); data <c>{caseRef, version}</c>.</summary>
    public const string MeetingCancel = "meeting.cancel";

    /// <summary>A clock's owner marks the step done (e.g. the Panel notified); data <c>{caseRef, version, clockKind}</c>.</summary>
    public const string ClockDone = "case.clockDone";

    /// <summary>The business manager saves an IMR request (author, panel member, due date).</summary>
    public const string ImrEdit = "imr.edit";

    /// <summary>The IMR author confirms independence.</summary>
    public const string ImrIndependence = "imr.independence";

    /// <summary>The author or panel member marks the IMR submitted, with the document link.</summary>
    public const string ImrSubmit = "imr.submit";

    /// <summary>The panel member confirms the IMR arrived.</summary>
    public const string ImrReceived = "imr.received";

    /// <summary>An agreed extension of an IMR's due date.</summary>
    public const string ImrExtend = "imr.extend";

    /// <summary>Open the form to extend a deadline (business manager or board chair); data <c>{caseRef}</c>.</summary>
    public const string ClockExtendForm = "case.extendForm";

    /// <summary>Record an agreed extension; data <c>{caseRef, version}</c> + inputs <c>clockKind, newDueOn, reason, agreedBy</c>.</summary>
    public const string ClockExtend = "case.extendClock";

    /// <summary>Move the review's current stage on; data <c>{caseRef, version, stage}</c> (+ input <c>team</c> at the first stage).</summary>
    public const string ReviewAdvance = "review.advance";

    /// <summary>Skip the review's current stage; data <c>{caseRef, version, stage}</c> + input <c>reason</c>.</summary>
    public const string ReviewSkip = "review.skip";

    /// <summary>Record the terms of reference and panel; inputs <c>scope, termsUrl, panel</c>.</summary>
    public const string ReviewTerms = "review.terms";

    /// <summary>Propose the lead reviewer; inputs <c>leadName, leadPerson</c>.</summary>
    public const string ReviewLeadPropose = "review.lead.propose";

    /// <summary>The board chair or director of children's services agrees the lead reviewer.</summary>
    public const string ReviewLeadAgree = "review.lead.agree";

    /// <summary>Record a check of the lead reviewer; data <c>check</c> (Training, References).</summary>
    public const string ReviewLeadCheck = "review.lead.check";

    /// <summary>Confirm the lead reviewer's independence; input <c>confirmed</c>.</summary>
    public const string ReviewLeadIndependence = "review.lead.independence";

    /// <summary>Record a report version as a link; inputs <c>reportKind, reportUrl, reportLabel</c>.</summary>
    public const string ReviewReport = "review.report";

    /// <summary>A panel member signs off the latest overview report; data <c>versionLabel</c>.</summary>
    public const string ReviewSignOff = "review.signoff";

    /// <summary>Set the planned publication date; input <c>plannedOn</c>.</summary>
    public const string ReviewPublicationPlan = "review.publication.plan";

    /// <summary>Tick anonymisation checks; input <c>checks</c> (comma-separated).</summary>
    public const string ReviewAnonymisation = "review.anonymisation";

    /// <summary>The board chair decides not to publish; input <c>notPublishedReason</c>.</summary>
    public const string ReviewNotPublish = "review.notpublish";

    /// <summary>Call a review panel meeting through the Graph meeting flow (panel meetings stage).</summary>
    public const string ReviewMeeting = "review.meeting";

    /// <summary>Call the multi-agency learning event through the Graph meeting flow (learning disseminated stage); data <c>{caseRef, version, stage}</c>.</summary>
    public const string ReviewLearningEvent = "review.learningevent";

    /// <summary>Record that no learning event is held; data <c>{caseRef, version, stage}</c> + input <c>eventSkipReason</c>.</summary>
    public const string ReviewLearningEventSkip = "review.learningevent.skip";

    /// <summary>Add or change an action on the action plan card; data <c>{caseRef, version}</c>, inputs <c>itemId, what, owner, agencyId, dueOn, measure</c>.</summary>
    public const string ActionSave = "action.save";

    /// <summary>Report progress on an action; data <c>{caseRef, version, itemId}</c>, inputs <c>status, note, asOf, evidenceUrl</c>.</summary>
    public const string ActionProgress = "action.progress";

    /// <summary>Ask the agencies to disseminate the learning; data <c>{caseRef, version}</c>, input <c>disseminateBy</c>.</summary>
    public const string LearningStart = "learning.start";

    /// <summary>An agency confirms dissemination; data <c>{caseRef, version, agencyId}</c>, input <c>note</c>.</summary>
    public const string LearningConfirm = "learning.confirm";

    /// <summary>Open the form to add a chronology entry (IMR card, review stage card); data <c>{caseRef, agencyId?}</c>.</summary>
    public const string ChronologyForm = "chronology.form";

    /// <summary>Add the entry; data <c>{caseRef, version, shownAgencyId}</c>, inputs <c>agencyId?, occurredOn, occurredAt, childContact, …, sourceOfEvidence, comment</c>.</summary>
    public const string ChronologyAdd = "chronology.add";
}
