using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using ReviewBot.Ports;

namespace ReviewBot.Graph;

/// <summary>What a Graph call needs, named so a denial can say what to grant.</summary>
/// <param name="Operation">What is attempted, e.g. "create the panel meeting".</param>
/// <param name="Permission">The least application permission, e.g. Calendars.ReadWrite.</param>
/// <param name="ExchangeRole">The RBAC for Applications role that scopes it to the board mailbox, if any.</param>
internal sealed record GraphCall(string Operation, string Permission, string? ExchangeRole = null);

/// <summary>
/// Turns the SDK's exceptions into <see cref="Microsoft365Exception"/>. The SDK throws <c>ODataError</c> for a
/// JSON error, an <c>AggregateException</c> of <c>ApiException</c>s once its retry handler gives up on
/// 429/503/504, and <c>ApiException</c> for a non-JSON error. Graph's own messages can name a user, so
/// they are never copied: only the code is kept.
/// </summary>
internal static class GraphFailures
{
    public static async Task<T> Run<T>(GraphCall call, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (ODataError e)
        {
            throw Map(call, e.ResponseStatusCode, e.Error?.Code, e);
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last)
        {
            throw Map(call, last.ResponseStatusCode, null, e);
        }
        catch (ApiException e)
        {
            throw Map(call, e.ResponseStatusCode, null, e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new Microsoft365Exception(Microsoft365FailureKind.AccessDenied, call.Operation, CredentialFix, null, e);
        }
        catch (HttpRequestException e)
        {
            throw new Microsoft365Exception(Microsoft365FailureKind.Unavailable, call.Operation, RetryLater, null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Microsoft365Exception(Microsoft365FailureKind.Unavailable, call.Operation, RetryLater, "Timeout", e);
        }
    }

    public static Task Run(GraphCall call, Func<Task> action, CancellationToken cancellationToken)
        => Run(call, async () => { await action().ConfigureAwait(false); return true; }, cancellationToken);

    private const string RetryLater = "Nothing to fix: the work is kept and tried again later.";

    private const string CredentialFix = "Check Graph:TenantId, Graph:ClientId and the client secret or certificate (or the managed identity's access).";

    private static Microsoft365Exception Map(GraphCall call, int status, string? code, Exception inner) => status switch
    {
        429 => new(Microsoft365FailureKind.Throttled, call.Operation, RetryLater, code ?? "TooManyRequests", inner),
        401 => new(Microsoft365FailureKind.AccessDenied, call.Operation, CredentialFix, code, inner),
        403 => new(Microsoft365FailureKind.AccessDenied, call.Operation, GrantFix(call), code ?? "Forbidden", inner),
        404 => new(Microsoft365FailureKind.NotFound, call.Operation,
            "Check the board configuration: the board mailbox or a person's object id or email is not a user of the tenant, or the item was deleted.", code ?? "NotFound", inner),
        >= 500 => new(Microsoft365FailureKind.Unavailable, call.Operation, RetryLater, code, inner),
        _ => new(Microsoft365FailureKind.Rejected, call.Operation, "Graph refused the request as invalid: report it to ReviewBot's maintainers with the case reference.", code, inner),
    };

    private static string GrantFix(GraphCall call) => call.ExchangeRole is null
        ? $"A tenant administrator must grant the app the {call.Permission} application permission (see README, Microsoft Graph)."
        : $"A tenant administrator must grant the app {call.Permission} and put the board mailbox in its Exchange Online scope: "
            + $"New-ManagementRoleAssignment -App <app id> -Role \"{call.ExchangeRole}\" -CustomResourceScope <scope holding the board mailbox> (see README, Microsoft Graph).";
}
