using System.Globalization;
using ReviewBot.Bot.Referrals;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;

namespace ReviewBot.Bot.Reminders;

/// <summary>The reminder card of an owned clock, as the sweeper sends it and as it reads once marked done.</summary>
public static class ClockReminderCards
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The card for the latest clock of <paramref name="clockKind"/> on the case, or null when the case has none.</summary>
    public static ClockReminderCard? For(ReviewCase c, string? clockKind, BoardConfiguration board, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        if (c.Clocks.LastOrDefault(k => k.Kind == clockKind) is not { } clock)
        {
            return null;
        }

        var label = ReferralCardMapper.ClockLabel(clock.Kind);
        var view = ReferralCardMapper.Clock(clock, today);
        var text = clock.CompletedAt is not null
            ? $"{label} on {c.Reference} is done."
            : view.Overdue
                ? $"{label} on {c.Reference} was due on {view.DueOn} and is overdue. Mark it done here when it is sent."
                : $"{label} on {c.Reference} is due on {view.DueOn} ({view.DaysLeftText}). Mark it done here when it is sent.";
        var doneText = clock.CompletedAt is { } at
            ? $"Marked done by {NameOf(clock.CompletedByObjectId, c, board)} on {BoardTime.Local(board, at).ToString("d MMMM yyyy 'at' HH:mm", EnglishUk)}"
            : string.Empty;
        return new ClockReminderCard(c.Reference, c.Version, clock.Kind, $"Due: {label} ({c.Reference})", text, clock.Rule, clock.CompletedAt is not null, doneText);
    }

    private static string NameOf(string? objectId, ReviewCase c, BoardConfiguration board)
        => board.FindPerson(objectId)?.DisplayName
            ?? c.Parties.FirstOrDefault(p => p.ObjectId == objectId && p.DisplayName is not null)?.DisplayName
            ?? "a board member";
}
