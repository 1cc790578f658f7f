using ReviewBot.Core.Cases;
using ReviewBot.Testing;

namespace ReviewBot.Tests.Effects;

/// <summary>What the recording connector received, in the words of the effects tests.</summary>
public static class RecordedPosts
{
    /// <summary>Cards posted (not updated) to a person's 1:1 chat about a case, recognised by a verb only that card has.</summary>
    public static IReadOnlyList<RecordedCall> PostsTo(this RecordingConnector connector, string actor, CaseReference reference, string verb)
        => [.. connector.Calls.Where(c => c.Method == "POST" && c.Path.Contains("a:personal-" + actor, StringComparison.Ordinal)
            && c.Body?.ToJsonString() is { } json && json.Contains(reference.Value, StringComparison.Ordinal) && json.Contains($"\"{verb}\"", StringComparison.Ordinal))];

    /// <summary>Notices posted to the board's channel about a case.</summary>
    public static IReadOnlyList<RecordedCall> NoticesAbout(this RecordingConnector connector, string channelId, CaseReference reference)
        => [.. connector.Calls.Where(c => c.Path.Contains(channelId, StringComparison.Ordinal) && c.Body?.ToJsonString().Contains(reference.Value, StringComparison.Ordinal) == true)];
}
