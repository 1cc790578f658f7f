using ReviewBot.Core.Referrals;

namespace ReviewBot.Bot.Routing;

/// <summary>Answers one card press (Action.Execute invoke, or its Action.Submit fallback).</summary>
public delegate Task CardRouteHandler(BotTurn turn, CardAction action, CancellationToken cancellationToken);

/// <summary>Answers one typed command, once the person's words are recognised.</summary>
public delegate Task CommandRouteHandler(BotTurn turn, ChatIntent intent, CancellationToken cancellationToken);

/// <summary>Answers typed text while a dialog (such as a referral) is open.</summary>
public delegate Task DialogRouteHandler(BotTurn turn, string text, CancellationToken cancellationToken);

/// <summary>
/// Verb, command and dialog routes, each to one handler, as the Agents SDK's per-verb routes. The handler is
/// a scoped service picked when the route runs (it holds the turn's connector client). A second route for the
/// same verb, command or flow is refused when the table is built, so a verb can never reach two handlers.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, Route<CardRouteHandler>> cards = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<ChatIntentKind, Route<CommandRouteHandler>> commands = [];
    private readonly Dictionary<string, Route<DialogRouteHandler>> dialogs = new(StringComparer.Ordinal);
    private readonly HashSet<Type> handlerTypes = [];

    /// <summary>Every card verb with a route.</summary>
    public IReadOnlyCollection<string> Verbs => cards.Keys;

    /// <summary>Every typed command with a route.</summary>
    public IReadOnlyCollection<ChatIntentKind> Commands => commands.Keys;

    /// <summary>The handler classes the routes name (registered per turn by <see cref="BotRoutes.AddBotRoutes"/>).</summary>
    public IReadOnlyCollection<Type> HandlerTypes => handlerTypes;

    /// <summary>Routes a card verb (Action.Execute and the Action.Submit fallback alike) to a handler method.</summary>
    /// <exception cref="InvalidOperationException">The verb already has a route.</exception>
    public RouteTable Card<THandler>(string verb, Func<THandler, CardRouteHandler> handler)
        where THandler : notnull
        => Add(cards, verb, handler);

    /// <summary>Routes a recognised typed command to a handler method.</summary>
    /// <exception cref="InvalidOperationException">The command already has a route.</exception>
    public RouteTable Command<THandler>(ChatIntentKind command, Func<THandler, CommandRouteHandler> handler)
        where THandler : notnull
        => Add(commands, command, handler);

    /// <summary>Routes every typed message to a handler while the session's dialog is <paramref name="flow"/>.</summary>
    /// <exception cref="InvalidOperationException">The flow already has a route.</exception>
    public RouteTable Dialog<THandler>(string flow, Func<THandler, DialogRouteHandler> handler)
        where THandler : notnull
        => Add(dialogs, flow, handler);

    /// <summary>The handler for <paramref name="verb"/>, taken from the turn's services; null for a verb without a route.</summary>
    public CardRouteHandler? ForVerb(string verb, IServiceProvider services)
        => cards.TryGetValue(verb, out var route) ? route.Resolve(services) : null;

    /// <summary>The handler for <paramref name="command"/>; null without a route.</summary>
    public CommandRouteHandler? ForCommand(ChatIntentKind command, IServiceProvider services)
        => commands.TryGetValue(command, out var route) ? route.Resolve(services) : null;

    /// <summary>The handler for typed text while <paramref name="flow"/> is open; null when none (or no dialog).</summary>
    public DialogRouteHandler? ForDialog(string? flow, IServiceProvider services)
        => flow is not null && dialogs.TryGetValue(flow, out var route) ? route.Resolve(services) : null;

    private RouteTable Add<TKey, THandler, TDelegate>(Dictionary<TKey, Route<TDelegate>> routes, TKey key, Func<THandler, TDelegate> handler)
        where TKey : notnull
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!routes.TryAdd(key, new Route<TDelegate>(services => handler(services.GetRequiredService<THandler>()))))
        {
            throw new InvalidOperationException($"'{key}' has two routes; each verb and command has exactly one.");
        }

        handlerTypes.Add(typeof(THandler));

        return this;
    }

    private sealed record Route<TDelegate>(Func<IServiceProvider, TDelegate> Resolve);
}
