using System.Text.Json.Serialization;

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

    /// <summary>How the case meets the criteria, in the referrer's words (required: Enfield's referral form).</summary>
    public string? CriteriaNarrative { get; init; }

    /// <summary>The referrer's request or recommendation to the board (Enfield's referral form).</summary>
    public string? Request { get; init; }

    /// <summary>
    /// The referring agency's member of the board's SCR panel (Enfield's referral form); null when not given.
    /// Asked only under the SCR rulebook.
    /// </summary>
    public PanelMember? PanelMember { get; init; }

    /// <summary>
    /// Other review processes considered or under way (Enfield Appendix 4 step 1); null when not answered,
    /// empty when there are none.
    /// </summary>
    public IReadOnlyList<ReviewProcess>? OtherReviewProcesses { get; init; }
}

/// <summary>The referring agency's SCR panel member.</summary>
/// <param name="Name">Name.</param>
/// <param name="Phone">Telephone.</param>
/// <param name="Email">Email.</param>
/// <param name="IsReferrer">True when the referrer is the panel member (their own details stand).</param>
public sealed record PanelMember(string Name, string? Phone = null, string? Email = null, bool IsReferrer = false);

/// <summary>Another review process considered or under way beside this one (stored by name: append only).</summary>
public enum ReviewProcess
{
    /// <summary>A domestic homicide review.</summary>
    DomesticHomicideReview,

    /// <summary>A child death review.</summary>
    ChildDeathReview,

    /// <summary>Criminal proceedings.</summary>
    CriminalProceedings,
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
    private DateOnly? storedPlanStart;
    private DateOnly? storedPlanEnd;

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Date of birth.</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Whether the child died, was seriously harmed, or was harmed but not seriously (stored by name: append only).</summary>
    public IncidentKind? Incident { get; init; }

    /// <summary>Date of death or of the incident.</summary>
    public DateOnly? IncidentDate { get; init; }

    /// <summary>Where the death or incident happened (e.g. at home, in hospital, abroad): the area test of a review.</summary>
    public string? IncidentPlace { get; init; }

    /// <summary>Address.</summary>
    public string? Address { get; init; }

    /// <summary>Ethnicity.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Languages spoken at home (Enfield's form; not "first language"). Stored under its old name.</summary>
    [JsonPropertyName("Language")]
    public string? LanguagesSpokenAtHome { get; init; }

    /// <summary>Religion.</summary>
    public string? Religion { get; init; }

    /// <summary>Legal status (e.g. looked after, child in need, subject to a CP plan).</summary>
    public string? LegalStatus { get; init; }

    /// <summary>Known to children's social care.</summary>
    public bool? KnownToChildrensSocialCare { get; init; }

    /// <summary>Every period the child was subject to a child protection plan, in the order given.</summary>
    public IReadOnlyList<ProtectionPlanPeriod> ProtectionPlans { get; init; } = [];

    /// <summary>
    /// Reads the one plan start stored before periods were a list (drafts and cases that hold
    /// "ProtectionPlanStart"), so their plan dates become the first period. Never written.
    /// </summary>
    [JsonInclude]
    [JsonPropertyName("ProtectionPlanStart")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private DateOnly? StoredPlanStart { get => null; init => ProtectionPlans = StoredPlan(storedPlanStart = value, storedPlanEnd); }

    /// <summary>Reads the one plan end stored before periods were a list ("ProtectionPlanEnd"). Never written.</summary>
    [JsonInclude]
    [JsonPropertyName("ProtectionPlanEnd")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private DateOnly? StoredPlanEnd { get => null; init => ProtectionPlans = StoredPlan(storedPlanStart, storedPlanEnd = value); }

    /// <summary>Value equality, plan periods included (the child's details were all values before periods were a list).</summary>
    public bool Equals(Child? other)
        => other is not null && Name == other.Name && DateOfBirth == other.DateOfBirth && Incident == other.Incident
            && IncidentDate == other.IncidentDate && IncidentPlace == other.IncidentPlace && Address == other.Address
            && Ethnicity == other.Ethnicity && LanguagesSpokenAtHome == other.LanguagesSpokenAtHome && Religion == other.Religion
            && LegalStatus == other.LegalStatus && KnownToChildrensSocialCare == other.KnownToChildrensSocialCare
            && ProtectionPlans.SequenceEqual(other.ProtectionPlans);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, DateOfBirth, Incident, IncidentDate, Address, ProtectionPlans.Count);

    // The old start and end arrive in either order; a period needs its start (the old form asked the end only after one).
    private IReadOnlyList<ProtectionPlanPeriod> StoredPlan(DateOnly? start, DateOnly? end)
        => start is { } started ? [new ProtectionPlanPeriod(started, end)] : ProtectionPlans;
}

/// <summary>A period under a child protection plan.</summary>
/// <param name="Start">When the plan started.</param>
/// <param name="End">When it ended; null while it is in place.</param>
public sealed record ProtectionPlanPeriod(DateOnly Start, DateOnly? End = null);

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
/// <param name="DateOfBirth">Date of birth, when known (Enfield's form: adults' dates of birth).</param>
/// <param name="Address">Address, when known.</param>
public sealed record FamilyMember(string Name, string? Relationship, DateOnly? DateOfBirth = null, string? Address = null);

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
