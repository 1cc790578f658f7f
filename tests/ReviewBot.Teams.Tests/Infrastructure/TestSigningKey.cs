using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>An RSA key pair published in the test JWKS (with optional Bot Framework endorsements).</summary>
internal sealed class TestSigningKey : IDisposable
{
    public TestSigningKey(string keyId, params string[]? endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        Rsa = RSA.Create(2048);
    }

    public string KeyId { get; }

    /// <summary>Null: the JWKS entry has no <c>endorsements</c> property at all.</summary>
    public string[]? Endorsements { get; }

    public RSA Rsa { get; }

    public SigningCredentials Credentials =>
        new(new RsaSecurityKey(Rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray());
        }

        return jwk;
    }

    public void Dispose() => Rsa.Dispose();
}
