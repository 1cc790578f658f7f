using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ReviewBot.Core.Cases;

namespace ReviewBot.Bot.Export;

/// <summary>What an export link grants: one format of one case's export, to one person, until a time.</summary>
/// <param name="BoardId">The board.</param>
/// <param name="Case">The case.</param>
/// <param name="ViewerObjectId">Who asked (their role is checked again on download).</param>
/// <param name="Format">Which file.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record ExportGrant(string BoardId, CaseReference Case, string ViewerObjectId, ExportFormat Format, DateTimeOffset ExpiresAt);

/// <summary>The files of an export.</summary>
public enum ExportFormat
{
    /// <summary>The readable HTML document (chronology and audit trail).</summary>
    Document,

    /// <summary>The merged chronology as CSV.</summary>
    ChronologyCsv,

    /// <summary>The audit trail as CSV.</summary>
    AuditCsv,
}

/// <summary>
/// Short-lived download links. The grant is encrypted and signed with ASP.NET Core Data Protection (so the URL shows
/// no case, board or person, and cannot be altered), and carries its own expiry, checked against the bot's clock.
/// Data Protection's key ring is shared by the instances of one App Service (kept under <c>%HOME%</c>); elsewhere
/// configure a shared key store, or a link only works on the instance that made it.
/// </summary>
public sealed class ExportLinks
{
    private const string Purpose = "ReviewBot.ChronologyExport.v1";

    private readonly IDataProtector protector;
    private readonly TimeProvider clock;
    private readonly IOptions<ExportOptions> options;

    /// <summary>Creates the link maker.</summary>
    public ExportLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<ExportOptions> options)
    {
        ArgumentNullException.ThrowIfNull(protection);
        protector = protection.CreateProtector(Purpose);
        this.clock = clock;
        this.options = options;
    }

    /// <summary>How long a link works.</summary>
    public TimeSpan Lifetime => options.Value.LinkLifetime;

    /// <summary>The token for a grant starting now.</summary>
    public string Issue(string boardId, CaseReference reference, string viewerObjectId, ExportFormat format)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var payload = string.Join('\n', "v1", boardId, reference.Value, viewerObjectId, format.ToString(), expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), nonce);
        return protector.Protect(payload);
    }

    /// <summary>The grant a token holds, or null when it was not made here, was altered, or has expired (<paramref name="expired"/> says which).</summary>
    public ExportGrant? Read(string token, out bool expired)
    {
        expired = false;
        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('\n');
        if (parts.Length != 7 || parts[0] != "v1" || !CaseReference.TryParse(parts[2], out var reference)
            || !Enum.TryParse<ExportFormat>(parts[4], out var format)
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var grant = new ExportGrant(parts[1], reference, parts[3], format, DateTimeOffset.FromUnixTimeSeconds(seconds));
        expired = clock.GetUtcNow() >= grant.ExpiresAt;
        return expired ? null : grant;
    }
}
