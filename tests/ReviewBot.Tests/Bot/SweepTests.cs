using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewBot.Bot.Referrals;
using ReviewBot.Bot.Reminders;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;
using ReviewBot.Ports;

namespace ReviewBot.Tests.Bot;

/// <summary>The app with a clock the test moves.</summary>
public sealed class ClockedBotHost : BotHost
{
    public ClockedBotHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
}

/// <summary>Reminders from the deadline index, swept as the hosted service does (this class has its own app and clock).</summary>
public sealed class DeadlineSweepTests(ClockedBotHost host) : IClassFixture<ClockedBotHost>
{
    private FakeTimeProvider Clock => host.Clock!;

    [Fact]
    public async Task The_chair_is_reminded_once_per_offset_even_with_two_instances_and_not_after_deciding()
    {
        await host.PostAsync(host.Activity("message", Actors.BoardChair, "hello")); // the chair's 1:1 chat is known
        var c = await RecommendedCaseAsync(); // due one month later: 24 December 2026
        var firstSweeper = host.Services.GetRequiredService<DeadlineSweepService>();
        var secondInstance = ActivatorUtilities.CreateInstance<DeadlineSweepService>(host.Services);

        Assert.Equal(0, (await firstSweeper.SweepAsync(CancellationToken.None)).Handled); // nothing due yet
        Assert.Empty(RemindersAbout(c.Reference));

        // Moving the clock also wakes the hosted sweeper: three sweeps race, as instances would.
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 9, 1, 0, TimeSpan.Zero)); // 7 days before, 09:01
        await Task.WhenAll(firstSweeper.SweepAsync(CancellationToken.None), secondInstance.SweepAsync(CancellationToken.None));
        await Eventually.HoldsAsync(() => RemindersAbout(c.Reference).Count >= 1);
        await firstSweeper.SweepAsync(CancellationToken.None);
        await firstSweeper.WhenSweptAsync(Clock.GetUtcNow(), TimeSpan.FromSeconds(30)); // the hosted sweep has seen this time too
        Assert.Single(RemindersAbout(c.Reference));

        await host.PostAsync(host.Invoke(Actors.BoardChair, CardVerbs.DecisionApprove, new JsonObject { ["caseRef"] = c.Reference.Value, ["version"] = (c.Version).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await host.AfterResponsesAsync();
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 29, 9, 1, 0, TimeSpan.Zero)); // past the overdue reminder
        Assert.Equal(0, (await firstSweeper.SweepAsync(CancellationToken.None)).Handled);
        await firstSweeper.WhenSweptAsync(Clock.GetUtcNow(), TimeSpan.FromSeconds(30));
        Assert.Single(RemindersAbout(c.Reference));
    }

    private async Task<ReviewCase> RecommendedCaseAsync()
    {
        var intake = host.Services.GetRequiredService<ReferralIntake>();
        var referral = new Referral { Child = new Child { Name = "Test Child", Incident = IncidentKind.Died }, Summary = "Summary." };
        var c = (await intake.SubmitAsync(BotHost.Board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        await host.PostAsync(host.Invoke(Actors.SubGroupChair, CardVerbs.RecommendationReview, new JsonObject
        {
            ["caseRef"] = c.Reference.Value,
            ["version"] = c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["rationale"] = "Met.",
        }));
        await host.AfterResponsesAsync();
        return (await host.Cases.FindAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))!;
    }

    private IReadOnlyList<Testing.RecordedCall> RemindersAbout(CaseReference reference)
        => host.Connector.Containing($"Decision due: {reference}");
}

/// <summary>Stale referral drafts, swept as the hosted service does (this class has its own app and clock).</summary>
public sealed class DraftSweepTests(ClockedBotHost host) : IClassFixture<ClockedBotHost>
{
    private FakeTimeProvider Clock => host.Clock!;

    [Fact]
    public async Task An_untouched_draft_is_reminded_once_then_discarded_and_a_touched_one_is_kept()
    {
        var start = Clock.GetUtcNow();
        await host.PostAsync(host.Activity("message", Actors.Referrer, "refer"));
        await host.PostAsync(host.Activity("message", Actors.BusinessManager, "refer"));
        var sweeper = host.Services.GetRequiredService<DraftSweepService>();

        // Moving the clock also wakes the hosted sweeper, so the checks count what people received.
        Clock.SetUtcNow(start.AddDays(12.5));
        await sweeper.SweepAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => host.Connector.Containing("You have an unfinished referral").Count >= 2);
        await sweeper.SweepAsync(CancellationToken.None);
        await sweeper.WhenSweptAsync(Clock.GetUtcNow(), TimeSpan.FromSeconds(30));
        Assert.Equal(2, host.Connector.Containing("You have an unfinished referral").Count); // one reminder each
        await host.PostAsync(host.Activity("message", Actors.BusinessManager, "Bea Manager")); // carries on

        Clock.SetUtcNow(start.AddDays(14.1));
        await sweeper.SweepAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => host.Connector.Containing("unfinished referral was discarded").Count >= 1);
        await sweeper.WhenSweptAsync(Clock.GetUtcNow(), TimeSpan.FromSeconds(30));
        var conversations = host.Services.GetRequiredService<IConversationStore>();
        Assert.Null((await conversations.LoadAsync("a:personal-" + Actors.Referrer, Actors.Referrer, CancellationToken.None)).Dialog);
        Assert.Equal(ReferralDialog.FlowName, (await conversations.LoadAsync("a:personal-" + Actors.BusinessManager, Actors.BusinessManager, CancellationToken.None)).Dialog?.Flow);
        Assert.Single(host.Connector.Containing("unfinished referral was discarded"));
    }
}
