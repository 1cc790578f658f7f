namespace ReviewBot.Core.Referrals;

/// <summary>Recognises a request to start a referral ("refer", "Hi, I need to refer a case please").</summary>
public static class ReferralIntent
{
    /// <summary>
    /// True when <paramref name="text"/> asks to start a referral (see <see cref="ChatIntentRecogniser"/>).
    /// Sentences that merely contain "refer" ("I prefer tea", "refer me to the chair") are not.
    /// </summary>
    public static bool IsStartCommand(string? text) => ChatIntentRecogniser.Recognise(text).Kind == ChatIntentKind.StartReferral;
}
