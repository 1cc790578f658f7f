using ReviewBot.Bot.Referrals;
using ReviewBot.Cards;

namespace ReviewBot.Bot.Actions;

/// <summary>Buttons on the welcome, question and summary cards of a referral.</summary>
public sealed class ReferralActions : ICardActionHandler
{
    private readonly ReferralDialog dialog;

    /// <summary>Creates the handler.</summary>
    public ReferralActions(ReferralDialog dialog) => this.dialog = dialog;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Verbs { get; } =
    [
        CardVerbs.ReferralStart, CardVerbs.ReferralAnswer, CardVerbs.ReferralBack, CardVerbs.ReferralSkip,
        CardVerbs.ReferralCancel, CardVerbs.ReferralEdit, CardVerbs.ReferralSubmit, Core.Referrals.ReferralVerbs.Help,
    ];

    /// <inheritdoc />
    public Task HandleAsync(BotTurn turn, CardAction action, CancellationToken cancellationToken)
        => dialog.HandleCardAsync(turn, action, cancellationToken);
}
