using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ReviewBot.Teams.Tests.Infrastructure;

/// <summary>An RSA key pair published in the test JWKS (with optional Bot Framework endorsements).</summary>
internal sealed class TestSigningKey : IDisposable
{
    // 2048-bit keys are slow to generate; tests take them round-robin from a pool generated once. The pool is
    // larger than the number of keys any one test uses, so keys within a test are always distinct.
    private const int PoolSize = 16;
    private static readonly Lazy<RSA[]> Pool = new(() =>
    {
        var keys = new RSA[PoolSize];
        Parallel.For(0, PoolSize, i => keys[i] = RSA.Create(2048));
        return keys;
    });

    private static int _next = -1;

    public TestSigningKey(string keyId, params string[]? endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        Rsa = Pool.Value[(int)((uint)Interlocked.Increment(ref _next) % PoolSize)];
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

    public void Dispose()
    {
        // Pooled keys live for the test run.
    }
}
