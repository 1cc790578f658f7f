using Microsoft.Extensions.Options;

namespace ReviewBot.Outlook;

/// <summary>
/// Outlook actionable messages (section <c>Outlook</c>). With <see cref="OriginatorId"/> set, cards can also be
/// mailed by Graph as actionable messages whose Universal Actions reach the bot on channel <c>outlook</c>.
/// </summary>
public sealed class OutlookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Outlook";

    /// <summary>
    /// The provider id from the Actionable Email Developer Dashboard (a GUID), written into each card's
    /// <c>originator</c>; Outlook drops cards without a registered originator. Empty = Outlook off.
    /// </summary>
    public string? OriginatorId { get; set; }

    /// <summary>True when cards should also go to Outlook.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(OriginatorId);
}

/// <summary>Checks <see cref="OutlookOptions"/> at start-up, with a message that names the setting.</summary>
public sealed class OutlookOptionsValidator : IValidateOptions<OutlookOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OutlookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !options.IsEnabled || Guid.TryParseExact(options.OriginatorId!.Trim(), "D", out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "Outlook:OriginatorId must be the provider id (a GUID such as 6c1f4b2e-8d3a-4f5e-9b7c-2a1d0e9f8c7b) " +
                "from the Actionable Email Developer Dashboard, or empty to leave Outlook off.");
    }
}
