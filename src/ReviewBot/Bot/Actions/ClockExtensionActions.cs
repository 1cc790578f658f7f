using System.Globalization;
using ReviewBot.Bot.Cases;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Dates;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Ports;

namespace ReviewBot.Bot.Actions;

/// <summary>
/// Extending a deadline by agreement (issue #10: the review's completion while criminal proceedings run):
/// the business manager or board chair opens the form from the case's status card and records the reason,
/// the new date and who agreed. <see cref="ExtendClockCommand"/> checks the role and writes the audit record.
/// </summary>
public sealed class ClockExtensionActions
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    private readonly CaseWorkflow workflow;
    private readonly ICaseStore cases;
    private readonly EffectDispatcher effects;
    private readonly TimeProvider clock;

    /// <summary>Creates the handler.</summary>
    public ClockExtensionActions(CaseWorkflow workflow, ICaseStore cases, EffectDispatcher effects, TimeProvider clock)
    {
        this.workflow = workflow;
        this.cases = cases;
        this.effects = effects;
        this.clock = clock;
    }

    /// <summary>"Extend a deadline" on the status card: the form, to the business manager or board chair.</summary>
    public Task ShowFormAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken) => HandleAsync(turn, action, cancellationToken);

    /// <summary>"Record the extension" on the form.</summary>
    public Task ExtendAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken) => HandleAsync(turn, action, cancellationToken);

    private async Task HandleAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        if (await CaseActions.CaseOfAsync(turn, action, cancellationToken) is not { } named)
        {
            return;
        }

        var (board, reference, actor) = named;
        if (await cases.FindAsync(board.BoardId, reference, cancellationToken) is not { } current
            || CaseVisibility.Of(current, actor, board) is not { IsParty: true } who)
        {
            // A stranger learns nothing, not even whether the case exists: the answer for an unknown reference.
            await turn.AnswerActionAsync(action, CaseVisibility.UnknownCaseAnswer(reference), cancellationToken);
            return;
        }

        if (!who.HoldsAny(ExtendClockCommand.Extenders))
        {
            await turn.ReplaceActedCardAsync(action, turn.Card(CaseCards.NotAuthorised(current, ExtendClockCommand.Extenders, "extend a deadline")), cancellationToken);
            return;
        }

        var card = action.Verb == CardVerbs.ClockExtend
            ? await RecordAsync(turn, action, board, current, actor, cancellationToken)
            : Form(current, board, action.Field("clockKind"));
        await turn.ReplaceActedCardAsync(action, turn.Card(card), cancellationToken);
    }

    /// <summary>The form for the case's open deadlines, with the extensions recorded so far.</summary>
    public static ClockExtensionCard Form(ReviewCase c, BoardConfiguration board, string? chosen = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var open = c.Clocks.Where(k => k.CompletedAt is null).ToList();
        var first = open.FirstOrDefault(k => k.Kind == chosen) ?? open.FirstOrDefault(k => k.Kind == ClockKinds.ReviewCompletion) ?? open.FirstOrDefault();
        return new ClockExtensionCard
        {
            CaseRef = c.Reference,
            Version = c.Version,
            Clocks = [.. open.Select(k => new ChoiceView($"{ReferralCardMapper.ClockLabel(k.Kind)} (due {ReferralCardMapper.Day(k.DueOn)})", k.Kind))],
            ClockKind = first?.Kind ?? string.Empty,
            Extensions = [.. c.Clocks.SelectMany(k => k.Extensions.Select(e => new ClockExtensionView(Describe(k.Kind, e, c, board))))],
        };
    }

    private async Task<ClockExtensionCard> RecordAsync(BotTurn turn, CardAction action, BoardConfiguration board, ReviewCase current, string actor, CancellationToken cancellationToken)
    {
        var kind = action.Field("clockKind") ?? string.Empty;
        var parsed = UkDateParser.Parse(action.Field("newDueOn"), BoardTime.Today(board, clock.GetUtcNow()));
        if (parsed.Date is not { } newDue)
        {
            return Form(current, board, kind) with { Error = "Please choose the new due date. " + (parsed.Problem ?? UkDateParser.CouldNotRead) };
        }

        var version = long.TryParse(action.Field("version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
        var command = new ExtendClockCommand { Case = current.Reference, CardVersion = version, ClockKind = kind, NewDueOn = newDue, Reason = action.Field("reason"), AgreedBy = action.Field("agreedBy") };
        var result = await workflow.ExecuteAsync(board, command, actor, turn.Activity.Id, cancellationToken);
        var latest = result.Case ?? current;
        if (!result.Applied)
        {
            return Form(latest, board, kind) with { Error = result.Problem ?? "Nothing changed. Please try again." };
        }

        effects.Dispatch(board.BoardId, latest.Reference, latest.Version);
        return Form(latest, board, kind) with
        {
            Confirmation = string.Create(EnglishUk, $"{ReferralCardMapper.ClockLabel(kind)} is now due on {ReferralCardMapper.Day(newDue)}. The extension is recorded in the case's audit trail."),
        };
    }

    private static string Describe(string kind, ClockExtension e, ReviewCase c, BoardConfiguration board)
    {
        var by = board.FindPerson(e.ByObjectId)?.DisplayName ?? c.Parties.FirstOrDefault(p => p.ObjectId == e.ByObjectId)?.DisplayName ?? "a board member";
        var at = BoardTime.Today(board, e.At);
        return $"{ReferralCardMapper.ClockLabel(kind)}: {UkDateParser.Format(e.PreviousDueOn)} → {UkDateParser.Format(e.NewDueOn)}. {e.Reason} Agreed by {e.AgreedBy}; recorded by {by} on {UkDateParser.Format(at)}.";
    }
}
