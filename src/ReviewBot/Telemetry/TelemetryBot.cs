using System.Diagnostics;
using ReviewBot.Teams;

namespace ReviewBot.Telemetry;

/// <summary>
/// Wraps the bot so every turn gets a span and the turn and invoke counters, without the bot knowing:
/// <see cref="TelemetryServiceCollectionExtensions.AddReviewBotTelemetryAndOutlook"/> puts it around the registered <see cref="IBot"/>.
/// </summary>
internal sealed class TelemetryBot(IBot inner, ReviewBotTelemetry telemetry) : IBot
{
    public async Task OnTurnAsync(ITurnContext turn, CancellationToken ct)
    {
        using var span = ReviewBotTelemetry.StartTurn(turn.Activity);
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            await inner.OnTurnAsync(turn, ct);
            succeeded = true;
        }
        finally
        {
            span?.SetStatus(succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            telemetry.TurnCompleted(turn.Activity, succeeded, Stopwatch.GetElapsedTime(started));
            if (succeeded && turn.Activity.Type == ActivityTypes.Invoke)
            {
                var status = InvokeStatus(turn.InvokeResponse);
                span?.SetTag("invoke.status", status);
                telemetry.InvokeAnswered(turn.Activity, status);
            }
        }
    }

    /// <summary>Card action responses are HTTP 200 with the real status inside; an unanswered invoke is a 501 to the client.</summary>
    private static int InvokeStatus(InvokeResponse? response) =>
        response?.Body?["statusCode"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? response.Body["statusCode"]!.GetValue<int>()
            : response?.Status ?? 501;
}
