using Azure.Core;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>A credential that hands out numbered tokens valid for an hour and counts the calls.</summary>
internal sealed class FakeTokenCredential(TimeProvider time) : TokenCredential
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public List<string[]> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (Scopes)
        {
            Scopes.Add(requestContext.Scopes);
        }

        await Task.Yield();
        return new AccessToken($"fake-token-{call}", time.GetUtcNow().AddHours(1));
    }
}
