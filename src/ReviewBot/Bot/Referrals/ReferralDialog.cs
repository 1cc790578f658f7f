using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Messaging;
using ReviewBot.Cards;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Ports;
using ReviewBot.Core.Referrals;
using ReviewBot.Ports;
using ReviewBot.Teams;

namespace ReviewBot.Bot.Referrals;

/// <summary>
/// The referral conversation in Teams: loads the draft from the turn's session, feeds typed answers and
/// card presses to <see cref="ReferralConversation"/>, shows its prompts as cards, saves the draft after
/// every answer, and submits. Case details are only ever asked for in a 1:1 chat.
/// </summary>
public sealed partial class ReferralDialog
{
    /// <summary>The dialog's name in the conversation store.</summary>
    public const string FlowName = ReferralDraft.FlowName;

    private readonly ReferralConversation conversation;
    private readonly ReferralIntake intake;
    private readonly ICaseStore cases;
    private readonly IConversationStore conversations;
    private readonly TeamsMessenger messenger;
    private readonly EffectDispatcher effects;
    private readonly TimeProvider clock;
    private readonly ILogger<ReferralDialog> logger;

    /// <summary>Creates the dialog.</summary>
    public ReferralDialog(
        ReferralConversation conversation, ReferralIntake intake, ICaseStore cases, IConversationStore conversations,
        TeamsMessenger messenger, EffectDispatcher effects, TimeProvider clock, ILogger<ReferralDialog> logger)
    {
        this.conversation = conversation;
        this.intake = intake;
        this.cases = cases;
        this.conversations = conversations;
        this.messenger = messenger;
        this.effects = effects;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Starts a referral (or, in a shared conversation, moves it to a private chat).</summary>
    public async Task StartAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Board is null)
        {
            await turn.SayAsync(BotTexts.NoBoard, cancellationToken);
            return;
        }

        if (!turn.IsPersonal)
        {
            await StartPrivatelyAsync(turn, cancellationToken);
            return;
        }

