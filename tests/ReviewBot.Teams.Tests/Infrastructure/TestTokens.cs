using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>Builds JWTs for the token matrix.</summary>
internal static class TestTokens
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public static string Create(
        SigningCredentials credentials,
        string issuer,
        string? audience,
        DateTimeOffset notBefore,
        DateTimeOffset expires,
        IDictionary<string, object>? claims = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims ?? new Dictionary<string, object>(),
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A Bot Framework channel token as Teams would send it, valid around <paramref name="now"/>.</summary>
    public static string BotFramework(TestSigningKey key, string audience, string serviceUrl, DateTimeOffset now) =>
        Create(key.Credentials, BotFrameworkIssuer, audience, now.AddMinutes(-1), now.AddMinutes(60),
            new Dictionary<string, object> { ["serviceurl"] = serviceUrl });

    /// <summary>An unsigned token: header <c>{"alg":"none"}</c>, empty signature.</summary>
    public static string Unsigned(string keyId, string issuer, string audience, string serviceUrl, DateTimeOffset now)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId };
        var payload = new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(60).ToUnixTimeSeconds(),
        };
        return Encode(header) + "." + Encode(payload) + ".";
    }

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
