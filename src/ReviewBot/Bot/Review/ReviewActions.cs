using System.Globalization;
using ReviewBot.Bot.Actions;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Effects;
using ReviewBot.Cards;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Review;

namespace ReviewBot.Bot.Review;

/// <summary>
/// The stage card's buttons (routed in Bot/Routing/BotRoutes): move on, skip with a reason, and each stage's own steps.
/// Every press is checked on the server against the actor's role on the case and the stage it is at; the answer is
/// the stage card as the person should now see it.
/// </summary>
public sealed class ReviewActions
{
    private readonly CaseWorkflow workflow;
    private readonly EffectDispatcher effects;
    private readonly TimeProvider clock;

    /// <summary>Creates the handler.</summary>
    public ReviewActions(CaseWorkflow workflow, EffectDispatcher effects, TimeProvider clock)
    {
        this.workflow = workflow;
        this.effects = effects;
        this.clock = clock;
    }

    /// <summary>Handles a press of one of the stage card's buttons.</summary>
    public async Task HandleAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (await CaseActions.CaseOfAsync(turn, action, cancellationToken) is not { } named)
        {
            return;
        }

        var (board, reference, actor) = named;
        var today = BoardTime.Today(board, clock.GetUtcNow());
        var version = long.TryParse(action.Field("version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
        var command = CommandFor(action, reference, version, today, out var problem);
        if (problem is not null)
        {
            await turn.AnswerActionAsync(action, problem, cancellationToken);
            return;
        }

        var result = await workflow.ExecuteAsync(board, command, actor, turn.Activity.Id, cancellationToken);
        await ActedCardAnswer.SendAsync(turn, action, command, result, effects, current => CaseViews.For(ReviewCards.Purpose, current, board, actor, clock.GetUtcNow(), !turn.IsPersonal), cancellationToken);
    }

    private static CaseCommand CommandFor(CardAction action, CaseReference reference, long version, DateOnly today, out string? problem)
    {
        problem = null;
        var stage = Enum.TryParse<ReviewStage>(action.Field("stage"), ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : (ReviewStage?)null;
        switch (action.Verb)
        {
            case CardVerbs.ReviewAdvance:
                return new AdvanceStageCommand { Case = reference, CardVersion = version, Stage = stage, Team = action.Field("team") };
            case CardVerbs.ReviewSkip:
                return new SkipStageCommand { Case = reference, CardVersion = version, Stage = stage, Reason = action.Field("reason") };
            case CardVerbs.ReviewTerms:
                return new RecordTermsCommand { Case = reference, CardVersion = version, Scope = action.Field("scope"), DocumentUrl = action.Field("termsUrl"), PanelInput = action.Field("panel") };
            case CardVerbs.ReviewLeadPropose:
                return new ProposeLeadReviewerCommand { Case = reference, CardVersion = version, Name = action.Field("leadName"), PersonObjectId = action.Field("leadPerson") };
            case CardVerbs.ReviewLeadAgree:
                return new AgreeLeadReviewerCommand { Case = reference, CardVersion = version };
            case CardVerbs.ReviewLeadCheck:
                var check = Enum.TryParse<LeadReviewerCheck>(action.Field("check"), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (LeadReviewerCheck?)null;
                return new RecordLeadReviewerCheckCommand { Case = reference, CardVersion = version, Check = check };
            case CardVerbs.ReviewLeadIndependence:
                return new ConfirmLeadReviewerIndependenceCommand { Case = reference, CardVersion = version, Confirmed = string.Equals(action.Field("confirmed"), "true", StringComparison.OrdinalIgnoreCase) };
            case CardVerbs.ReviewReport:
                var kind = Enum.TryParse<ReportKind>(action.Field("reportKind"), ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : (ReportKind?)null;
                return new RecordReportVersionCommand { Case = reference, CardVersion = version, Kind = kind, Url = action.Field("reportUrl"), Label = action.Field("reportLabel") };
            case CardVerbs.ReviewSignOff:
                return new SignOffReportCommand { Case = reference, CardVersion = version, VersionLabel = action.Field("versionLabel") };
            case CardVerbs.ReviewPublicationPlan:
                return new PlanPublicationCommand { Case = reference, CardVersion = version, PlannedOn = Imr.ImrActions.ReadDate(action.Field("plannedOn"), today, "planned publication date", out problem) };
            case CardVerbs.ReviewAnonymisation:
                return new TickAnonymisationCommand { Case = reference, CardVersion = version, ChecksInput = action.Field("checks") };
            case CardVerbs.ReviewNotPublish:
                return new DecideNotToPublishCommand { Case = reference, CardVersion = version, Reason = action.Field("notPublishedReason") };
            case CardVerbs.ReviewLearningEvent:
                return new Core.Learning.CallLearningEventCommand { Case = reference, CardVersion = version };
            case CardVerbs.ReviewLearningEventSkip:
                return new Core.Learning.SkipLearningEventCommand { Case = reference, CardVersion = version, Reason = action.Field("eventSkipReason") };
            default:
                return new CallReviewPanelMeetingCommand { Case = reference, CardVersion = version };
        }
    }
}
