using System.Text.Json.Nodes;
using ReviewBot.Bot.Routing;
using ReviewBot.Cards;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;
using ReviewBot.Teams;

namespace ReviewBot.Bot;

/// <summary>
/// The bot: loads the turn's session, routes the activity (typed message, card action, lifecycle event)
/// to its handler, and saves the session once. Store outages become a plain apology, never a 500.
/// </summary>
public sealed partial class ReviewBotActivityHandler : IBot
{
    private readonly IConversationStore conversations;
    private readonly IBoardDirectory boards;
    private readonly ICardRenderer cards;
    private readonly ChatCommands commands;
    private readonly IServiceProvider services;
    private readonly ILogger<ReviewBotActivityHandler> logger;
    private readonly ICardRenderer outlookCards;

    /// <summary>Creates the bot over the turn's services, from which each route takes its handler.</summary>
    public ReviewBotActivityHandler(
        IConversationStore conversations,
        IBoardDirectory boards,
        ICardRenderer cards,
        ChatCommands commands,
        IServiceProvider services,
        ILogger<ReviewBotActivityHandler> logger,
        Outlook.OutlookActionableMessages outlook)
    {
        outlookCards = outlook.Renderer;
        this.conversations = conversations;
        this.boards = boards;
        this.cards = cards;
        this.commands = commands;
        this.services = services;
        this.logger = logger;
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turn, CancellationToken ct)
    {
        try
        {
            if (await AdmitAsync(turn, ct) is not { } board)
            {
                return;
            }

            // A turn that lost a race with another turn of the same person re-runs once on the fresh state:
            // every effect is idempotent (case changes are version-checked, submissions keyed) and nothing
            // was sent by the attempt that lost.
            if (!await TryTurnAsync(turn, board, ct))
            {
                LogConversationConflict(logger, turn.Activity.Id);
                if (!await TryTurnAsync(turn, board, ct))
                {
                    await ApologiseAsync(turn, BotTexts.ConversationConflict, ct);
                }
            }
        }
        catch (StoreUnavailableException)
        {
            LogStoreUnavailable(logger, turn.Activity.Type, turn.Activity.Id);
            await ApologiseAsync(turn, BotTexts.StoreUnavailable, ct);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            // The turn's state is saved; only a reply failed. A card press still hears why; a 500 would make Teams resend.
            LogReplyFailed(logger, turn.Activity.Id, e.GetType().Name);
            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                turn.InvokeResponse = AdaptiveCardInvokeResponses.Message(BotTexts.TeamsUnavailable);
            }
        }
    }

    /// <summary>
    /// The gate every turn passes before anything is loaded or stored: a sender with an Entra object id (the only
    /// identity the bot trusts), in a tenant with a board. Otherwise the person is told why and nothing is stored.
    /// </summary>
    private async Task<BoardConfiguration?> AdmitAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (string.IsNullOrWhiteSpace(activity.From?.AadObjectId))
        {
            LogNoIdentity(logger, activity.Type, activity.Id);
            await RefuseAsync(turn, BotTexts.NoIdentity, cancellationToken);
            return null;
        }

        var tenantId = activity.GetTenantId();
        var board = tenantId is null ? null : await boards.FindByTenantAsync(tenantId, cancellationToken);
        if (board is null)
        {
            LogNoBoard(logger, activity.Type, activity.Id);
            await RefuseAsync(turn, BotTexts.NoBoard, cancellationToken);
        }

        return board;
    }

    /// <summary>Says why a turn is not served, to a message, a card action or an install; other activities hear nothing.</summary>
    private static async Task RefuseAsync(ITurnContext context, string text, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (activity.Type == ActivityTypes.Invoke)
        {
            // Only a card action is answered: any other invoke name stays unanswered (501), as for every tenant.
            context.InvokeResponse = activity.Name == AdaptiveCardAction.InvokeName ? AdaptiveCardInvokeResponses.Message(text) : null;
        }
        else if (activity.Type == ActivityTypes.Message || (activity.Type == ActivityTypes.InstallationUpdate && activity.Action == "add"))
        {
            await context.SendActivityAsync(Activity.CreateMessage(text), cancellationToken);
        }
    }

    private async Task<bool> TryTurnAsync(ITurnContext context, BoardConfiguration board, CancellationToken cancellationToken)
    {
        var session = await TurnSession.LoadAsync(conversations, context.Activity, cancellationToken);
        // Outlook shows cards of version 1.4 at most: its invokes are answered with the Outlook forms.
        var botTurn = new BotTurn(context, session, board, context.Activity.ChannelId == ServedChannels.Outlook ? outlookCards : cards);
        await RouteAsync(botTurn, cancellationToken);
        try
        {
            await session.SaveAsync(cancellationToken);
        }
        catch (ConversationConflictException)
        {
            context.InvokeResponse = null;
            return false;
        }

        await botTurn.FlushAsync(cancellationToken);
        return true;
    }

    private Task RouteAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        return activity.Type switch
        {
            ActivityTypes.Message when CardActionOf(activity) is { } submit => HandleActionAsync(turn, submit, cancellationToken),
            ActivityTypes.Message => commands.HandleAsync(turn, cancellationToken),
            ActivityTypes.Invoke => HandleInvokeAsync(turn, cancellationToken),
            // Teams sends installationUpdate and conversationUpdate together on install: greet once.
            ActivityTypes.InstallationUpdate when activity.Action == "add" => GreetAsync(turn, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task HandleInvokeAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.TryGetAdaptiveCardAction(out var action))
        {
            turn.Context.InvokeResponse = new InvokeResponse(501, null);
            return;
        }

        var data = action.Data ?? [];
        await HandleActionAsync(turn, new CardAction(action.Verb ?? string.Empty, data, IsInvoke: true, turn.Activity.ReplyToId, action.Trigger ?? "manual"), cancellationToken);
    }

    private async Task HandleActionAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
    {
        // Action.Execute and the Action.Submit fallback reach the same route.
        if (BotRoutes.Table.ForVerb(action.Verb, services) is not { } handler)
        {
            LogUnknownVerb(logger, turn.Activity.Id);
            if (action.IsInvoke)
            {
                turn.Context.InvokeResponse = AdaptiveCardInvokeResponses.Error(400, "BadRequest", "This button is not recognised. It may be from an older card: type 'help' to start again.");
            }
            else
            {
                await turn.SayAsync(BotTexts.UnknownButton, cancellationToken);
            }

            return;
        }

        await handler(turn, action, cancellationToken);
    }

    private static async Task GreetAsync(BotTurn turn, CancellationToken cancellationToken)
        => await turn.SendCardAsync(turn.Card(WelcomeCards.For(turn)), cancellationToken);

    /// <summary>An Action.Submit arrives as a message whose value names the verb.</summary>
    private static CardAction? CardActionOf(Activity activity)
    {
        if (activity.Value is not { ValueKind: System.Text.Json.JsonValueKind.Object } value
            || JsonNode.Parse(value.GetRawText()) is not JsonObject data
            || data["verb"] is not JsonValue verbValue
            || !verbValue.TryGetValue<string>(out var verb)
            || verb.Length == 0)
        {
            return null;
        }

        data.Remove("verb");
        return new CardAction(verb, data, IsInvoke: false, activity.ReplyToId);
    }

    private static async Task ApologiseAsync(ITurnContext context, string text, CancellationToken cancellationToken)
    {
        if (context.Activity.Type == ActivityTypes.Invoke)
        {
            context.InvokeResponse = AdaptiveCardInvokeResponses.Message(text);
            return;
        }

        if (context.Activity.Type == ActivityTypes.Message)
        {
            await context.SendActivityAsync(Activity.CreateMessage(text), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unavailable during a {ActivityType} turn (activity {ActivityId}); the user was asked to retry")]
    private static partial void LogStoreUnavailable(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Concurrent turns in one conversation (activity {ActivityId}); running the turn again on the fresh state")]
    private static partial void LogConversationConflict(ILogger logger, string? activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply in activity {ActivityId} could not be sent ({ErrorType})")]
    private static partial void LogReplyFailed(ILogger logger, string? activityId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {ActivityType} activity {ActivityId} has no from.aadObjectId; answered without acting")]
    private static partial void LogNoIdentity(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {ActivityType} activity {ActivityId} comes from a tenant with no board; answered, nothing stored")]
    private static partial void LogNoBoard(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unknown card verb in activity {ActivityId}")]
    private static partial void LogUnknownVerb(ILogger logger, string? activityId);
}
