using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Tests.Decisions;

namespace ReviewBot.Core.Tests.Effects;

/// <summary>Which card posts are also mailed to Outlook: only the purposes the host lists, beside each Teams post.</summary>
public sealed class CardMailingTests
{
    private static readonly ReviewCase Before = CaseFixtures.NewCase(CaseStage.AwaitingRecommendation);
    private static readonly ReviewCase After = CaseFixtures.Recommended() with { Version = Before.Version + 1 };

    [Fact]
    public void With_the_decision_mailed_the_chair_gets_a_mail_effect_beside_the_Teams_post()
    {
        var effects = CaseEffects.ForChange(Before, After, CaseFixtures.Board, new CardMailing(new HashSet<string> { CaseCardPurposes.Decision }));

        var post = Assert.Single(effects, e => e.Kind == CaseEffectKinds.PostCard);
        var mail = Assert.Single(effects, e => e.Kind == CaseEffectKinds.MailCard);
        Assert.Equal((CaseFixtures.BoardChair, CaseCardPurposes.Decision), (post.Recipient, post.Detail));
        Assert.Equal((CaseFixtures.BoardChair, CaseCardPurposes.Decision), (mail.Recipient, mail.Detail));
        Assert.Equal("mail the decision card to Outlook", mail.Describe());
    }

    [Fact]
    public void Without_mailing_or_for_another_purpose_nothing_is_mailed()
    {
        var off = CaseEffects.ForChange(Before, After, CaseFixtures.Board);
        var other = CaseEffects.ForChange(Before, After, CaseFixtures.Board, new CardMailing(new HashSet<string> { CaseCardPurposes.Checklist }));

        Assert.DoesNotContain(off, e => e.Kind == CaseEffectKinds.MailCard);
        Assert.DoesNotContain(other, e => e.Kind == CaseEffectKinds.MailCard);
        Assert.Single(off, e => e.Kind == CaseEffectKinds.PostCard);
    }
}
