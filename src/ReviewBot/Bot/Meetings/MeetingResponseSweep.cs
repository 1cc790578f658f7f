using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ReviewBot.Core.Boards;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Meetings;
using ReviewBot.Core.Ports;
using ReviewBot.Ports;
using ReviewBot.Sweeps;

namespace ReviewBot.Bot.Meetings;

/// <summary>Panel meeting settings (section <c>Meetings</c>).</summary>
public sealed class MeetingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Meetings";

    /// <summary>How often booked meetings' attendee responses are read from the board mailbox's calendar.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00", ErrorMessage = "Meetings:ResponsePollInterval must be between 100 ms and 1 day.")]
    public TimeSpan ResponsePollInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Reads each booked panel meeting's attendee responses (GET the event's attendees) and records a change on the
/// case, so accept, decline and tentative show on the case card and in <c>status</c>, and a required member's
/// decline reaches the business manager. Polling rather than change notifications: webhooks need a public
/// HTTPS endpoint that answers Graph's validation within 10 s and subscriptions renewed every few days, which
/// neither the local stand-in nor a board without a public endpoint has; one GET per booked meeting per
/// interval is far inside Graph's limits. A refresh never calls Graph (a turn must not wait on it).
/// </summary>
public sealed class MeetingResponseSweep : PeriodicSweep<MeetingResponseSweep.BookedMeeting>
{
    private readonly IBoardDirectory boards;
    private readonly ICaseStore cases;
    private readonly MeetingEffectRunner runner;
    private readonly MeetingOptions options;

    /// <summary>Creates the sweep.</summary>
    public MeetingResponseSweep(IBoardDirectory boards, ICaseStore cases, MeetingEffectRunner runner, IStorageReadiness readiness, TimeProvider clock,
        IOptions<MeetingOptions> options, ILogger<MeetingResponseSweep> logger)
        : base(readiness, clock, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.boards = boards;
        this.cases = cases;
        this.runner = runner;
        this.options = options.Value;
    }

    /// <inheritdoc />
    protected override string Name => "Panel meeting responses";

    /// <inheritdoc />
    protected override TimeSpan Interval => options.ResponsePollInterval;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<BookedMeeting>> FindAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var found = new List<BookedMeeting>();
        foreach (var board in await boards.ListAsync(cancellationToken))
        {
            await foreach (var summary in cases.ListOpenAsync(board.BoardId, null, cancellationToken))
            {
                if (!PanelMeetingCommand.MeetingStages.Contains(summary.Stage))
                {
                    continue;
                }

                var c = await cases.FindAsync(board.BoardId, summary.Reference, cancellationToken);
                if (c is not null && PanelMeetings.Current(c) is { Plan.Status: PanelMeetingStatus.Scheduled, GraphEventId: not null, StartsAt: { } starts } meeting && starts > now)
                {
                    found.Add(new BookedMeeting(board, c, meeting));
                }
            }
        }

        return found;
    }

    /// <inheritdoc />
    protected override Task<bool> HandleAsync(BookedMeeting item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return runner.RefreshResponsesAsync(item.Board, item.Case, item.Meeting, cancellationToken);
    }

    /// <inheritdoc />
    protected override string Describe(BookedMeeting item) => item?.Meeting.Id ?? "meeting";

    /// <summary>A booked meeting to read.</summary>
    /// <param name="Board">Its board.</param>
    /// <param name="Case">Its case.</param>
    /// <param name="Meeting">The meeting.</param>
    public sealed record BookedMeeting(BoardConfiguration Board, ReviewCase Case, PanelMeeting Meeting);
}
