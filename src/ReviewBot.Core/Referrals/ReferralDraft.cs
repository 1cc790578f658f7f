using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewBot.Core.Referrals;

/// <summary>
/// A referral in progress: the answers so far and where the conversation stands. The host stores it between
/// turns (as JSON, see <see cref="ToJson"/>), so a restarted bot resumes at the same question. Holds special
/// category personal data: never log it.
/// </summary>
public sealed record ReferralDraft
{
    /// <summary>The dialog flow name under which hosts store drafts.</summary>
    public const string FlowName = "referral";

    /// <summary>Options every host uses for drafts: System.Text.Json defaults with enums as strings.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Stable id of this draft; also the submission id that guards against a double submit.</summary>
    public required string DraftId { get; init; }

    /// <summary>When the referral was started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the draft last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The referral as filled in so far.</summary>
    public Referral Referral { get; init; } = new();

    /// <summary>
    /// The question being asked, e.g. "child.dob", "family.1.name" (loop steps carry their index),
    /// "criteria.abuse-or-neglect", or <see cref="ReferralSteps.Review"/>.
    /// </summary>
    public required string StepId { get; init; }

    /// <summary>Questions asked before this one, oldest first: <c>back</c> pops the last.</summary>
    public IReadOnlyList<string> History { get; init; } = [];

    /// <summary>A cancel or restart waiting for the person to confirm.</summary>
    public PendingConfirmation? Pending { get; init; }

    /// <summary>Set while changing an answer from the summary: when the edit is done, go straight back there.</summary>
    public SummaryEdit? Editing { get; init; }

    /// <summary>True while changing an answer from the summary.</summary>
    [JsonIgnore]
    public bool EditingFromSummary => Editing is not null;

    /// <summary>True at the final review (the summary with submit).</summary>
    [JsonIgnore]
    public bool AtReview => StepId == ReferralSteps.Review;

    /// <summary>The draft as JSON for storage.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a stored draft, retired step ids read as today's (<see cref="RetiredSteps"/>); null when <paramref name="json"/> is not one.</summary>
    public static ReferralDraft? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ReferralDraft>(json, JsonOptions) is { } draft ? RetiredSteps.Upgrade(draft) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What the person is asked to confirm.</summary>
public enum PendingConfirmation
{
    /// <summary>Discard the referral.</summary>
    Cancel,

    /// <summary>Start again from the first question (keeping the referrer's own details).</summary>
    Restart,
}

/// <summary>An answer being changed from the summary.</summary>
/// <param name="Scope">
/// The steps that belong to the edit: a step id, or a prefix ending in "." (e.g. "family.2." walks that
/// person's name and relationship). The first step outside it returns to the summary.
/// </param>
/// <param name="HistoryDepth">The history length when the edit began; <c>back</c> below it returns to the summary.</param>
public sealed record SummaryEdit(string Scope, int HistoryDepth)
{
    /// <summary>True when <paramref name="stepId"/> is part of this edit.</summary>
    public bool Covers(string stepId)
        => Scope.EndsWith('.') ? stepId.StartsWith(Scope, StringComparison.Ordinal) : stepId == Scope;
}
