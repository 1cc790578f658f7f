using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewBot.Bot.Actions;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Bot.Routing;

/// <summary>
/// The bot's one route table: every card verb (Action.Execute, and the Action.Submit fallback older clients
/// send, alike) and every typed command, one line each, one handler each. A new verb is one line here (its
/// name goes in <see cref="CardVerbs"/>); tests check every verb a card uses has its route here and every
/// route is used. Handlers check the actor's role themselves: a hidden button is no protection.
/// </summary>
public static class BotRoutes
{
    /// <summary>The routes.</summary>
    public static RouteTable Table { get; } = new RouteTable()
        // Typed text while a referral is open goes to the referral first ("back", "skip", answers).
        .Dialog<ReferralDialog>(ReferralDialog.FlowName, h => h.ContinueAsync)

        // Typed commands, in the person's own words (ChatIntentRecogniser).
        .Command<ReferralDialog>(ChatIntentKind.StartReferral, h => h.StartAsync)
        .Command<GeneralActions>(ChatIntentKind.Help, h => h.HelpAsync)
        .Command<GeneralActions>(ChatIntentKind.Status, h => h.StatusAsync)
        .Command<GeneralActions>(ChatIntentKind.MyTasks, h => h.MyTasksAsync)
        .Command<GeneralActions>(ChatIntentKind.Cancel, h => h.ReplyAsync)
        .Command<GeneralActions>(ChatIntentKind.Greeting, h => h.ReplyAsync)
        .Command<GeneralActions>(ChatIntentKind.Thanks, h => h.ReplyAsync)
        .Command<GeneralActions>(ChatIntentKind.Other, h => h.ReplyAsync)

        // Welcome, help and status cards.
        .Card<GeneralActions>(CardVerbs.Help, h => h.HelpAsync)
        .Card<GeneralActions>(CardVerbs.TasksMine, h => h.MyTasksAsync)
        .Card<GeneralActions>(CardVerbs.CaseStatus, h => h.StatusAsync)

        // Referral question and summary cards.
        .Card<ReferralDialog>(CardVerbs.ReferralStart, h => h.StartFromCardAsync)
        .Card<ReferralDialog>(CardVerbs.ReferralAnswer, h => h.HandleCardAsync)
        .Card<ReferralDialog>(CardVerbs.ReferralBack, h => h.HandleCardAsync)
        .Card<ReferralDialog>(CardVerbs.ReferralSkip, h => h.HandleCardAsync)
        .Card<ReferralDialog>(CardVerbs.ReferralCancel, h => h.HandleCardAsync)
        .Card<ReferralDialog>(CardVerbs.ReferralEdit, h => h.HandleCardAsync)
        .Card<ReferralDialog>(CardVerbs.ReferralSubmit, h => h.HandleCardAsync)

        // Case cards: the sub-group's recommendation, the chair's decision, the checklist, clock reminders.
        .Card<CaseActions>(CardVerbs.CaseRefresh, h => h.RefreshAsync)
        .Card<CaseActions>(CardVerbs.RecommendationReview, h => h.RecommendReviewAsync)
        .Card<CaseActions>(CardVerbs.RecommendationAlternative, h => h.RecommendAlternativeAsync)
        .Card<CaseActions>(CardVerbs.RecommendationMoreInfo, h => h.SubGroupAsksForInformationAsync)
        .Card<CaseActions>(CardVerbs.RecommendationPanel, h => h.CallPanelMeetingAsync)
        .Card<CaseActions>(CardVerbs.DecisionApprove, h => h.ApproveAsync)
        .Card<CaseActions>(CardVerbs.DecisionDecline, h => h.DeclineAsync)
        .Card<CaseActions>(CardVerbs.DecisionMoreInfo, h => h.ChairAsksForInformationAsync)
        .Card<CaseActions>(CardVerbs.TaskTick, h => h.TickTaskAsync)
        .Card<CaseActions>(CardVerbs.ClockDone, h => h.CompleteClockAsync)
        .Card<ClockExtensionActions>(CardVerbs.ClockExtendForm, h => h.ShowFormAsync)
        .Card<ClockExtensionActions>(CardVerbs.ClockExtend, h => h.ExtendAsync)

        // IMR cards (one per agency): edit, independence, submission, receipt, extension.
        .Card<Imr.ImrActions>(CardVerbs.ImrEdit, h => h.HandleAsync)
        .Card<Imr.ImrActions>(CardVerbs.ImrIndependence, h => h.HandleAsync)
        .Card<Imr.ImrActions>(CardVerbs.ImrSubmit, h => h.HandleAsync)
        .Card<Imr.ImrActions>(CardVerbs.ImrReceived, h => h.HandleAsync)
        .Card<Imr.ImrActions>(CardVerbs.ImrExtend, h => h.HandleAsync)

        // The business manager's panel meeting card (issue #12): Graph is reached by outbox effects after the answer.
        .Card<MeetingActions>(CardVerbs.MeetingPick, h => h.PickAsync)
        .Card<MeetingActions>(CardVerbs.MeetingSearch, h => h.SearchAsync)
        .Card<MeetingActions>(CardVerbs.MeetingCancel, h => h.CancelAsync)

        // The review's stage card after the decision (issue #14): stages, lead reviewer, terms, reports, publication.
        .Card<Review.ReviewActions>(CardVerbs.ReviewAdvance, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewSkip, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewTerms, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewLeadPropose, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewLeadAgree, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewLeadCheck, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewLeadIndependence, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewReport, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewSignOff, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewPublicationPlan, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewAnonymisation, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewNotPublish, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewMeeting, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewLearningEvent, h => h.HandleAsync)
        .Card<Review.ReviewActions>(CardVerbs.ReviewLearningEventSkip, h => h.HandleAsync)

        // The action plan and learning (issue #14 items 6-7): Bot/ActionPlans.
        .Card<ActionPlans.ActionPlanActions>(CardVerbs.ActionSave, h => h.SaveAsync)
        .Card<ActionPlans.ActionPlanActions>(CardVerbs.ActionProgress, h => h.ProgressAsync)
        .Card<ActionPlans.ActionPlanActions>(CardVerbs.LearningStart, h => h.StartDisseminationAsync)
        .Card<ActionPlans.ActionPlanActions>(CardVerbs.LearningConfirm, h => h.ConfirmDisseminationAsync)

        // Chronology entries by card (issue #14): from the IMR card and the review stage card, Bot/Export.
        .Card<Export.ChronologyEntryActions>(CardVerbs.ChronologyForm, h => h.ShowFormAsync)
        .Card<Export.ChronologyEntryActions>(CardVerbs.ChronologyAdd, h => h.AddAsync);

    /// <summary>Registers every handler class the table names, per turn (they hold the connector's typed HttpClient).</summary>
    public static IServiceCollection AddBotRoutes(this IServiceCollection services)
    {
        foreach (var handler in Table.HandlerTypes)
        {
            services.TryAddScoped(handler);
        }

        return services;
    }
}
