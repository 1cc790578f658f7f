using System.Globalization;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Core.Imr;

/// <summary>
/// The words of an IMR request: what to send, the chronology's columns, the author's independence statement and
/// the chair's letter to the agency's chief executive. No child's name or narrative: these go by mail.
/// </summary>
public static class ImrTexts
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The chronology's columns (Enfield Appendix 3).</summary>
    public static IReadOnlyList<string> ChronologyColumns { get; } =
    [
        "Date",
        "Family contact: child (views recorded? seen alone?)",
        "Family contact: adult (views recorded?)",
        "Communication within the agency or external (phone, written, meeting)",
        "Response or outcome",
        "Source of evidence",
        "Comment",
    ];

    /// <summary>What the IMR holds (domain.md, "IMR").</summary>
    public static IReadOnlyList<string> WhatToSend { get; } =
    [
        "The Individual Management Review: agency, author and designation, the independence statement, date records were secured, terms of reference, context, methodology, numbered analysis paragraphs, lessons, recommendations and an action plan",
        "The agency's chronology of its involvement, in the columns below",
    ];

    /// <summary>The statement the author confirms (Enfield 3.6, Handsworth Grange).</summary>
    public static string IndependenceStatement(string agencyName)
        => $"I confirm that I have not been directly involved with the child or family, and have not line-managed anyone at {agencyName} who was.";

    /// <summary>Task id of the chair's letter to an agency's chief executive.</summary>
    public static string LetterTaskId(string agencyId) => "imr-letter:" + agencyId;

    /// <summary>The checklist title of the chair's letter task.</summary>
    public static string LetterTaskTitle(string agencyName)
        => $"Send the chair's letter asking {agencyName} for an IMR to its chief executive (text on the IMR card)";

    /// <summary>The chair's letter to the agency's chief executive (Enfield 4.3), prepared for the chair to sign.</summary>
    public static string ChairLetter(ReviewCase c, ImrRequest request, BoardConfiguration board)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(board);
        var agency = AgencyName(board, request.AgencyId);
        var review = c.Rulebook == RulebookKind.Cspr ? "child safeguarding practice review" : "serious case review";
        return $"Dear Chief Executive,\n\n{board.Name} has agreed to undertake a {review} ({c.Reference}). {agency} was involved with the child or family, "
            + $"so I am writing to ask {agency} to produce an Individual Management Review with a chronology of its involvement by {Day(request.DueOn)}.\n\n"
            + "Please name an IMR author who has not been directly involved with the child or family and has not line-managed anyone who was, "
            + "secure your agency's records now, and make sure your panel member sees that the review is delivered on time. "
            + "The board's business manager will send the author the terms of reference and the chronology template.\n\n"
            + $"Yours sincerely,\n\nChair, {board.Name}";
    }

    /// <summary>The agency's name, or its id when the board no longer lists it.</summary>
    public static string AgencyName(BoardConfiguration board, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(board);
        return board.Agencies.FirstOrDefault(a => a.Id == agencyId)?.Name ?? agencyId;
    }

    /// <summary>A date as people read it: "Friday 8 January 2027".</summary>
    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", EnglishUk);
}
