using System.Globalization;
using System.Net;
using System.Text;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Scheduling;

/// <summary>What a meeting the flow arranges is for: its invite's agenda.</summary>
public enum MeetingPurpose
{
    /// <summary>The extraordinary panel meeting: does the referral meet the criteria (Enfield Appendix 4 step 2)?</summary>
    ConsiderReferral,

    /// <summary>A review panel meeting: the panel discusses the IMRs and chronologies with the lead reviewer.</summary>
    DiscussImrs,

    /// <summary>The multi-agency learning event: the review's learning shared with the agencies (Enfield 5.4).</summary>
    ShareLearning,
}

/// <summary>A meeting's purpose and its name in running text, e.g. "review panel meeting 2".</summary>
/// <param name="Purpose">What it is for.</param>
/// <param name="Text">Its name, lower case.</param>
public sealed record MeetingName(MeetingPurpose Purpose, string Text)
{
    /// <summary>The name with a capital.</summary>
    public string Heading => Text.Length == 0 ? Text : char.ToUpperInvariant(Text[0]) + Text[1..];
}

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
/// Writes a meeting's invite: its subject and its agenda for its purpose. It takes no child, family or staff names, so none can
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

    /// <summary>The subject and agenda of the extraordinary panel meeting.</summary>
    /// <param name="caseRef">The case.</param>
    /// <param name="reviewName">"SCR" or "local CSPR".</param>
    /// <param name="agencies">The agencies involved and what each brings.</param>
    /// <param name="reportsDueBy">When each agency's report or chronology is due.</param>
    public static PanelMeetingText Compose(CaseReference caseRef, string reviewName, IReadOnlyList<AgencyContribution> agencies, DateOnly reportsDueBy)
        => Compose(caseRef, reviewName, new MeetingName(MeetingPurpose.ConsiderReferral, "extraordinary panel meeting"), agencies, reportsDueBy);

    /// <summary>The subject and agenda of the meeting <paramref name="name"/> names.</summary>
    /// <param name="caseRef">The case.</param>
    /// <param name="reviewName">"SCR" or "local CSPR".</param>
    /// <param name="name">What the meeting is and its name.</param>
    /// <param name="agencies">The agencies involved and what each brings.</param>
    /// <param name="reportsDueBy">When each agency's part is due (panel meetings only).</param>
    public static PanelMeetingText Compose(CaseReference caseRef, string reviewName, MeetingName name, IReadOnlyList<AgencyContribution> agencies, DateOnly reportsDueBy)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(agencies);
        var due = reportsDueBy.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var review = reviewName == "SCR" ? "an SCR" : "a " + reviewName;
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>{Enc(name.Heading)} for case {Enc(caseRef.Value)}, ");
        _ = name.Purpose switch
        {
            MeetingPurpose.DiscussImrs => body
                .Append(CultureInfo.InvariantCulture, $"at the {Enc(reviewName)}'s panel meetings stage: the panel discusses the agencies' IMRs and chronologies with the lead reviewer (Enfield Appendix 4).</p>")
                .Append("<h3>Agenda</h3><ol><li>Purpose of the meeting and confidentiality.</li><li>Each agency's IMR and chronology:<ul>")
                .Append(Items(agencies, _ => "its IMR and chronology, and anything learnt since"))
                .Append("</ul></li><li>Emerging findings and questions for the lead reviewer.</li><li>Actions and next steps.</li></ol>")
                .Append(CultureInfo.InvariantCulture, $"<p>Please send any update to your agency's IMR or chronology through ReviewBot in Teams by <strong>{Enc(due)}</strong>, so the panel can read it before the meeting.</p>"),
            MeetingPurpose.ShareLearning => body
                .Append(CultureInfo.InvariantCulture, $"to share the learning from the {Enc(reviewName)} with the agencies involved (Enfield 5.4).</p>")
                .Append("<h3>Agenda</h3><ol><li>Purpose of the event and confidentiality.</li><li>The review's findings and learning.</li><li>How each agency has disseminated the learning:<ul>")
                .Append(Items(agencies, _ => "its briefings, training and changes to practice"))
                .Append("</ul></li><li>What will change in practice, and how the board will know.</li></ol>"),
            _ => body
                .Append(CultureInfo.InvariantCulture, $"to consider whether it meets the criteria for {Enc(review)} (Enfield Appendix 4 step 2).</p>")
                .Append("<h3>Agenda</h3><ol><li>Purpose of the meeting and confidentiality.</li><li>Each agency's involvement with the child and family:<ul>")
                .Append(Items(agencies, a => Describe(a.Brings)))
                .Append("</ul></li><li>Do the criteria appear to be met? The sub-group's recommendation to the board chair, with a methodology and a proposed lead reviewer.</li>")
                .Append("<li>Actions and next steps.</li></ol>")
                .Append(CultureInfo.InvariantCulture, $"<p>Please send your agency's report or chronology through ReviewBot in Teams by <strong>{Enc(due)}</strong>, so the panel can read it before the meeting.</p>"),
        };
        body.Append("<p>This invite carries only the case reference. The case details are in ReviewBot; please do not add names or case details to this invite or your replies.</p>");
        return new PanelMeetingText($"{caseRef.Value}: {name.Text}", body.ToString());
    }

    /// <summary>The note attendees get when the meeting is cancelled.</summary>
    public static string CancellationNote(CaseReference caseRef, MeetingName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return $"The {name.Text} for {caseRef.Value} is cancelled. The business manager will be in touch.";
    }

    private static string Items(IReadOnlyList<AgencyContribution> agencies, Func<AgencyContribution, string> brings)
        => string.Concat(agencies.Select(a => $"<li>{Enc(a.AgencyName)}: {Enc(brings(a))}</li>"));

    private static string Describe(AgencyContributionKind kind) => kind switch
    {
        AgencyContributionKind.Chronology => "a chronology of its involvement (date, contact with the child and adults, communication, response or outcome, source, comment)",
        _ => "a short report of its involvement",
    };

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
