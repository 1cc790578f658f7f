using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ReviewBot.Teams;

/// <summary>Maps the Bot Framework messages endpoint.</summary>
public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c>: size limit (413), JSON and <c>type</c> checks (400), authentication (401; the bot
    /// is not called), then <see cref="IBot.OnTurnAsync"/> and the response (invoke response, expectReplies
    /// activities, or 200 with an empty body).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, <c>/api/messages</c> by default.</param>
    /// <returns>The endpoint convention builder (e.g. to add rate limiting).</returns>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, (HttpContext context) => BotMessageHandler.HandleAsync(context))
            .WithDisplayName("Bot Framework messages")
            .DisableAntiforgery();
    }
}