        await ApplyAsync(turn, turn.Session, ResumeOrStart(turn.Session, ContextFor(turn)), action: null, cancellationToken);
    }

    /// <summary>Typed "refer" (or "new referral", in the person's own words).</summary>
    public Task StartAsync(BotTurn turn, ChatIntent intent, CancellationToken cancellationToken)
        => StartAsync(turn, cancellationToken);

    /// <summary>The Refer a case button (welcome and help cards).</summary>
    public async Task StartFromCardAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        await StartAsync(turn, cancellationToken);
        await AcknowledgeAsync(turn, action, cancellationToken);
    }

    /// <summary>A typed answer or command while a referral is open.</summary>
    public Task ContinueAsync(BotTurn turn, string text, CancellationToken cancellationToken)
        => ContinueAsync(turn, ReferralInput.Typed(text), action: null, cancellationToken);

    /// <summary>A press on a referral question or summary card (answer, back, skip, cancel, edit, submit).</summary>
    public async Task HandleCardAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        if (turn.Session.Dialog is not { Flow: FlowName })
        {
            await NoOpenReferralAsync(turn, action, cancellationToken);
            return;
        }

        await ContinueAsync(turn, ReferralInput.Card(action.Verb, CardValues(action)), action, cancellationToken);
    }

    private async Task ContinueAsync(BotTurn turn, ReferralInput input, CardAction? action, CancellationToken cancellationToken)
    {
        if (turn.Board is null)
        {
            await turn.SayAsync(BotTexts.NoBoard, cancellationToken);
            return;
        }

        var context = ContextFor(turn);
        var draft = turn.Session.Dialog is { } dialog ? ReferralDraft.FromJson(dialog.Json) : null;
        var result = draft is null ? conversation.Start(context) : conversation.Continue(draft, input, context);
        if (draft is null)
        {
            await turn.SayAsync("I couldn't read your saved referral, so let's start again. Sorry about that.", cancellationToken);
        }

        await ApplyAsync(turn, turn.Session, result, action, cancellationToken);
    }

    private async Task ApplyAsync(BotTurn turn, TurnSession session, ReferralTurn result, CardAction? action, CancellationToken cancellationToken)
    {
        session.Dialog = DialogOf(result);
        if (result.Submission is { } submission)
        {
            // The draft is dropped only when the turn saves, after the case exists: a failed submit keeps it,
            // and a repeated submit finds the case by its submission id.
            await SubmitAsync(turn, submission, action, cancellationToken);
            return;
        }

        await ShowAsync(turn, result.Prompts, action, cancellationToken);
    }

    private async Task SubmitAsync(BotTurn turn, ReferralSubmission submission, CardAction? action, CancellationToken cancellationToken)
    {
        var board = turn.Board!;
        var actor = ActorOf(turn);
        var intakeResult = await intake.SubmitAsync(board, submission.Referral, submission.DraftId, actor, turn.Activity.Id, cancellationToken);
        var reviewCase = intakeResult.Case;
        LogSubmitted(logger, reviewCase.Reference.Value, intakeResult.Created);
        var acknowledgement = turn.Card(ReferralCardMapper.Acknowledgement(reviewCase, board));
        if (action is { IsInvoke: true })
        {
            turn.Context.InvokeResponse = AdaptiveCardInvokeResponses.Card(acknowledgement);
        }
        else
        {
            await turn.SendCardAsync(acknowledgement, cancellationToken);
        }

        if (intakeResult.Created)
        {
            // The recommendation cards and the board's notice were written with the case; this runs them at once.
            effects.Dispatch(board.BoardId, reviewCase.Reference, reviewCase.Version);
        }
    }

    private async Task ShowAsync(BotTurn turn, IReadOnlyList<ReferralPrompt> prompts, CardAction? action, CancellationToken cancellationToken)
    {
        // For Action.Execute the last card replaces the one pressed; everything before it is sent as messages.
        var replaceLast = action is { IsInvoke: true } && prompts.Count > 0 && prompts[^1] is not NoticePrompt;
        for (var i = 0; i < prompts.Count; i++)
        {
            var prompt = prompts[i];
            if (replaceLast && i == prompts.Count - 1)
            {
                turn.Context.InvokeResponse = AdaptiveCardInvokeResponses.Card(turn.Card(ReferralCardMapper.ToCard(prompt, Today(turn))));
            }
            else if (prompt is NoticePrompt notice)
            {
                await turn.SayAsync(notice.Text, cancellationToken);
            }
            else
            {
                await turn.SendCardAsync(turn.Card(ReferralCardMapper.ToCard(prompt, Today(turn))), cancellationToken);
            }
        }

        if (action is { IsInvoke: true } && !replaceLast)
        {
            turn.Context.InvokeResponse = AdaptiveCardInvokeResponses.Message("Done.");
        }
    }

    private async Task StartPrivatelyAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ConversationAddress address;
        try
        {
            address = await messenger.OpenPersonalChatAsync(turn.Activity, cancellationToken);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            // Teams could not open the chat: say so plainly rather than fail the turn.
            LogPrivateChatFailed(logger, e.GetType().Name);
            await turn.SayAsync(BotTexts.PrivateChatUnavailable, cancellationToken);
            return;
        }

        await turn.SayAsync(BotTexts.MovingToPrivateChat, cancellationToken);
        var session = await TurnSession.LoadAsync(conversations, address, turn.Session.UserKey, cancellationToken);
        var result = ResumeOrStart(session, ContextFor(turn));
        session.Dialog = DialogOf(result);
        await session.SaveAsync(cancellationToken);
        foreach (var prompt in result.Prompts)
        {
            var activity = prompt is NoticePrompt notice ? Activity.CreateMessage(notice.Text) : Activity.CreateCard(turn.Card(ReferralCardMapper.ToCard(prompt, Today(turn))));
            await messenger.SendAsync(address, activity, "new referral", cancellationToken);
        }
    }

    /// <summary>A referral already open in the session shows where it stands; otherwise a new one starts.</summary>
    private ReferralTurn ResumeOrStart(TurnSession session, ReferralContext context)
        => session.Dialog is { Flow: FlowName } dialog && ReferralDraft.FromJson(dialog.Json) is { } draft
            ? conversation.Continue(draft, ReferralInput.Typed("summary"), context)
            : conversation.Start(context);

    private DialogState? DialogOf(ReferralTurn result)
        => result.Draft is null ? null : new DialogState(FlowName, result.Draft.ToJson(), clock.GetUtcNow());

    private async Task NoOpenReferralAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        var text = "That referral is no longer open. Type 'refer' to start a new one.";
        if (action.Verb == CardVerbs.ReferralSubmit && action.Field(ReferralValues.DraftId) is { } draftId && turn.Board is { } board
            && await cases.FindBySubmissionAsync(board.BoardId, draftId, cancellationToken) is { } submitted)
        {
            text = $"This referral was already submitted as {submitted.Reference}. Type 'status {submitted.Reference}' to see where it stands.";
        }

        await turn.AnswerActionAsync(action, text, cancellationToken);
    }

    private static Task AcknowledgeAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        if (action.IsInvoke && turn.Context.InvokeResponse is null)
        {
            turn.Context.InvokeResponse = AdaptiveCardInvokeResponses.Message(turn.IsPersonal ? "Starting a referral." : BotTexts.MovingToPrivateChat);
        }

        return Task.CompletedTask;
    }

    private DateOnly Today(BotTurn turn) => Core.Boards.BoardTime.Today(turn.Board!, clock.GetUtcNow());

    private static ReferralContext ContextFor(BotTurn turn)
    {
        // Teams activities carry the name but not the email: the board's directory knows its people's.
        var from = turn.Activity.From;
        var known = turn.Board!.FindPerson(turn.ActorObjectId);
        var profile = new ReferrerProfile(ActorOf(turn), from?.Name ?? known?.DisplayName, known?.Email);
        return ReferralContext.For(turn.Board!, profile);
    }

    /// <summary>The referrer: always the Entra object id (the turn gate answers activities without one).</summary>
    private static string ActorOf(BotTurn turn)
        => turn.ActorObjectId ?? throw new InvalidOperationException("A referral needs the sender's Entra object id.");

    /// <summary>Card data as the conversation expects it: an Edit button names the step to edit.</summary>
    private static Dictionary<string, string?> CardValues(CardAction action)
    {
        var values = new Dictionary<string, string?>(action.Fields(), StringComparer.OrdinalIgnoreCase);
        if (action.Verb == ReferralVerbs.Edit && values.Remove(ReferralValues.QuestionId, out var step))
        {
            values.TryAdd(ReferralValues.StepId, step);
        }

        return values;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A private chat for a referral could not be opened ({ErrorType})")]
    private static partial void LogPrivateChatFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral submitted as {CaseReference} (new case: {Created})")]
    private static partial void LogSubmitted(ILogger logger, string caseReference, bool created);
}
