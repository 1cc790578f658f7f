using System.Globalization;
using System.Net;
using System.Text;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Scheduling;

/// <summary>What an agency brings to the extraordinary panel meeting (Enfield Appendix 4 step 2).</summary>
public enum AgencyContributionKind
{
    /// <summary>A short report of its involvement.</summary>
    ShortReport,

    /// <summary>A chronology of its involvement (Enfield Appendix 3 columns).</summary>
    Chronology,
}

/// <summary>One agency at the panel.</summary>
/// <param name="AgencyName">The agency (an organisation, not a person).</param>
/// <param name="Brings">What it brings.</param>
public sealed record AgencyContribution(string AgencyName, AgencyContributionKind Brings);

/// <summary>The invite's subject and agenda.</summary>
/// <param name="Subject">The case reference and the meeting's purpose.</param>
/// <param name="HtmlBody">The agenda, as HTML.</param>
public sealed record PanelMeetingText(string Subject, string HtmlBody);

/// <summary>
/// Writes the extraordinary panel meeting's invite. It takes no child, family or staff names, so none can
/// reach an Outlook calendar (attendees' calendars are read by assistants and shown on phones); the case
/// reference leads the subject, details stay in ReviewBot.
/// </summary>
public static class PanelMeetingInviteComposer
{
    /// <summary>Working days before the meeting by which each agency's report is due, unless the board says otherwise.</summary>
    public const int DefaultReportLeadWorkingDays = 2;

    /// <summary>The date reports are due: <paramref name="workingDaysBefore"/> working days before the meeting day.</summary>
    public static DateOnly ReportsDueBy(DateOnly meetingDay, WorkingDayCalendar calendar, int workingDaysBefore = DefaultReportLeadWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDaysBefore);
        return calendar.AddWorkingDays(meetingDay, -workingDaysBefore);
    }

    /// <summary>The subject and agenda.</summary>
    /// <param name="caseRef">The case.</param>
    /// <param name="reviewName">"SCR" or "local CSPR".</param>
    /// <param name="agencies">The agencies involved and what each brings.</param>
    /// <param name="reportsDueBy">When each agency's report or chronology is due.</param>
    public static PanelMeetingText Compose(CaseReference caseRef, string reviewName, IReadOnlyList<AgencyContribution> agencies, DateOnly reportsDueBy)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var due = reportsDueBy.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Extraordinary panel meeting for case {Enc(caseRef.Value)}, to consider whether it meets the criteria for {Enc(reviewName == "SCR" ? "an SCR" : "a " + reviewName)} (Enfield Appendix 4 step 2).</p>")
            .Append("<h3>Agenda</h3><ol>")
            .Append("<li>Purpose of the meeting and confidentiality.</li>")
            .Append("<li>Each agency's involvement with the child and family:<ul>");
        foreach (var agency in agencies)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li>{Enc(agency.AgencyName)}: {Describe(agency.Brings)}</li>");
        }

        body.Append("</ul></li>")
            .Append("<li>Do the criteria appear to be met? The sub-group's recommendation to the board chair, with a methodology and a proposed lead reviewer.</li>")
            .Append("<li>Actions and next steps.</li></ol>")
            .Append(CultureInfo.InvariantCulture, $"<p>Please send your agency's report or chronology through ReviewBot in Teams by <strong>{Enc(due)}</strong>, so the panel can read it before the meeting.</p>")
            .Append("<p>This invite carries only the case reference. The case details are in ReviewBot; please do not add names or case details to this invite or your replies.</p>");
        return new PanelMeetingText($"{caseRef.Value}: extraordinary panel meeting", body.ToString());
    }

    private static string Describe(AgencyContributionKind kind) => kind switch
    {
        AgencyContributionKind.Chronology => "a chronology of its involvement (date, contact with the child and adults, communication, response or outcome, source, comment)",
        _ => "a short report of its involvement",
    };

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
