namespace ReviewBot.EndToEnd.Tests;

/// <summary>
/// The clocked Playground environment for a whole review: the bot's clock starts on the day the review is agreed
/// (as in the host journey, ahead of Christmas 2026); Alex, Isaiah (the director) and Megan (the police's panel
/// member) each have their own Playground.
/// </summary>
public sealed class ReviewPlaygroundEnvironment : ClockedPlaygroundEnvironment
{
    /// <summary>Monday 14 December 2026, 10:00 in London: the review is agreed today.</summary>
    public static readonly DateTimeOffset ReviewAgreedAt = new(2026, 12, 14, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Isaiah Langer's Teams client: the director of children's services.</summary>
    public Testing.AgentsPlayground IsaiahsPlayground { get; private set; } = null!;

    /// <summary>Megan Bowen's Teams client: the police's panel member.</summary>
    public Testing.AgentsPlayground MegansPlayground { get; private set; } = null!;

    /// <inheritdoc />
    protected override DateTimeOffset ClockStartsAt => ReviewAgreedAt;

    /// <inheritdoc />
    protected override async Task StartPeopleAsync()
    {
        IsaiahsPlayground = await StartPlaygroundOfAsync(PlaygroundUsers.Isaiah);
        MegansPlayground = await StartPlaygroundOfAsync(PlaygroundUsers.Megan);
    }
}
