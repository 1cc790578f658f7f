using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ReviewBot.Core.Cases;

/// <summary>
/// A case's public reference, e.g. <c>SCR-2026-0001</c> or <c>CSPR-2026-0001</c>. Not personal data,
/// so it is what logs, audit records and channel notifications use.
/// </summary>
[JsonConverter(typeof(CaseReferenceJsonConverter))]
public readonly partial record struct CaseReference
{
    private CaseReference(string value) => Value = value;

    /// <summary>The reference as shown to people, upper case.</summary>
    public string Value { get; }

    /// <summary>Builds the reference for the <paramref name="sequence"/>th case of a rulebook in a year.</summary>
    public static CaseReference Create(RulebookKind rulebook, int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        var prefix = rulebook == RulebookKind.Cspr ? "CSPR" : "SCR";
        return new CaseReference(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{sequence:D4}"));
    }

    /// <summary>Reads a reference typed by a person (any case, surrounding spaces ignored).</summary>
    public static bool TryParse(string? text, out CaseReference reference)
    {
        reference = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        reference = new CaseReference(match.Value.ToUpperInvariant());
        return true;
    }

    /// <summary>The rulebook the reference was issued under.</summary>
    public RulebookKind Rulebook => Value.StartsWith("CSPR", StringComparison.Ordinal) ? RulebookKind.Cspr : RulebookKind.Scr;

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex(@"^(SCR|CSPR)-\d{4}-\d{4,6}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>Serialises a <see cref="CaseReference"/> as its plain string.</summary>
public sealed class CaseReferenceJsonConverter : JsonConverter<CaseReference>
{
    /// <inheritdoc />
    public override CaseReference Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
        => CaseReference.TryParse(reader.GetString(), out var reference)
            ? reference
            : throw new System.Text.Json.JsonException("Not a case reference.");

    /// <inheritdoc />
    public override void Write(System.Text.Json.Utf8JsonWriter writer, CaseReference value, System.Text.Json.JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
