using System.Security.Claims;

namespace ReviewBot.Teams;

/// <summary>The outcome of authenticating one inbound request.</summary>
public sealed class BotAuthenticationResult
{
    private BotAuthenticationResult(bool succeeded, string? failureReason, bool isTransientFailure, ClaimsIdentity identity)
    {
        Succeeded = succeeded;
        FailureReason = failureReason;
        IsTransientFailure = isTransientFailure;
        Identity = identity;
    }

    /// <summary>Whether the request may be processed.</summary>
    public bool Succeeded { get; }

    /// <summary>Why the request was refused: a fixed phrase, safe to log (never token or activity contents).</summary>
    public string? FailureReason { get; }

    /// <summary>
    /// True when the refusal is not the caller's fault (the signing keys could not be fetched); the endpoint
    /// answers 503 so that the channel retries, and still processes nothing.
    /// </summary>
    public bool IsTransientFailure { get; }

    /// <summary>
    /// The caller's identity: the validated token's claims, or an unauthenticated identity
    /// (<see cref="ClaimsIdentity.IsAuthenticated"/> false) for local development without an app id and for failures.
    /// </summary>
    public ClaimsIdentity Identity { get; }

    /// <summary>Whether the request was accepted without a token (local development without an app id).</summary>
    public bool IsAnonymous => Succeeded && !Identity.IsAuthenticated;

    /// <summary>An accepted request.</summary>
    /// <param name="identity">The caller's identity.</param>
    /// <returns>The result.</returns>
    public static BotAuthenticationResult Success(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new BotAuthenticationResult(true, null, false, identity);
    }

    /// <summary>A refused request.</summary>
    /// <param name="reason">A fixed phrase saying why (no token contents).</param>
    /// <param name="isTransient">Whether the failure is on our side (keys unavailable).</param>
    /// <returns>The result.</returns>
    public static BotAuthenticationResult Failure(string reason, bool isTransient = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new BotAuthenticationResult(false, reason, isTransient, new ClaimsIdentity());
    }
}
