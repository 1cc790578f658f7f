using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewBot.Bot.Effects;
using ReviewBot.Bot.Reminders;
using ReviewBot.Cards;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;
using ReviewBot.Ports;

namespace ReviewBot.Tests.Bot;

/// <summary>The app with a CSPR board and a clock the test moves: Tuesday 22 December 2026, 10:00.</summary>
public sealed class CsprClockedBotHost : BotHost
{
    public CsprClockedBotHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 22, 10, 0, 0, TimeSpan.Zero));

    protected override BoardConfiguration SeededBoard => Board with { Rulebook = RulebookKind.Cspr };
}

/// <summary>A CSPR clock's reminder sent by the deadline sweep to its owner, and stopped by "Mark done".</summary>
public sealed class ClockReminderTests(CsprClockedBotHost host) : IClassFixture<CsprClockedBotHost>
{
    private const string ReminderTitle = "Due: Notify the national Panel";

    private FakeTimeProvider Clock => host.Clock!;

    [Fact]
    public async Task The_owner_is_reminded_on_working_days_across_Christmas_and_marking_done_stops_the_reminders()
    {
        await host.PostAsync(host.Activity("message", Actors.HeadOfSafeguarding, "hello")); // the owner's 1:1 chat is known
        var c = await ReferAsync(); // aware today: the notification is due Thursday 31 December 2026
        var sweeper = host.Services.GetRequiredService<DeadlineSweepService>();
        Assert.Equal(new DateOnly(2026, 12, 31), c.Clocks.Single(k => k.Kind == ClockKinds.PanelNotification).DueOn);

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 24, 9, 1, 0, TimeSpan.Zero)); // not yet: two working days before is Tuesday 29th
        Assert.Equal(0, (await sweeper.SweepAsync(CancellationToken.None)).Handled);
        await sweeper.WhenSweptAsync(Clock.GetUtcNow(), TimeSpan.FromSeconds(30)); // the hosted sweep has seen this time too
        Assert.Empty(Reminders(c));

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 29, 9, 1, 0, TimeSpan.Zero));
        await sweeper.SweepAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => Reminders(c).Count >= 1);
        var reminder = Assert.Single(Reminders(c));
        Assert.Contains(Actors.HeadOfSafeguarding, reminder.Path, StringComparison.Ordinal);
        var card = reminder.Body!.ToJsonString();
        Assert.Contains(CardVerbs.ClockDone, card, StringComparison.Ordinal);
        Assert.Contains("Children Act 2004 s16C(1)", card, StringComparison.Ordinal);

        // The button is checked on the server against the clock's owner: the sub-group chair is told who may.
        var stored = (await host.Cases.FindAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))!;
        var refused = await host.PostAsync(host.Invoke(Actors.SubGroupChair, CardVerbs.ClockDone, Data(stored)));
        var refusal = (await refused.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString();
        Assert.Contains("Only the head of safeguarding may", refusal, StringComparison.Ordinal); // the role, never who holds it
        Assert.DoesNotContain("Hana Head", refusal, StringComparison.Ordinal);
        Assert.Null((await host.Cases.FindAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))!.Clocks.Single(k => k.Kind == ClockKinds.PanelNotification).CompletedAt);

        var done = await host.PostAsync(host.Invoke(Actors.HeadOfSafeguarding, CardVerbs.ClockDone, Data(stored)));
        await host.AfterResponsesAsync();
        Assert.Contains("Marked done by Hana Head", (await done.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString(), StringComparison.Ordinal);
        var marked = (await host.Cases.FindAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))!.Clocks.Single(k => k.Kind == ClockKinds.PanelNotification);
        Assert.Equal(Actors.HeadOfSafeguarding, marked.CompletedByObjectId);

        // Due day and the working day after (4 January: 1 January is a bank holiday) pass with no more reminders.
        foreach (var day in new DateTimeOffset[] { new(2026, 12, 31, 9, 1, 0, TimeSpan.Zero), new(2027, 1, 4, 9, 1, 0, TimeSpan.Zero) })
        {
            Clock.SetUtcNow(day);
            Assert.Equal(0, (await sweeper.SweepAsync(CancellationToken.None)).Handled);
            await sweeper.WhenSweptAsync(day, TimeSpan.FromSeconds(30));
        }

        Assert.Single(Reminders(c));
    }

    private async Task<ReviewCase> ReferAsync()
    {
        var board = (await host.Services.GetRequiredService<IBoardDirectory>().GetAsync(BotHost.Board.BoardId, CancellationToken.None))!;
        var referral = new Referral
        {
            Child = new Child { Name = "Test Child", Incident = IncidentKind.Died },
            Summary = "Summary.",
            LocalAuthorityBecameAware = new DateOnly(2026, 12, 22),
            CriteriaAnswers = new Dictionary<string, bool> { ["abuse-or-neglect"] = true, ["in-local-authority-area"] = true },
        };
        var c = (await host.Services.GetRequiredService<ReferralIntake>().SubmitAsync(board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        // The referral's effects (its deadline rows among them) run through the outbox as a turn's would.
        host.Services.GetRequiredService<EffectDispatcher>().Dispatch(board.BoardId, c.Reference, c.Version);
        await host.AfterResponsesAsync();
        return c;
    }

    private static JsonObject Data(ReviewCase c) => new()
    {
        ["caseRef"] = c.Reference.Value,
        ["version"] = c.Version.ToString(CultureInfo.InvariantCulture),
        ["clockKind"] = ClockKinds.PanelNotification,
    };

    private IReadOnlyList<Testing.RecordedCall> Reminders(ReviewCase c)
        => host.Connector.Containing($"{ReminderTitle} ({c.Reference})");
}
