using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewBot.Cards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Intake;
using ReviewBot.Core.Referrals;

namespace ReviewBot.Tests.Bot;

/// <summary>The business manager extends the review's completion deadline from a card: reason, new date, who agreed, audited.</summary>
public sealed class ClockExtensionTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task The_business_manager_records_an_extension_with_reason_date_and_who_agreed_and_it_is_audited()
    {
        var c = await CompletionClockRunningAsync();
        var completion = c.Clocks.Single(k => k.Kind == ClockKinds.ReviewCompletion);
        var newDue = completion.DueOn.AddMonths(3);

        // The status card offers the form to the business manager, not to the referrer.
        await host.PostAsync(host.Activity("message", Actors.BusinessManager, $"status {c.Reference}"));
        await host.PostAsync(host.Activity("message", Actors.Referrer, $"status {c.Reference}"));
        Assert.Contains(host.Connector.Calls, call => call.Path.Contains(Actors.BusinessManager, StringComparison.Ordinal) && call.Body!.ToJsonString().Contains(CardVerbs.ClockExtendForm, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Connector.Calls, call => call.Path.Contains(Actors.Referrer, StringComparison.Ordinal) && call.Body!.ToJsonString().Contains(CardVerbs.ClockExtendForm, StringComparison.Ordinal));

        // Someone else with a role on the case is told who may; a stranger learns nothing.
        Assert.Contains("Only", await PressAsync(Actors.Referrer, CardVerbs.ClockExtendForm, c), StringComparison.Ordinal);
        Assert.DoesNotContain("Complete the review", await PressAsync(Actors.Stranger, CardVerbs.ClockExtendForm, c), StringComparison.Ordinal);

        var form = await PressAsync(Actors.BusinessManager, CardVerbs.ClockExtendForm, c);
        Assert.Contains(CardVerbs.ClockExtend, form, StringComparison.Ordinal);
        Assert.Contains("Complete the review (due", form, StringComparison.Ordinal);

        // A date before the current one, or no one who agreed: refused in plain words, nothing changed.
        var early = await PressAsync(Actors.BusinessManager, CardVerbs.ClockExtend, c, completion.DueOn.AddDays(-1), "Criminal proceedings are under way.", "The board chair");
        Assert.Contains("Please give a new date after the current due date", early, StringComparison.Ordinal);
        var nobody = await PressAsync(Actors.BusinessManager, CardVerbs.ClockExtend, c, newDue, "Criminal proceedings are under way.", " ");
        Assert.Contains("who agreed it", nobody, StringComparison.Ordinal);
        Assert.Equal(completion.DueOn, (await StoredAsync(c)).Clocks.Single(k => k.Kind == ClockKinds.ReviewCompletion).DueOn);

        var done = await PressAsync(Actors.BusinessManager, CardVerbs.ClockExtend, c, newDue, "Criminal proceedings are under way.", "The board chair with the national panel");
        await host.AfterResponsesAsync();

        Assert.Contains("is now due on", done, StringComparison.Ordinal);
        Assert.Contains("Criminal proceedings are under way. Agreed by The board chair with the national panel", done, StringComparison.Ordinal);
        var extended = (await StoredAsync(c)).Clocks.Single(k => k.Kind == ClockKinds.ReviewCompletion);
        Assert.Equal(newDue, extended.DueOn);
        var extension = Assert.Single(extended.Extensions);
        Assert.Equal((completion.DueOn, newDue, "Criminal proceedings are under way.", "The board chair with the national panel", Actors.BusinessManager), (extension.PreviousDueOn, extension.NewDueOn, extension.Reason, extension.AgreedBy, extension.ByObjectId));
        var audit = new List<CaseEvent>();
        await foreach (var e in host.Cases.ReadAuditAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))
        {
            audit.Add(e);
        }

        var recorded = Assert.Single(audit, e => e.Action == "ClockExtended");
        Assert.Equal(Actors.BusinessManager, recorded.ActorObjectId);
    }

    [Fact]
    public void The_card_offers_the_form_to_exactly_the_roles_the_command_permits()
        => Assert.Equal(
            new ExtendClockCommand { Case = CaseReference.Create(RulebookKind.Scr, 2026, 1), CardVersion = 1, ClockKind = ClockKinds.ReviewCompletion }.PermittedRoles,
            ReviewBot.Core.Decisions.ExtendClockCommand.Extenders);

    private async Task<ReviewCase> CompletionClockRunningAsync()
    {
        var intake = host.Services.GetRequiredService<ReferralIntake>();
        var workflow = host.Services.GetRequiredService<CaseWorkflow>();
        var referral = new Referral { Child = new Child { Name = "Test Child", Incident = IncidentKind.Died }, Summary = "Summary." };
        var c = (await intake.SubmitAsync(BotHost.Board, referral, Guid.NewGuid().ToString("N"), Actors.Referrer, null, CancellationToken.None)).Case;
        c = (await workflow.ExecuteAsync(BotHost.Board, new RecommendCommand { Case = c.Reference, CardVersion = c.Version, Kind = RecommendationKind.Review, Rationale = "Met." }, Actors.SubGroupChair, null, CancellationToken.None)).Case!;
        c = (await workflow.ExecuteAsync(BotHost.Board, new DecideCommand { Case = c.Reference, CardVersion = c.Version, Kind = ChairDecisionKind.Approve }, Actors.BoardChair, null, CancellationToken.None)).Case!;
        // The completion clock runs from the Ofsted notification (Enfield 4.4), so tick it.
        c = (await workflow.ExecuteAsync(BotHost.Board, new TickTaskCommand { Case = c.Reference, CardVersion = c.Version, TaskId = StatutoryTasks.OfstedIncidentNotification }, Actors.BoardChair, null, CancellationToken.None)).Case!;
        Assert.Contains(c.Clocks, k => k.Kind == ClockKinds.ReviewCompletion);
        return c;
    }

    private async Task<string> PressAsync(string actor, string verb, ReviewCase c, DateOnly? newDue = null, string? reason = null, string? agreedBy = null)
    {
        var current = await StoredAsync(c);
        var data = new JsonObject
        {
            ["caseRef"] = c.Reference.Value,
            ["version"] = current.Version.ToString(CultureInfo.InvariantCulture),
            ["clockKind"] = ClockKinds.ReviewCompletion,
        };
        if (newDue is { } due)
        {
            data["newDueOn"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            data["reason"] = reason;
            data["agreedBy"] = agreedBy;
        }

        var response = await host.PostAsync(host.Invoke(actor, verb, data));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString();
    }

    private async Task<ReviewCase> StoredAsync(ReviewCase c) => (await host.Cases.FindAsync(BotHost.Board.BoardId, c.Reference, CancellationToken.None))!;
}
