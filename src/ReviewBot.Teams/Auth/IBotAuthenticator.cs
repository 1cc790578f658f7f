namespace ReviewBot.Teams;

/// <summary>Authenticates requests to the messages endpoint (Bot Framework channel JWTs only).</summary>
public interface IBotAuthenticator
{
    /// <summary>
    /// Validates the request's bearer token against the activity it carries. Never throws for a bad token:
    /// the result says why it was refused.
    /// </summary>
    /// <param name="authorizationHeader">The raw <c>Authorization</c> header, if any.</param>
    /// <param name="activity">The activity in the request body (its <c>channelId</c> and <c>serviceUrl</c> are checked).</param>
    /// <param name="ct">Cancels the key fetch, if one is needed.</param>
    /// <returns>The outcome.</returns>
    Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct);
}
