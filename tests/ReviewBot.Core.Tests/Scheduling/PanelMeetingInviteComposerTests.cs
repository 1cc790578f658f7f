using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Scheduling;

namespace ReviewBot.Core.Tests.Scheduling;

public class PanelMeetingInviteComposerTests
{
    private static readonly CaseReference Case = CaseReference.Create(RulebookKind.Scr, 2026, 7);

    [Fact]
    public void The_subject_is_the_case_reference_and_the_purpose()
    {
        var text = PanelMeetingInviteComposer.Compose(Case, "SCR", [new("Police", AgencyContributionKind.ShortReport)], new DateOnly(2026, 12, 3));

        Assert.Equal("SCR-2026-0007: extraordinary panel meeting", text.Subject);
    }

    [Fact]
    public void The_agenda_lists_what_each_agency_brings_and_by_when()
    {
        var text = PanelMeetingInviteComposer.Compose(Case, "local CSPR",
            [new("Police <CAIT>", AgencyContributionKind.ShortReport), new("Children's Social Care", AgencyContributionKind.Chronology)],
            new DateOnly(2026, 12, 24));

        Assert.Contains("Enfield Appendix 4 step 2", text.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("criteria for a local CSPR", text.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<li>Police &lt;CAIT&gt;: a short report of its involvement</li>", text.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<li>Children&#39;s Social Care: a chronology of its involvement", text.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("by <strong>Thursday 24 December 2026</strong>", text.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_are_due_working_days_before_the_meeting()
    {
        // Meeting Tuesday 29 December 2026: Monday 28th (substitute Boxing Day) and Friday 25th are holidays.
        Assert.Equal(new DateOnly(2026, 12, 23), PanelMeetingInviteComposer.ReportsDueBy(new DateOnly(2026, 12, 29), WorkingDayCalendar.EnglandAndWales));
    }
}
