namespace ReviewBot.EndToEnd.Tests;

/// <summary>
/// The clocked Playground environment for the IMR timetable: the bot's clock starts on the day the review is
/// agreed; Alex and Isaiah each have their own Playground.
/// </summary>
public sealed class ImrPlaygroundEnvironment : ClockedPlaygroundEnvironment
{
    /// <summary>Monday 30 November 2026, 10:00 in London: the review is agreed today.</summary>
    public static readonly DateTimeOffset ReviewAgreedAt = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Isaiah Langer's Teams client (children's social care): the Playground with him as its user.</summary>
    public Testing.AgentsPlayground IsaiahsPlayground { get; private set; } = null!;

    /// <inheritdoc />
    protected override DateTimeOffset ClockStartsAt => ReviewAgreedAt;

    /// <inheritdoc />
    protected override async Task StartPeopleAsync() => IsaiahsPlayground = await StartPlaygroundOfAsync(PlaygroundUsers.Isaiah);
}
