using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Decisions;
using ReviewBot.Core.Meetings;

namespace ReviewBot.Core.Review;

/// <summary>
/// The business manager calls a panel meeting at the review's panel meetings stage. It only records the meeting
/// and its plan; the existing meeting flow (Core/Meetings, Bot/Meetings) finds times, books, moves and cancels it
/// through Graph as outbox effects.
/// </summary>
public sealed record CallReviewPanelMeetingCommand : ReviewCommand
{
    /// <inheritdoc />
    public override string AuditAction => "PanelMeetingRequested";

    /// <inheritdoc />
    public override IReadOnlyList<BoardRole> PermittedRoles => PanelMeetingCommand.Schedulers;

    /// <inheritdoc />
    public override string Describe() => "call a review panel meeting";

    /// <inheritdoc />
    protected override (ReviewCase?, string?, string?) Change(ReviewCase current, ReviewProgress review, CaseCommandContext context)
    {
        if (review.Stage != ReviewStage.PanelMeetings)
        {
            return Refuse("Panel meetings are called at the review's panel meetings stage.");
        }

        // One meeting is arranged at a time; once the last one has taken place the next may be called.
        if (PanelMeetings.Current(current) is { Plan: { } plan } last && plan.Status != PanelMeetingStatus.Cancelled
            && (last.StartsAt is null || last.StartsAt > context.Now))
        {
            return Refuse("A panel meeting is already being arranged: the business manager's meeting card is in their chat.");
        }

        var meeting = PanelMeetings.Called(current, PanelMeetingKinds.Review, context);
        return (current with { Meetings = [.. current.Meetings, meeting] }, null, meeting.Id);
    }
}
