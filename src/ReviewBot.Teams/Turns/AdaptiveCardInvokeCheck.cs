using System.Text.Json;

namespace ReviewBot.Teams;

/// <summary>
/// Checks the shape of an <c>adaptiveCard/action</c> invoke before any turn runs, as the Bot Framework SDKs'
/// <c>ActivityHandler</c> does: a value that is missing, not an object, without an object <c>action</c>, not
/// <c>Action.Execute</c>, or without a string verb is answered HTTP 400 with an invoke error
/// (<c>application/vnd.microsoft.error</c>, code <c>BadRequest</c>).
/// </summary>
public static class AdaptiveCardInvokeCheck
{
    /// <summary>The only action type that arrives as <c>adaptiveCard/action</c>.</summary>
    public const string ExecuteActionType = "Action.Execute";

    /// <summary>Why an <c>adaptiveCard/action</c> invoke is malformed, or null when it is well formed or not such an invoke.</summary>
    /// <param name="activity">The inbound activity.</param>
    /// <returns>A short message for the invoke error, or null.</returns>
    public static string? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal)
            || !string.Equals(activity.Name, AdaptiveCardAction.InvokeName, StringComparison.Ordinal))
        {
            return null;
        }

        if (activity.Value is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return "Missing value property.";
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return "The value property must be an object.";
        }

        if (!value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return "Missing action property.";
        }

        if (!action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !string.Equals(type.GetString(), ExecuteActionType, StringComparison.Ordinal))
        {
            return "Only Action.Execute is supported.";
        }

        if (!action.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String || verb.GetString() is not { Length: > 0 })
        {
            return "The action's verb must be a non-empty string.";
        }

        if (action.TryGetProperty("data", out var data) && data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return "The action's data must be an object.";
        }

        return null;
    }

    /// <summary>The HTTP 400 invoke response for <paramref name="problem"/>.</summary>
    /// <param name="problem">The message from <see cref="Problem"/>.</param>
    /// <returns>The invoke response.</returns>
    public static InvokeResponse BadRequest(string problem)
    {
        var error = AdaptiveCardInvokeResponses.Error(400, "BadRequest", problem);
        return new InvokeResponse(400, error.Body);
    }
}
