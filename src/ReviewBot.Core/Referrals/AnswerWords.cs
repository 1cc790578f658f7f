using System.Globalization;
using System.Text.RegularExpressions;

namespace ReviewBot.Core.Referrals;

/// <summary>How people say yes, no, "not sure", "none" and "keep it" in chat.</summary>
internal static partial class AnswerWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "y", "yes", "yeah", "yea", "yep", "yup", "ya", "aye", "true", "yes please", "definitely", "they were", "it was",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "n", "no", "nope", "nah", "false", "no they weren't", "not at all",
    };

    private static readonly HashSet<string> Unsure = new(StringComparer.Ordinal)
    {
        "not sure", "unsure", "don't know", "dont know", "do not know", "i don't know", "i dont know", "no idea", "maybe",
        "idk", "dunno", "not known", "unknown", "perhaps", "possibly", "i'm not sure", "im not sure", "no clue", "don't know yet",
    };

    private static readonly HashSet<string> Nothing = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "none", "nobody", "no one", "noone", "nothing", "n/a", "na", "not applicable", "no others",
        "none of them", "none to add", "no more",
    };

    private static readonly HashSet<string> Keep = new(StringComparer.Ordinal)
    {
        "keep", "keep it", "same", "same as before", "unchanged", "no change", "leave it", "leave as is",
    };

    private static readonly HashSet<string> Confirming = new(StringComparer.Ordinal)
    {
        "correct", "that's right", "thats right", "that's correct", "ok", "okay", "fine", "yes", "y", "yep", "yeah",
    };

    /// <summary>Lower case, single spaces, no trailing punctuation, curly apostrophes straightened.</summary>
    public static string Normalise(string? text)
        => Spaces().Replace((text ?? string.Empty).Replace('\u2019', '\'').Trim().ToLower(English), " ")
            .TrimEnd('.', '!', '?', ',', ';', ':', ' ');

    /// <summary>Reads a yes/no answer: true, false, or null when it is neither (see <see cref="IsUnsure"/>).</summary>
    public static bool? ReadYesNo(string? text)
    {
        var s = Normalise(text);
        if (Yes.Contains(s))
        {
            return true;
        }

        if (No.Contains(s))
        {
            return false;
        }

        if (IsUnsure(s))
        {
            return null;
        }

        // "yes, she was" / "no, not yet": the first word decides.
        var first = FirstWord().Match(s).Value;
        return Yes.Contains(first) ? true : No.Contains(first) ? false : null;
    }

    /// <summary>"Not sure", "don't know" and the like.</summary>
    public static bool IsUnsure(string? text) => Unsure.Contains(Normalise(text));

    /// <summary>"None", "no", "nobody": there is nothing to give here.</summary>
    public static bool IsNothing(string? text) => Nothing.Contains(Normalise(text));

    /// <summary>"Keep", "same": leave the current answer as it is.</summary>
    public static bool IsKeep(string? text) => Keep.Contains(Normalise(text));

    /// <summary>"Correct", "ok", "yes": the shown answer is right (only where yes is not itself an answer).</summary>
    public static bool IsConfirming(string? text) => Confirming.Contains(Normalise(text));

    /// <summary>A bare "no": said to a shown answer, it means "that's wrong", not a new answer.</summary>
    public static bool IsBareNo(string? text) => Normalise(text) is "no" or "n" or "nope" or "nah" or "wrong" or "incorrect" or "that's wrong" or "not right";

    /// <summary>"All", "all of them".</summary>
    public static bool IsAll(string? text) => Normalise(text) is "all" or "all of them" or "every one" or "everyone" or "all of the above";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[a-z']+")]
    private static partial Regex FirstWord();
}
