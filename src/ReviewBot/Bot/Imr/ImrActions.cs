using System.Globalization;
using ReviewBot.Bot.Actions;
using ReviewBot.Bot.Effects;
using ReviewBot.Cards;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Dates;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Imr;

namespace ReviewBot.Bot.Imr;

/// <summary>
/// The IMR card's buttons: the business manager edits and extends, the author confirms independence and submits,
/// the panel member confirms receipt. Every press is checked on the server against the actor's role on the case
/// and on that agency's request; the answer is the card as the person should now see it.
/// </summary>
public sealed class ImrActions
{
    private readonly CaseWorkflow workflow;
    private readonly EffectDispatcher effects;
    private readonly TimeProvider clock;

    /// <summary>Creates the handler.</summary>
    public ImrActions(CaseWorkflow workflow, EffectDispatcher effects, TimeProvider clock)
    {
        this.workflow = workflow;
        this.effects = effects;
        this.clock = clock;
    }

    /// <summary>Handles a press of one of the IMR card's buttons (routed in Bot/Routing/BotRoutes).</summary>
    public async Task HandleAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (await CaseActions.CaseOfAsync(turn, action, cancellationToken) is not { } named)
        {
            return;
        }

        var (board, reference, actor) = named;
        if (action.Field("agencyId") is not { Length: > 0 } agency)
        {
            await turn.AnswerActionAsync(action, "This card doesn't name an IMR I recognise.", cancellationToken);
            return;
        }

        var today = BoardTime.Today(board, clock.GetUtcNow());
        var command = CommandFor(action, reference, agency, today, out var dateProblem);
        if (dateProblem is not null)
        {
            await turn.AnswerActionAsync(action, dateProblem, cancellationToken);
            return;
        }

        var result = await workflow.ExecuteAsync(board, command, actor, turn.Activity.Id, cancellationToken);
        await ActedCardAnswer.SendAsync(turn, action, command, result, effects, current => ImrCards.For(current, agency, board, actor, BoardTime.Today(board, clock.GetUtcNow()))!, cancellationToken);
    }

    /// <summary>Runs a submission typed in chat ("submitted SCR-2026-0001 police https://…"): the same command as the card's button.</summary>
    public Task<CaseActionResult> SubmitFromChatAsync(BoardConfiguration board, CaseReference reference, string agencyId, string documentUrl, string actor, string? correlationId, long version, CancellationToken cancellationToken)
        => workflow.ExecuteAsync(board, new SubmitImrCommand { Case = reference, CardVersion = version, AgencyId = agencyId, DocumentUrl = documentUrl }, actor, correlationId, cancellationToken);

    private static ImrCommand CommandFor(CardAction action, CaseReference reference, string agency, DateOnly today, out string? dateProblem)
    {
        dateProblem = null;
        var version = long.TryParse(action.Field("version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
        switch (action.Verb)
        {
            case CardVerbs.ImrEdit:
                var due = ReadDate(action.Field("dueOn"), today, "due date", out dateProblem);
                return new EditImrCommand { Case = reference, CardVersion = version, AgencyId = agency, AuthorObjectId = action.Field("author"), PanelMemberObjectId = action.Field("panelMember"), DueOn = due };
            case CardVerbs.ImrIndependence:
                return new ConfirmIndependenceCommand { Case = reference, CardVersion = version, AgencyId = agency, Confirmed = string.Equals(action.Field("confirmed"), "true", StringComparison.OrdinalIgnoreCase) };
            case CardVerbs.ImrSubmit:
                return new SubmitImrCommand { Case = reference, CardVersion = version, AgencyId = agency, DocumentUrl = action.Field("documentUrl") };
            case CardVerbs.ImrReceived:
                return new ConfirmImrReceivedCommand { Case = reference, CardVersion = version, AgencyId = agency };
            default:
                var newDue = ReadDate(action.Field("newDueOn"), today, "new due date", out dateProblem);
                return new ExtendImrCommand { Case = reference, CardVersion = version, AgencyId = agency, NewDueOn = newDue, Reason = action.Field("reason"), AgreedBy = action.Field("agreedBy") };
        }
    }

    // Input.Date sends yyyy-MM-dd; a typed fallback (Action.Submit on an older client) may send UK words.
    internal static DateOnly? ReadDate(string? text, DateOnly today, string what, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        var parsed = UkDateParser.Parse(text, today);
        if (!parsed.Succeeded)
        {
            problem = $"I couldn't read the {what}. Please give it as a date such as 8/1/2027.";
        }

        return parsed.Date;
    }
}
