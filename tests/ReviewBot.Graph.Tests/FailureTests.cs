using System.Net;
using ReviewBot.Core.Scheduling;
using ReviewBot.GraphStandIn;
using ReviewBot.Ports;
using ReviewBot.Testing;

namespace ReviewBot.Graph.Tests;

/// <summary>Throttling retried by the SDK; what cannot be retried is a typed failure that says what to fix.</summary>
public sealed class FailureTests(GraphStandInFixture standIn) : StandInTest(standIn)
{
    private static readonly OutgoingMail Mail = new([Megan], "SCR-2026-0001: IMR request", "<p>Please send your IMR.</p>");

    [Fact]
    public async Task A_429_then_success_honours_retry_after()
    {
        await StandIn.InjectAsync(new Fault { PathContains = "sendMail", Status = 429, Times = 1, RetryAfterSeconds = 2 });

        await Mailer.SendAsync(BoardMailbox, Mail, default);

        var attempts = (await StandIn.RequestsAsync()).Where(r => r.Path.EndsWith("/sendMail", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        // The retry waits the Retry-After seconds (the handler's own first delay would be 3 s).
        Assert.InRange(attempts[1].At - attempts[0].At, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.9));
        Assert.Single(await StandIn.MailsAsync());
    }

    [Fact]
    public async Task A_503_then_success_is_retried()
    {
        await StandIn.InjectAsync(new Fault { PathContains = "sendMail", Status = 503, Times = 1, RetryAfterSeconds = 1 });

        await Mailer.SendAsync(BoardMailbox, Mail, default);

        Assert.Single(await StandIn.MailsAsync());
    }

    [Fact]
    public async Task Throttled_after_every_retry_is_a_transient_typed_failure()
    {
        await StandIn.InjectAsync(new Fault { PathContains = "sendMail", Status = 429, RetryAfterSeconds = 1 });

        var failure = await Assert.ThrowsAsync<Microsoft365Exception>(() => Mailer.SendAsync(BoardMailbox, Mail, default));

        Assert.Equal(Microsoft365FailureKind.Throttled, failure.Kind);
        Assert.False(failure.IsPermanent);
        Assert.IsType<AggregateException>(failure.InnerException);
        Assert.Equal(4, (await StandIn.RequestsAsync()).Count);
        Assert.Empty(await StandIn.MailsAsync());
    }

    [Fact]
    public async Task Access_denied_says_which_permission_and_scope_to_fix()
    {
        await StandIn.InjectAsync(new Fault { PathContains = "/events", Status = 403 });

        var failure = await Assert.ThrowsAsync<Microsoft365Exception>(() => Calendar.CreateAsync(BoardMailbox,
            new PanelInvite("SCR-2026-0001: panel", "", new(London("2026-12-07 10:00"), London("2026-12-07 11:00")), "Europe/London", [new PanelAttendee(Megan)], "tx-403"), default));

        Assert.Equal(Microsoft365FailureKind.AccessDenied, failure.Kind);
        Assert.True(failure.IsPermanent);
        Assert.Equal("ErrorAccessDenied", failure.ServiceCode);
        Assert.Contains("Calendars.ReadWrite", failure.WhatToFix, StringComparison.Ordinal);
        Assert.Contains("New-ManagementRoleAssignment", failure.WhatToFix, StringComparison.Ordinal);
        Assert.DoesNotContain("@", failure.Message, StringComparison.Ordinal);
        Assert.Single(await StandIn.RequestsAsync()); // a 403 is not retried
    }

    [Fact]
    public async Task An_unknown_board_mailbox_is_not_found_without_naming_it()
    {
        var failure = await Assert.ThrowsAsync<Microsoft365Exception>(() => Mailer.SendAsync("left-the-council@example.org", Mail, default));

        Assert.Equal(Microsoft365FailureKind.NotFound, failure.Kind);
        Assert.Equal("ErrorInvalidUser", failure.ServiceCode);
        Assert.DoesNotContain("left-the-council", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_reaches_the_configured_host()
    {
        // The stand-in refuses calls without a bearer token, as Graph does; the adapter's calls above pass,
        // so the allowed hosts name the stand-in. A bare call shows the refusal.
        var bare = await StandIn.Admin.PostAsync("v1.0/users/" + Uri.EscapeDataString(BoardMailbox) + "/sendMail", null);

        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        Assert.Contains("InvalidAuthenticationToken", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
