namespace ReviewBot.Core.Export;

/// <summary>
/// One line of an agency's chronology, in the columns of Enfield Appendix 3: the date; family contact with the child
/// (views recorded? seen alone?) and with an adult (views recorded?); communication within the agency or external
/// (phone, written, meeting); the response or outcome; the source of evidence; a comment. Shown to people with a
/// role on the case and exported; never logged.
/// </summary>
/// <param name="AgencyId">The agency whose records it comes from.</param>
/// <param name="OccurredOn">The date.</param>
public sealed record ChronologyEntry(string AgencyId, DateOnly OccurredOn)
{
    /// <summary>The time of day, when the records give one.</summary>
    public TimeOnly? OccurredAt { get; init; }

    /// <summary>Family contact: the child (what contact there was).</summary>
    public string? ChildContact { get; init; }

    /// <summary>Were the child's views recorded?</summary>
    public bool? ChildViewsRecorded { get; init; }

    /// <summary>Was the child seen alone?</summary>
    public bool? ChildSeenAlone { get; init; }

    /// <summary>Family contact: an adult (what contact there was).</summary>
    public string? AdultContact { get; init; }

    /// <summary>Were the adult's views recorded?</summary>
    public bool? AdultViewsRecorded { get; init; }

    /// <summary>Communication within the agency or with others (what it was).</summary>
    public string? Communication { get; init; }

    /// <summary>Within the agency or external.</summary>
    public CommunicationRoute? Route { get; init; }

    /// <summary>Phone, written or meeting.</summary>
    public CommunicationMode? Mode { get; init; }

    /// <summary>The response or outcome.</summary>
    public string? ResponseOrOutcome { get; init; }

    /// <summary>The source of evidence (e.g. the case record it comes from).</summary>
    public required string SourceOfEvidence { get; init; }

    /// <summary>A comment.</summary>
    public string? Comment { get; init; }

    /// <summary>Who recorded it in ReviewBot.</summary>
    public string? RecordedByObjectId { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset? RecordedAt { get; init; }
}

/// <summary>Whether a communication stayed within the agency.</summary>
public enum CommunicationRoute
{
    /// <summary>Within the agency.</summary>
    WithinAgency,

    /// <summary>With another agency or service.</summary>
    External,
}

/// <summary>How a communication was made (Enfield Appendix 3).</summary>
public enum CommunicationMode
{
    /// <summary>By phone.</summary>
    Phone,

    /// <summary>In writing.</summary>
    Written,

    /// <summary>In a meeting.</summary>
    Meeting,
}
