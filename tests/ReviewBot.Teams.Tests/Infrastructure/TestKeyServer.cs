using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>
/// Serves OpenID metadata and JWKS documents over real HTTP on 127.0.0.1: one set for the Bot Framework issuer,
/// one for Entra. Keys can be rotated in while it runs; JWKS fetches are counted.
/// </summary>
internal sealed class TestKeyServer : IAsyncDisposable
{
    private readonly LocalHttpServer _server;
    private readonly Lock _lock = new();
    private readonly List<TestSigningKey> _botFrameworkKeys = [];
    private readonly List<TestSigningKey> _entraKeys = [];
    private int _botFrameworkJwksFetches;
    private int _entraJwksFetches;

    private TestKeyServer(LocalHttpServer server)
    {
        _server = server;
    }

    public string BotFrameworkMetadataUrl => new Uri(_server.BaseAddress, "botframework/.well-known/openidconfiguration").ToString();

    public string EntraMetadataUrl => new Uri(_server.BaseAddress, "entra/v2.0/.well-known/openid-configuration").ToString();

    public int BotFrameworkJwksFetches => Volatile.Read(ref _botFrameworkJwksFetches);

    public int EntraJwksFetches => Volatile.Read(ref _entraJwksFetches);

    public static async Task<TestKeyServer> StartAsync()
    {
        TestKeyServer? keys = null;
        var server = await LocalHttpServer.StartAsync(async (context, request) => await keys!.HandleAsync(context, request));
        keys = new TestKeyServer(server);
        return keys;
    }

    public void AddBotFrameworkKey(TestSigningKey key)
    {
        lock (_lock)
        {
            _botFrameworkKeys.Add(key);
        }
    }

    public void AddEntraKey(TestSigningKey key)
    {
        lock (_lock)
        {
            _entraKeys.Add(key);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context, RecordedRequest request)
    {
        JsonNode? document = request.Path switch
        {
            "/botframework/.well-known/openidconfiguration" => new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["jwks_uri"] = new Uri(_server.BaseAddress, "botframework/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            },
            "/botframework/keys" => Jwks(_botFrameworkKeys, ref _botFrameworkJwksFetches),
            "/entra/v2.0/.well-known/openid-configuration" => new JsonObject
            {
                ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
                ["jwks_uri"] = new Uri(_server.BaseAddress, "entra/keys").ToString(),
            },
            "/entra/keys" => Jwks(_entraKeys, ref _entraJwksFetches),
            _ => null,
        };

        if (document is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(document.ToJsonString());
    }

    private JsonObject Jwks(List<TestSigningKey> keys, ref int counter)
    {
        Interlocked.Increment(ref counter);
        lock (_lock)
        {
            return new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.ToJwk()).ToArray()) };
        }
    }
}
