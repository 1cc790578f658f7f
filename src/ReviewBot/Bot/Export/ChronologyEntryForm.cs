using System.Globalization;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Dates;
using ReviewBot.Core.Export;
using ReviewBot.Core.Imr;

namespace ReviewBot.Bot.Export;

/// <summary>
/// The chronology entry form as one presser sees it, and what they typed on it read back: the agency is fixed for an
/// IMR author and chosen by the business manager or lead reviewer; the card lists that agency's latest entries.
/// </summary>
public static class ChronologyEntryForm
{
    private const int Limit = RecordChronologyEntryCommand.MaximumLength;

    // The form's text inputs and how the refusal names them.
    private static readonly (string Id, string Label)[] Texts =
    [
        ("childContact", "The contact with the child"), ("adultContact", "The contact with an adult"), ("communication", "The communication"),
        ("responseOrOutcome", "The response or outcome"), ("sourceOfEvidence", "The source of evidence"), ("comment", "The comment"),
    ];

    /// <summary>The form for <paramref name="agencyId"/> when the presser may add to it, otherwise for the first agency they may.</summary>
    public static ChronologyEntryCard For(ReviewCase c, BoardConfiguration board, string actor, string? agencyId)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        var agencies = c.ImrRequests.Where(r => RecordChronologyEntryCommand.MayAdd(c, r, actor)).Select(r => r.AgencyId).ToList();
        var chosen = agencies.FirstOrDefault(a => a == agencyId) ?? agencies.FirstOrDefault() ?? agencyId ?? string.Empty;
        var name = ImrTexts.AgencyName(board, chosen);
        var entries = c.Chronology.Where(e => e.AgencyId == chosen).ToList();
        return new ChronologyEntryCard
        {
            CaseRef = c.Reference,
            Version = c.Version,
            AgencyId = chosen,
            AgencyName = name,
            AgencyChoices = [.. agencies.Select(a => new ChoiceView(ImrTexts.AgencyName(board, a), a))],
            EntriesSoFar = entries.Count switch
            {
                0 => $"No entries yet in {name}'s chronology.",
                1 => $"{name}'s chronology: 1 entry so far.",
                var n => $"{name}'s chronology: {n} entries so far. The latest:",
            },
            Latest = [.. entries.AsEnumerable().Reverse().Take(ChronologyEntryCard.LatestShown).Select(Line)],
        };
    }

    /// <summary>The form with everything the presser typed put back (cut to the longest a column keeps).</summary>
    public static ChronologyEntryCard Kept(ChronologyEntryCard form, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(action);
        string Typed(string id) => action.Field(id) is { } text ? text[..Math.Min(text.Length, Limit)] : string.Empty;
        return form with
        {
            OccurredOnValue = IsoDate(action.Field("occurredOn")) is { } on ? on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty,
            OccurredAtValue = Time(action.Field("occurredAt"), out _) is { } at ? at.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty,
            ChildContactValue = Typed("childContact"),
            ChildViewsRecordedValue = YesNoValue(action.Field("childViewsRecorded")),
            ChildSeenAloneValue = YesNoValue(action.Field("childSeenAlone")),
            AdultContactValue = Typed("adultContact"),
            AdultViewsRecordedValue = YesNoValue(action.Field("adultViewsRecorded")),
            CommunicationValue = Typed("communication"),
            RouteValue = Route(action.Field("route")) switch { CommunicationRoute.WithinAgency => "within", CommunicationRoute.External => "external", _ => string.Empty },
            ModeValue = Mode(action.Field("mode"))?.ToString().ToLowerInvariant() ?? string.Empty,
            ResponseOrOutcomeValue = Typed("responseOrOutcome"),
            SourceOfEvidenceValue = Typed("sourceOfEvidence"),
            CommentValue = Typed("comment"),
        };
    }

    /// <summary>The entry the form's inputs describe, or what to fix in plain words (the rules of the entry itself are the command's).</summary>
    public static (string? AgencyId, ChronologyEntry? Entry, string? Problem) Read(CardAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        var agency = action.Field("agencyId") ?? action.Field("shownAgencyId");
        if (agency is null)
        {
            return (null, null, "Please choose the agency whose records this entry comes from.");
        }

        foreach (var (id, label) in Texts)
        {
            if (action.Field(id) is { Length: > Limit } text)
            {
                return (agency, null, string.Create(CultureInfo.InvariantCulture, $"{label} is {text.Length:N0} characters long: please keep each box under {Limit:N0} characters (the full account belongs in the IMR)."));
            }
        }

        if (action.Field("occurredOn") is not { } typedDate)
        {
            return (agency, null, "Please give the date it happened.");
        }

        if (typedDate.Length > 40 || (IsoDate(typedDate) ?? UkDate(typedDate, today)) is not { } on)
        {
            return (agency, null, "I couldn't read the date. Please choose it in the date box, or type it like 3/6/2026.");
        }

        var at = Time(action.Field("occurredAt"), out var timeProblem);
        if (timeProblem is not null)
        {
            return (agency, null, timeProblem);
        }

        return (agency, new ChronologyEntry(agency, on)
        {
            OccurredAt = at,
            ChildContact = action.Field("childContact"),
            ChildViewsRecorded = YesNo(action.Field("childViewsRecorded")),
            ChildSeenAlone = YesNo(action.Field("childSeenAlone")),
            AdultContact = action.Field("adultContact"),
            AdultViewsRecorded = YesNo(action.Field("adultViewsRecorded")),
            Communication = action.Field("communication"),
            Route = Route(action.Field("route")),
            Mode = Mode(action.Field("mode")),
            ResponseOrOutcome = action.Field("responseOrOutcome"),
            SourceOfEvidence = action.Field("sourceOfEvidence") ?? string.Empty,
            Comment = action.Field("comment"),
        }, null);
    }

    /// <summary>What the card says once the entry is in.</summary>
    public static string Added(ChronologyEntry entry, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"Added to {ImrTexts.AgencyName(board, entry.AgencyId)}'s chronology: {ImrTexts.Day(entry.OccurredOn)}. It is in the case's audit trail and the merged chronology. Add the next entry below.";
    }

    private static string Line(ChronologyEntry e)
    {
        var when = ImrTexts.Day(e.OccurredOn) + (e.OccurredAt is { } t ? t.ToString(" 'at' HH:mm", CultureInfo.InvariantCulture) : string.Empty);
        var what = new[] { e.Communication, e.ChildContact, e.AdultContact, e.ResponseOrOutcome }.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? "Entry";
        var line = $"{when}: {what} (source: {e.SourceOfEvidence})";
        return line.Length <= ChronologyEntryCard.EntryPreview ? line : line[..(ChronologyEntryCard.EntryPreview - 1)] + "…";
    }

    // Input.Date sends yyyy-MM-dd; the Action.Submit fallback of an older client may send what was typed.
    private static DateOnly? IsoDate(string? text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static DateOnly? UkDate(string text, DateOnly today) => UkDateParser.Parse(text, today).Date;

    private static TimeOnly? Time(string? text, out string? problem)
    {
        problem = null;
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        problem = "I couldn't read the time. Please give it like 14:05, or leave it empty.";
        return null;
    }

    private static bool? YesNo(string? text) => text?.ToLowerInvariant() switch
    {
        "yes" or "true" => true,
        "no" or "false" => false,
        _ => null,
    };

    private static string YesNoValue(string? text) => YesNo(text) switch { true => "yes", false => "no", null => string.Empty };

    private static CommunicationRoute? Route(string? text) => text?.ToLowerInvariant() switch
    {
        "within" => CommunicationRoute.WithinAgency,
        "external" => CommunicationRoute.External,
        _ => null,
    };

    private static CommunicationMode? Mode(string? text) => text?.ToLowerInvariant() switch
    {
        "phone" => CommunicationMode.Phone,
        "written" => CommunicationMode.Written,
        "meeting" => CommunicationMode.Meeting,
        _ => null,
    };
}
