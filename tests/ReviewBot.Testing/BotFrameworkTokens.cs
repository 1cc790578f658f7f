using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReviewBot.Testing;

/// <summary>
/// A local Bot Framework token issuer on a free loopback port: OpenID metadata and a JWKS whose keys carry
/// channel endorsements, as login.botframework.com publishes them, and channel tokens signed with those keys.
/// One key is endorsed for Teams and Outlook, another for the channels whose clients write their own
/// <c>from</c> (Web Chat, Direct Line, the Emulator), so a test can send a genuine Web Chat token.
/// </summary>
public sealed class BotFrameworkTokens : IAsyncDisposable
{
    /// <summary>The issuer of Bot Framework channel tokens.</summary>
    public const string Issuer = "https://api.botframework.com";

    private static readonly string[] TeamsChannels = ["msteams", "outlook"];
    private static readonly string[] SelfDescribedChannels = ["webchat", "directline", "emulator"];

    private readonly WebApplication app;
    private readonly RSA teamsKey = RSA.Create(2048);
    private readonly RSA selfDescribedKey = RSA.Create(2048);
    private readonly Dictionary<(string, string), string> tokens = [];
    private readonly Lock tokensLock = new();

    private BotFrameworkTokens(WebApplication app, int port)
    {
        this.app = app;
        MetadataUrl = $"http://127.0.0.1:{port}/.well-known/openidconfiguration";
    }

    /// <summary>The value for <c>Bot:OpenIdMetadataUrl</c>.</summary>
    public string MetadataUrl { get; }

    /// <summary>Starts the issuer (synchronously, so a host's constructor can point its settings at it).</summary>
    public static BotFrameworkTokens Start()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new BotFrameworkTokens(app, port);
        app.MapGet("/.well-known/openidconfiguration", () => Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"http://127.0.0.1:{port}/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/keys", () => Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(Jwk("teams", issuer.teamsKey, TeamsChannels), Jwk("self-described", issuer.selfDescribedKey, SelfDescribedChannels)),
        }));
        app.StartAsync().GetAwaiter().GetResult();
        return issuer;
    }

    /// <summary>
    /// A channel token for <paramref name="audience"/> (the bot's app id) and <paramref name="serviceUrl"/>, signed
    /// with the key endorsed for <paramref name="channelId"/> (the Teams key for any channel not listed). Tokens are
    /// reused, as a channel reuses its token for an hour.
    /// </summary>
    public string Create(string audience, string serviceUrl, string channelId = "msteams")
    {
        var key = SelfDescribedChannels.Contains(channelId) ? ("self-described", selfDescribedKey) : ("teams", teamsKey);
        lock (tokensLock)
        {
            if (tokens.TryGetValue((key.Item1, serviceUrl), out var cached))
            {
                return cached;
            }

            var now = DateTime.UtcNow;
            var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = audience,
                NotBefore = now.AddMinutes(-1),
                IssuedAt = now.AddMinutes(-1),
                Expires = now.AddHours(1),
                Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Item2) { KeyId = key.Item1 }, SecurityAlgorithms.RsaSha256),
            });
            tokens[(key.Item1, serviceUrl)] = token;
            return token;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        teamsKey.Dispose();
        selfDescribedKey.Dispose();
    }

    private static JsonObject Jwk(string keyId, RSA key, string[] endorsements)
    {
        var parameters = key.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
        };
    }
}
