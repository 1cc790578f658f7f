using System.Globalization;
using System.Text.RegularExpressions;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Dates;

namespace ReviewBot.Core.Referrals;

/// <summary>What a typed message outside a referral asks for.</summary>
public enum ChatIntentKind
{
    /// <summary>Nothing the bot does ("I prefer tea").</summary>
    Other,

    /// <summary>Start a referral ("Hi, I need to refer a case please").</summary>
    StartReferral,

    /// <summary>Where a case stands ("What's happening with SCR-2026-0001?").</summary>
    Status,

    /// <summary>The person's own tasks ("what do I need to do?").</summary>
    MyTasks,

    /// <summary>What the bot can do.</summary>
    Help,

    /// <summary>Stop or discard a referral.</summary>
    Cancel,

    /// <summary>Hello.</summary>
    Greeting,

    /// <summary>Thank you.</summary>
    Thanks,
}

/// <summary>A recognised intent, with the case reference the message named (status only).</summary>
/// <param name="Kind">What the message asks for.</param>
/// <param name="CaseReference">The case named, e.g. SCR-2026-0001, or null.</param>
public sealed record ChatIntent(ChatIntentKind Kind, string? CaseReference = null);

/// <summary>
/// Reads what people ask the bot in their own words, in-process and in microseconds, with no model to
/// download. How it works:
/// <list type="number">
/// <item><b>Normalise.</b> Remove @mentions, lower-case, straighten apostrophes and expand contractions
/// ("I'd" → "I would", "don't" → "do not"); a case reference (SCR-2026-0001, "scr 2026 1") is taken out first.</item>
/// <item><b>Tokenise and map to concepts.</b> Each word is looked up in a small lexicon of concepts
/// (refer, referral, create, case word, status word, task word, help word, cancel, greeting, thanks,
/// negation, request words). A word not found exactly is matched with typo tolerance: the same first letter
/// and, after doubled letters are collapsed, one edit (Damerau–Levenshtein) for words of five letters or
/// more, or two swapped letters in a four-letter word ("hlep", "taks"). Ordinary words one slip from a
/// concept ("prefer", "defer", "offer", "think", "cancer") are listed as ordinary and never matched.</item>
/// <item><b>Rules in priority order</b>, not fitted to data: cancel; status (a case reference, a status word,
/// "I referred", or "my referral" with where/how/what happened); tasks; start a referral; help; thanks; greeting.
/// So "Hi, I need to refer a case please" is a start (the task outranks the greeting).</item>
/// <item><b>Starting a referral needs three things:</b> an action (the verb "refer" not pointing elsewhere —
/// "refer me to the chair", "refer to the policy" do not count —, the noun "referral", or a create/report verb
/// with a case word: "put a case forward", "report a serious incident"); a request (want, need, like, can,
/// please, "I have", an imperative first word, or a message of three words or fewer); and no negation before
/// the action ("I don't want to make a referral") or "how do referrals work" question.</item>
/// </list>
/// The corpus test (tests/ReviewBot.Core.Tests/Referrals/Data/intent-corpus.tsv) scores it on a held-out half.
/// </summary>
public static partial class ChatIntentRecogniser
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, Concept> Lexicon = BuildLexicon();

    /// <summary>Real words a slip away from a concept word: never read as that concept.</summary>
    private static readonly HashSet<string> Ordinary = new(StringComparer.Ordinal)
    {
        "prefer", "prefers", "preferred", "defer", "defers", "deferred", "differ", "offer", "offered", "offers", "infer",
        "confer", "refers", "reference", "references", "referee", "think", "thinks", "thing", "things", "thank", "state",
        "states", "stale", "cancer", "held", "hold", "helm", "cast", "caste", "cause", "chile", "chill", "starts", "stark",
        "stars", "tanks", "yellow", "mellow", "makes", "taken", "takes", "views", "revue", "reviewed", "reports",
        "reporter", "raised", "sport", "deport", "train", "cheer", "chaser", "worse", "words",
    };

    [Flags]
    private enum Concept
    {
        None = 0,
        Refer = 1 << 0,
        Referral = 1 << 1,
        Referred = 1 << 2,
        Create = 1 << 3,
        CaseWord = 1 << 4,
        Criteria = 1 << 5,
        StatusWord = 1 << 6,
        TaskWord = 1 << 7,
        Cases = 1 << 8,
        HelpWord = 1 << 9,
        Cancel = 1 << 10,
        Greeting = 1 << 11,
        Thanks = 1 << 12,
        Negation = 1 << 13,
        Request = 1 << 14,
        My = 1 << 15,
        How = 1 << 16,
        What = 1 << 17,
        Where = 1 << 18,
        Work = 1 << 19,
        Bot = 1 << 20,
        Can = 1 << 21,
        Do = 1 << 22,
        To = 1 << 23,
        Pronoun = 1 << 24,
        Happened = 1 << 25,
        Going = 1 << 26,
        List = 1 << 27,
        Filler = 1 << 28,
        Your = 1 << 29,
    }

    /// <summary>What <paramref name="text"/> asks for.</summary>
    public static ChatIntent Recognise(string? text)
    {
        var raw = AtMention().Replace(text ?? string.Empty, " ").Trim();
        if (raw.Length == 0)
        {
            return new(ChatIntentKind.Other);
        }

        if (raw.Trim('!', ' ') == "?")
        {
            return new(ChatIntentKind.Help);
        }

        var reference = FindReference(raw);
        var words = Tokens(CaseReferenceText().Replace(raw, " "));
        var concepts = words.Select(Read).ToArray();
        return new(Decide(words, concepts, reference is not null), reference);
    }

    private static ChatIntentKind Decide(IReadOnlyList<string> words, Concept[] c, bool hasReference)
    {
        bool Has(Concept k) => c.Any(x => (x & k) != 0);
        var myReferral = Enumerable.Range(0, Math.Max(0, c.Length - 1)).Any(i => Is(c[i], Concept.My) && Is(c[i + 1], Concept.Referral));

        if (Has(Concept.Cancel))
        {
            return ChatIntentKind.Cancel;
        }

        if (hasReference || Has(Concept.StatusWord) || Has(Concept.Referred)
            || (myReferral && (Has(Concept.Where) || Has(Concept.Going) || Has(Concept.Happened))))
        {
            return ChatIntentKind.Status;
        }

        if (IsTasks(words, c))
        {
            return ChatIntentKind.MyTasks;
        }

        if (IsStart(words, c))
        {
            return ChatIntentKind.StartReferral;
        }

        if (IsHelp(c))
        {
            return ChatIntentKind.Help;
        }

        return Has(Concept.Thanks) ? ChatIntentKind.Thanks
            : Has(Concept.Greeting) ? ChatIntentKind.Greeting
            : ChatIntentKind.Other;
    }

    private static bool IsTasks(IReadOnlyList<string> w, Concept[] c)
    {
        if (c.Any(x => Is(x, Concept.TaskWord)))
        {
            return true;
        }

        var casesOfMine = c.Any(x => Is(x, Concept.Cases)) && c.Any(x => Is(x, Concept.My | Concept.List));
        var n = w.Count;
        var toDo = Enumerable.Range(0, Math.Max(0, n - 1)).Any(i => w[i] == "to" && w[i + 1] == "do" && (i + 2 == n || w[i + 2] == "list"));
        var needsDoing = w.Contains("doing") && (w.Contains("needs") || w.Contains("need"));
        return casesOfMine || (c.Any(x => Is(x, Concept.What)) && toDo) || (toDo && w.Contains("list")) || needsDoing;
    }

    private static bool IsStart(IReadOnlyList<string> w, Concept[] c)
    {
        var action = -1;
        for (var i = 0; i < c.Length && action < 0; i++)
        {
            if ((Is(c[i], Concept.Refer) && !PointsElsewhere(c, i)) || Is(c[i], Concept.Referral)
                || (Is(c[i], Concept.Create) && c.Any(x => Is(x, Concept.CaseWord | Concept.Referral)))
                || (Is(c[i], Concept.Criteria) && c.Any(x => Is(x, Concept.CaseWord))))
            {
                action = i;
            }
        }

        if (action < 0 || c.Take(action).Any(x => Is(x, Concept.Negation)))
        {
            return false;
        }

        var howItWorks = c.Any(x => Is(x, Concept.How)) && c.Any(x => Is(x, Concept.Work));
        var meaning = w.Contains("mean") || w.Contains("means") || (c.Any(x => Is(x, Concept.What)) && w.Contains("is") && !c.Any(x => Is(x, Concept.Request)));
        if (howItWorks || meaning)
        {
            return false;
        }

        var firstContent = Array.FindIndex(c, x => !Is(x, Concept.Greeting | Concept.Filler | Concept.Request));
        var imperative = firstContent == action || (firstContent >= 0 && Is(c[firstContent], Concept.Create | Concept.Refer | Concept.Referral));
        var iAsk = action > 0 && w[action - 1] is "i" or "we";
        return c.Any(x => Is(x, Concept.Request)) || imperative || iAsk || w.Count <= 3;
    }

    /// <summary>"refer me to the chair", "refer this question to someone", "refer to the policy": referring elsewhere, not a referral.</summary>
    private static bool PointsElsewhere(Concept[] c, int at)
    {
        for (var i = at + 1; i < Math.Min(c.Length, at + 5); i++)
        {
            if (Is(c[i], Concept.CaseWord))
            {
                return false;
            }

            if (Is(c[i], Concept.To))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHelp(Concept[] c)
    {
        bool Has(Concept k) => c.Any(x => Is(x, k));
        var helpWord = Enumerable.Range(0, c.Length).Any(i => Is(c[i], Concept.HelpWord) && !(i > 0 && Is(c[i - 1], Concept.Your) && Has(Concept.Thanks)));
        var whatCanItDo = Has(Concept.What) && Has(Concept.Can) && Has(Concept.Do);
        var howToUse = Has(Concept.How) && Has(Concept.Work);
        var whatIsItFor = Has(Concept.What) && Has(Concept.Bot);
        return helpWord || whatCanItDo || howToUse || whatIsItFor;
    }

    private static bool Is(Concept value, Concept any) => (value & any) != 0;

    private static Concept Read(string word)
    {
        if (Lexicon.TryGetValue(word, out var concept))
        {
            return concept;
        }

        if (Ordinary.Contains(word) || word.Length < 4)
        {
            return Concept.None;
        }

        var typed = Undouble(word);
        foreach (var (known, value) in Lexicon)
        {
            if (known.Length >= 4 && known[0] == word[0] && IsSlip(typed, Undouble(known)))
            {
                return value;
            }
        }

        return Concept.None;
    }

    /// <summary>One edit for five letters or more; a swap of two letters for four.</summary>
    private static bool IsSlip(string typed, string known)
        => typed == known
        || (Math.Min(typed.Length, known.Length) >= 5 && Spelling.Distance(typed, known) <= 1)
        || (typed.Length == 4 && known.Length == 4 && Spelling.Distance(typed, known) == 1 && typed.Order().SequenceEqual(known.Order()));

    private static string? FindReference(string text)
    {
        var m = CaseReferenceText().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var candidate = string.Create(CultureInfo.InvariantCulture, $"{m.Groups["kind"].Value.ToUpperInvariant()}-{m.Groups["year"].Value}-{int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture):D4}");
        return CaseReference.TryParse(candidate, out var reference) ? reference.Value : null;
    }

    private static List<string> Tokens(string text)
    {
        var s = text.ToLower(English).Replace('\u2019', '\'').Replace('\u2018', '\'');
        s = Contraction().Replace(s, m => m.Groups["c"].Value switch
        {
            "n't" => m.Groups["w"].Value switch { "ca" => "can not", "wo" => "will not", "sha" => "shall not", var w => w + " not" },
            "'d" => m.Groups["w"].Value + " would",
            "'m" => m.Groups["w"].Value + " am",
            "'ve" => m.Groups["w"].Value + " have",
            "'re" => m.Groups["w"].Value + " are",
            "'ll" => m.Groups["w"].Value + " will",
            _ => m.Groups["w"].Value + " is",
        });
        return [.. NonWord().Split(s.Replace("'", string.Empty, StringComparison.Ordinal)).Where(t => t.Length > 0)];
    }

    private static string Undouble(string word) => DoubledLetter().Replace(word, "$1");

    private static Dictionary<string, Concept> BuildLexicon()
    {
        var lexicon = new Dictionary<string, Concept>(StringComparer.Ordinal);
        void Add(Concept concept, params string[] words)
        {
            foreach (var word in words)
            {
                lexicon[word] = lexicon.GetValueOrDefault(word) | concept;
            }
        }

        Add(Concept.Refer, "refer", "referring");
        Add(Concept.Referral, "referral", "referrals");
        Add(Concept.Referred, "referred");
        Add(Concept.Create, "make", "start", "begin", "open", "raise", "create", "submit", "lodge", "put", "send", "initiate", "new", "report", "notify", "flag", "escalate", "forward");
        Add(Concept.CaseWord, "case", "child", "children", "kid", "baby", "boy", "girl", "family", "pupil", "person", "incident", "concern", "concerns", "death", "review", "scr", "cspr", "safeguarding");
        Add(Concept.Criteria, "criteria", "meets");
        Add(Concept.StatusWord, "status", "progress", "update", "updates", "news", "stage", "happening", "decided");
        Add(Concept.TaskWord, "task", "tasks", "todo", "outstanding", "waiting", "pending", "action", "decisions", "approvals");
        Add(Concept.Cases, "cases");
        Add(Concept.HelpWord, "help", "commands", "command", "options", "instructions", "confused", "guide", "type");
        Add(Concept.Cancel, "cancel", "abandon", "discard", "scrap", "delete", "quit", "stop", "withdraw");
        Add(Concept.Greeting, "hi", "hello", "hey", "hiya", "howdy", "greetings", "morning", "afternoon", "evening", "yo");
        Add(Concept.Thanks, "thanks", "thank", "thankyou", "thx", "ta", "cheers", "appreciated");
        Add(Concept.Negation, "not", "never", "dont", "cant", "wont", "no");
        Add(Concept.Request, "want", "wish", "need", "like", "can", "could", "may", "please", "lets", "have", "would", "think", "how", "plz");
        Add(Concept.My, "my", "our");
        Add(Concept.How, "how");
        Add(Concept.What, "what", "whats");
        Add(Concept.Where, "where");
        Add(Concept.Work, "work", "works", "working", "use", "using");
        Add(Concept.Bot, "bot", "reviewbot");
        Add(Concept.Can, "can");
        Add(Concept.Do, "do", "does");
        Add(Concept.To, "to");
        Add(Concept.List, "list", "show");
        Add(Concept.Filler, "i", "we", "id", "im", "ok", "okay", "so", "just", "um", "er", "good", "there", "all");
        Add(Concept.Your, "your");
        Add(Concept.Happened, "happened");
        Add(Concept.Going, "going");
        return lexicon;
    }

    // NonBacktracking here and below: linear in the text (with backtracking, "scr" before a long run of spaces,
    // a long word without an apostrophe, or many unclosed <at> cost quadratic time).
    [GeneratedRegex(@"\b(?<kind>scr|cspr)\s*-?\s*(?<year>\d{4})\s*-?\s*(?<n>\d{1,6})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CaseReferenceText();

    [GeneratedRegex(@"(?<w>[a-z]+)(?<c>n't|'d|'m|'ve|'re|'ll|'s)\b", RegexOptions.NonBacktracking)]
    private static partial Regex Contraction();

    [GeneratedRegex(@"(.)\1+")]
    private static partial Regex DoubledLetter();

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AtMention();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();
}
