using ReviewBot.Core.Boards;

namespace ReviewBot.Core.ActionPlans;

/// <summary>
/// An action as typed on the business manager's card, checked against SMART: specific (what, in words someone can act
/// on), measurable (how the panel will know), assigned (an owner the board knows, in an agency it lists), and
/// time-bound (a due date after today). Problems come back in plain words, all at once.
/// </summary>
/// <param name="What">The action.</param>
/// <param name="OwnerObjectId">The owner chosen from the board's people.</param>
/// <param name="AgencyId">The owning agency.</param>
/// <param name="DueOn">The due date, when it could be read.</param>
/// <param name="Measure">How completion is measured.</param>
public sealed record SmartAction(string? What, string? OwnerObjectId, string? AgencyId, DateOnly? DueOn, string? Measure)
{
    /// <summary>Fewest words for an action or a measure to be specific.</summary>
    public const int MinimumWords = 3;

    /// <summary>Longest action or measure kept.</summary>
    public const int MaximumLength = 1_000;

    /// <summary>What is wrong with the action, in plain words (empty when it is SMART).</summary>
    public IReadOnlyList<string> Problems(BoardConfiguration board, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(board);
        var problems = new List<string>();
        if (Words(What) < MinimumWords)
        {
            problems.Add("Please say what is to be done in a few words someone can act on (Specific).");
        }

        if (Words(Measure) < MinimumWords)
        {
            problems.Add("Please say how the panel will know it is done, e.g. \"audit of 20 case files shows…\" (Measurable).");
        }

        if ((What?.Length ?? 0) > MaximumLength || (Measure?.Length ?? 0) > MaximumLength)
        {
            problems.Add($"Please keep the action and its measure under {MaximumLength} characters each.");
        }

        var agency = board.Agencies.FirstOrDefault(a => a.Id == AgencyId);
        if (agency is null)
        {
            problems.Add("Please choose the agency that owns the action from the list.");
        }

        var owner = board.FindPerson(OwnerObjectId);
        if (owner is null)
        {
            problems.Add("Please choose the action's owner from the list (Assigned).");
        }
        else if (agency is not null && owner.AgencyId is { } ownerAgency && ownerAgency != agency.Id)
        {
            problems.Add($"The owner chosen works for another agency: please choose someone at {agency.Name}, or board staff.");
        }

        if (DueOn is not { } due || due <= today)
        {
            problems.Add("Please give a due date after today, as a date such as 31/3/2027 (Time-bound).");
        }

        return problems;
    }

    private static int Words(string? text)
        => string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
