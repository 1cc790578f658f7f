using System.Globalization;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Calendar;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Imr;

namespace ReviewBot.Bot.Imr;

/// <summary>One agency's IMR card as one viewer should see it, and the IMR lines of the status card.</summary>
public static class ImrCards
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The agency named by an IMR card purpose (<c>imr:{agency}</c>), or null for another purpose.</summary>
    public static string? AgencyOf(string? purpose)
        => purpose?.StartsWith(ImrEffects.CardPurposePrefix, StringComparison.Ordinal) == true ? purpose[ImrEffects.CardPurposePrefix.Length..] : null;

    /// <summary>The card, or null when the case asks that agency for no IMR.</summary>
    public static ImrRequestCard? For(ReviewCase c, string agencyId, BoardConfiguration board, string? viewer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(board);
        if (c.ImrRequests.FirstOrDefault(r => r.AgencyId == agencyId) is not { } request)
        {
            return null;
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        var open = c.Stage == CaseStage.ReviewInitiated && !request.IsSubmitted;
        var isAuthor = Same(viewer, request.AuthorObjectId) && c.HasRole(viewer!, BoardRole.ImrAuthor);
        var isPanel = Same(viewer, request.PanelMemberObjectId) && c.HasRole(viewer!, BoardRole.PanelMember);
        var isManager = viewer is not null && c.HasRole(viewer, BoardRole.BusinessManager);
        var isChair = viewer is not null && c.HasRole(viewer, BoardRole.BoardChair);
        var agencyName = ImrTexts.AgencyName(board, agencyId);
        var card = new ImrRequestCard
        {
            CaseRef = c.Reference,
            Version = c.Version,
            Card = ImrEffects.CardPurpose(agencyId),
            AgencyId = agencyId,
            AgencyName = agencyName,
            Author = NameOf(request.AuthorObjectId, board) ?? "not named yet",
            PanelMember = NameOf(request.PanelMemberObjectId, board) ?? "not named yet",
            DueOn = ImrTexts.Day(request.DueOn),
            DueOnValue = request.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Status = ImrStatus.Text(request, today, calendar),
            Overdue = ImrStatus.OverdueWorkingDays(request, today, calendar) > 0,
            WhatToSend = ImrTexts.WhatToSend,
            ChronologyColumns = ImrTexts.ChronologyColumns,
            IndependenceStatement = request.Independence?.Statement ?? ImrTexts.IndependenceStatement(agencyName),
            IndependenceConfirmed = request.Independence is { } i ? $"Confirmed by {NameOf(i.ByObjectId, board) ?? "the author"} on {When(i.At, board)}" : null,
            DocumentUrl = request.Submission?.DocumentUrl,
            Reach = ReachText(request, board),
            Extensions = [.. request.Extensions.Select(e => $"Extended from {ImrTexts.Day(e.PreviousDueOn)} to {ImrTexts.Day(e.NewDueOn)}: {e.Reason} (agreed by {e.AgreedBy})")],
            Letter = isManager || isChair ? ImrTexts.ChairLetter(c, request, board) : null,
            CanConfirmIndependence = open && isAuthor && request.Independence is null,
            CanSubmit = open && ((isAuthor && request.Independence is not null) || isPanel),
            CanConfirmReceipt = c.Stage == CaseStage.ReviewInitiated && isPanel && request.IsSubmitted && request.ReceivedAt is null,
            CanEdit = open && isManager,
            CanExtend = open && (isManager || isChair),
            CanAddChronology = c.Stage == CaseStage.ReviewInitiated && viewer is not null && Core.Export.RecordChronologyEntryCommand.MayAdd(c, request, viewer),
            AuthorChoices = isManager ? Choices(board.People.Where(p => p.AgencyId is null || p.AgencyId == agencyId), board) : [],
            PanelChoices = isManager ? Choices(board.PeopleIn(BoardRole.PanelMember), board) : [],
            AuthorValue = request.AuthorObjectId ?? string.Empty,
            PanelMemberValue = request.PanelMemberObjectId ?? string.Empty,
            CanAct = false,
            RefreshUserIds = [.. new[] { request.AuthorObjectId, request.PanelMemberObjectId }.OfType<string>()
                .Concat(c.PartiesIn(BoardRole.BusinessManager).Concat(c.PartiesIn(BoardRole.BoardChair)).Select(p => p.ObjectId))
                .Distinct(StringComparer.OrdinalIgnoreCase)],
        };
        return card with { CanAct = card.CanConfirmIndependence || card.CanSubmit || card.CanConfirmReceipt || card.CanEdit || card.CanExtend };
    }

    /// <summary>Each agency's IMR for the status card.</summary>
    public static IReadOnlyList<ImrStatusLine> StatusLines(ReviewCase c, BoardConfiguration? board, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var calendar = WorkingDayCalendar.EnglandAndWales;
        return [.. c.ImrRequests.Select(r =>
        {
            var reach = board is null ? null : ReachText(r, board);
            var status = ImrStatus.Text(r, today, calendar) + (reach is null ? string.Empty : ". " + reach);
            return new ImrStatusLine(board is null ? r.AgencyId : ImrTexts.AgencyName(board, r.AgencyId), status, ImrStatus.OverdueWorkingDays(r, today, calendar) > 0);
        })];
    }

    private static string? ReachText(ImrRequest request, BoardConfiguration board)
        => request.OutlookOnly.Count == 0
            ? null
            : $"Teams refused to install ReviewBot for {string.Join(", ", request.OutlookOnly.Select(id => NameOf(id, board) ?? "a recipient"))}: reached by Outlook alone.";

    private static IReadOnlyList<ImrPersonChoice> Choices(IEnumerable<BoardPerson> people, BoardConfiguration board)
        => [.. people.Where(p => p.Email is not null).Select(p => new ImrPersonChoice(PersonLabel(p, board), p.ObjectId))];

    private static string PersonLabel(BoardPerson p, BoardConfiguration board)
        => p.AgencyId is { } agency ? $"{p.DisplayName} ({ImrTexts.AgencyName(board, agency)})" : p.DisplayName;

    private static string? NameOf(string? objectId, BoardConfiguration board) => board.FindPerson(objectId)?.DisplayName;

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string When(DateTimeOffset at, BoardConfiguration board)
        => TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(board.WorkingHours.TimeZoneId)).ToString("d MMMM yyyy 'at' HH:mm", EnglishUk);
}
