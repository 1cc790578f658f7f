namespace ReviewBot.Core.Referrals;

/// <summary>
/// The referral form (domain.md, "Forms: Referral"). Special category personal data throughout:
/// shown only to people with a role on the case, never logged.
/// </summary>
public sealed record Referral
{
    /// <summary>Who is referring.</summary>
    public Referrer Referrer { get; init; } = new();

    /// <summary>The child.</summary>
    public Child Child { get; init; } = new();

    /// <summary>Family and significant others (optional, repeatable).</summary>
    public IReadOnlyList<FamilyMember> Family { get; init; } = [];

    /// <summary>Agencies involved with the child and family.</summary>
    public IReadOnlyList<InvolvedAgency> Agencies { get; init; } = [];

    /// <summary>What happened, in the referrer's words. May be long: the store splits it.</summary>
    public string? Summary { get; init; }

    /// <summary>Key dates (repeatable).</summary>
    public IReadOnlyList<KeyDate> KeyDates { get; init; } = [];

    /// <summary>Answers to the rulebook's criteria questions, by question id.</summary>
    public IReadOnlyDictionary<string, bool> CriteriaAnswers { get; init; } = new Dictionary<string, bool>();

    /// <summary>
    /// CSPR: the day the local authority became aware of the incident (day 0 of the 5-working-day
    /// notification clock). Asked only under the CSPR rulebook.
    /// </summary>
    public DateOnly? LocalAuthorityBecameAware { get; init; }

    /// <summary>How the criteria are met, in the referrer's words (optional narrative).</summary>
    public string? CriteriaNarrative { get; init; }
}

/// <summary>The referring professional.</summary>
public sealed record Referrer
{
    /// <summary>Entra object id of the referrer.</summary>
    public string? ObjectId { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Agency.</summary>
    public string? Agency { get; init; }

    /// <summary>Role or job title.</summary>
    public string? Role { get; init; }

    /// <summary>Phone.</summary>
    public string? Phone { get; init; }

    /// <summary>Email.</summary>
    public string? Email { get; init; }

    /// <summary>Whether the agency's designated safeguarding lead was consulted.</summary>
    public bool? DesignatedSafeguardingLeadConsulted { get; init; }
}

/// <summary>The child the referral is about.</summary>
public sealed record Child
{
    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Date of birth.</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Whether the child died, was seriously harmed, or was harmed but not seriously (stored by name: append only).</summary>
    public IncidentKind? Incident { get; init; }

    /// <summary>Date of death or of the incident.</summary>
    public DateOnly? IncidentDate { get; init; }

    /// <summary>Address.</summary>
    public string? Address { get; init; }

    /// <summary>Ethnicity.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>First language.</summary>
    public string? Language { get; init; }

    /// <summary>Religion.</summary>
    public string? Religion { get; init; }

    /// <summary>Legal status (e.g. looked after, child in need, subject to a CP plan).</summary>
    public string? LegalStatus { get; init; }

    /// <summary>Known to children's social care.</summary>
    public bool? KnownToChildrensSocialCare { get; init; }

    /// <summary>Child protection plan start, if any.</summary>
    public DateOnly? ProtectionPlanStart { get; init; }

    /// <summary>Child protection plan end, if any.</summary>
    public DateOnly? ProtectionPlanEnd { get; init; }
}

/// <summary>Whether the child died, was seriously harmed, or was harmed but not seriously (stored by name: append only).</summary>
public enum IncidentKind
{
    /// <summary>The child died (includes suspected suicide).</summary>
    Died,

    /// <summary>The child was seriously harmed.</summary>
    SeriouslyHarmed,

    /// <summary>The child was harmed, but not seriously: reg 5(2)(b) and s16C(1) are then not met.</summary>
    Harmed,
}

/// <summary>A family member or significant other.</summary>
/// <param name="Name">Name.</param>
/// <param name="Relationship">Relationship to the child.</param>
public sealed record FamilyMember(string Name, string? Relationship);

/// <summary>An agency involved with the child or family.</summary>
/// <param name="Name">Agency name.</param>
/// <param name="AgencyId">The board's agency id when chosen from the board's list.</param>
/// <param name="Contact">Contact at the agency.</param>
/// <param name="StillInvolved">Whether still involved.</param>
public sealed record InvolvedAgency(string Name, string? AgencyId = null, string? Contact = null, bool? StillInvolved = null);

/// <summary>A key date in the case.</summary>
/// <param name="Date">The date.</param>
/// <param name="What">What happened.</param>
public sealed record KeyDate(DateOnly Date, string What);
