using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ReviewBot.Teams;

/// <summary>Checks <see cref="BotOptions"/> at start-up and explains how to fix what is wrong.</summary>
public sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    private readonly IHostEnvironment _environment;

    /// <summary>Creates the validator.</summary>
    /// <param name="environment">The host environment (an empty app id is allowed only in Development).</param>
    public BotOptionsValidator(IHostEnvironment environment)
    {
        _environment = environment;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            if (!_environment.IsDevelopment())
            {
                failures.Add(
                    $"Bot:AppId is empty but the environment is '{_environment.EnvironmentName}'. Set Bot__AppId " +
                    "(environment variable) or Bot:AppId to the bot's Microsoft App ID. Running without an app id " +
                    "is allowed only in the Development environment, for local testing with loopback service URLs.");
            }
        }
        else
        {
            ValidateCredentials(options, failures);
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && options.TenantId.Trim().Any(c => c is '/' or '?' or '#' or ' '))
        {
            failures.Add("Bot:TenantId must be a tenant id or domain name (no '/', '?', '#' or spaces).");
        }

        ValidateUrl("Bot:OpenIdMetadataUrl", "Bot__OpenIdMetadataUrl", options.OpenIdMetadataUrl, required: true, failures);

        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("Bot:MaxRequestBodyBytes must be a positive number of bytes (default 262144).");
        }

        if (options.AllowedCallers.Count > 0)
        {
            failures.Add("Bot:AllowedCallers is no longer supported: ReviewBot accepts only Bot Framework channel " +
                "tokens (Teams, Outlook) and refuses Entra-issued tokens. Remove Bot__AllowedCallers.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCredentials(BotOptions options, List<string> failures)
    {
        switch (options.AppType)
        {
            case BotAppType.SingleTenant:
                if (string.IsNullOrWhiteSpace(options.TenantId))
                {
                    failures.Add("Bot:AppType is SingleTenant but Bot:TenantId is empty. Set Bot__TenantId to the " +
                        "Entra tenant id of the bot's app registration.");
                }

                RequireSecretOrCertificate(options, failures);
                break;
            case BotAppType.MultiTenant:
                RequireSecretOrCertificate(options, failures);
                break;
            case BotAppType.UserAssignedMSI:
                break;
            default:
                failures.Add("Bot:AppType must be MultiTenant, SingleTenant or UserAssignedMSI.");
                break;
        }
    }

    private static void RequireSecretOrCertificate(BotOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.AppPassword) && string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            failures.Add($"Bot:AppType is {options.AppType} but neither Bot:AppPassword nor Bot:CertificatePath is set. " +
                "Set Bot__AppPassword to the app registration's client secret, or Bot__CertificatePath (and " +
                "Bot__CertificatePassword if the file has one) to its certificate.");
        }
        else if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !File.Exists(options.CertificatePath))
        {
            failures.Add("Bot:CertificatePath does not name an existing file. Set Bot__CertificatePath to the path of " +
                "the bot's PFX or PEM certificate.");
        }
    }

    private static void ValidateUrl(string key, string variable, string? value, bool required, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                failures.Add($"{key} is empty. Leave it unset for the default, or set {variable} to an absolute https URL.");
            }

            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            failures.Add($"{key} is not an absolute URL. Set {variable} to an absolute https URL.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !Loopback.IsLoopbackHost(uri))
        {
            failures.Add($"{key} must use https (http is allowed only for loopback hosts such as 127.0.0.1 or localhost).");
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"{key} must be an https URL.");
        }
    }
}
