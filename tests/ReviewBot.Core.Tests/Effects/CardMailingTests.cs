using ReviewBot.Core.Cases;
using ReviewBot.Core.Effects;
using ReviewBot.Core.Imr;
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

    [Fact]
    public void With_the_IMR_card_mailed_a_new_author_gets_the_card_as_their_request_mail_and_not_a_second_mail()
    {
        var (before, after) = AuthorNamed();

        var mailed = CaseEffects.ForChange(before, after, CaseFixtures.Board, new CardMailing(new HashSet<string> { ImrEffects.CardPurposePrefix }));
        var off = CaseEffects.ForChange(before, after, CaseFixtures.Board);

        var card = Assert.Single(mailed, e => e.Kind == CaseEffectKinds.MailCard);
        Assert.Equal((Author, "imr:police"), (card.Recipient, card.Detail));
        Assert.DoesNotContain(mailed, e => e.Kind == ImrEffects.Mail);
        Assert.Single(mailed, e => e.Kind == ImrEffects.Teams && e.Recipient == Author && e.Detail == "card:police");
        Assert.DoesNotContain(off, e => e.Kind == CaseEffectKinds.MailCard);
        Assert.Single(off, e => e.Kind == ImrEffects.Mail && e.Recipient == Author && e.Detail == "request:police");
    }

    [Theory]
    [InlineData("imr:police", true)]
    [InlineData("imrx", false)]
    [InlineData("decision", false)]
    public void A_purpose_ending_in_a_colon_stands_for_every_purpose_it_begins(string purpose, bool mailed)
        => Assert.Equal(mailed, new CardMailing(new HashSet<string> { ImrEffects.CardPurposePrefix }).Mails(purpose));

    private const string Author = "oid-imr-author";

    private static (ReviewCase Before, ReviewCase After) AuthorNamed()
    {
        var before = CaseFixtures.NewCase(CaseStage.ReviewInitiated) with { ImrRequests = [new ImrRequest("police", new DateOnly(2026, 12, 30))] };
        var after = before with { Version = before.Version + 1, ImrRequests = [before.ImrRequests[0] with { AuthorObjectId = Author }] };
        return (before, after);
    }
}
