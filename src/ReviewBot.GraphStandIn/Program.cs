namespace ReviewBot.GraphStandIn;

/// <summary>
/// <c>dotnet run --project src/ReviewBot.GraphStandIn -- --urls http://127.0.0.1:5140 --StandIn:BoardFiles:0 src/ReviewBot/Storage/demo-board.json</c>.
/// Internal and namespaced so projects referencing both this and the bot see one <c>Program</c>.
/// </summary>
internal static class Program
{
    private static Task Main(string[] args) => GraphStandInApp.Create(args).RunAsync();
}
