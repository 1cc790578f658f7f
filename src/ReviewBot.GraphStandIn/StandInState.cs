using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewBot.GraphStandIn;

/// <summary>A tenant user the stand-in knows (from the board configuration files).</summary>
/// <param name="Id">Entra object id (the board mailbox's id is its address).</param>
/// <param name="Mail">SMTP address.</param>
/// <param name="DisplayName">Display name.</param>
public sealed record StandInUser(string Id, string Mail, string DisplayName);

/// <summary>A busy time set for a mailbox.</summary>
/// <param name="Start">Start.</param>
/// <param name="End">End.</param>
/// <param name="Status">busy, tentative or oof.</param>
public sealed record BusyTime(DateTimeOffset Start, DateTimeOffset End, string Status = "busy");

/// <summary>Working hours as getSchedule reports them.</summary>
/// <param name="DaysOfWeek">e.g. monday..friday.</param>
/// <param name="StartTime">e.g. 09:00:00.</param>
/// <param name="EndTime">e.g. 17:00:00.</param>
/// <param name="TimeZone">Windows or IANA name.</param>
public sealed record WorkingHoursSetup(IReadOnlyList<string> DaysOfWeek, string StartTime, string EndTime, string TimeZone)
{
    /// <summary>Monday to Friday, 09:00 to 17:00, UK time.</summary>
    public static WorkingHoursSetup Default { get; } =
        new(["monday", "tuesday", "wednesday", "thursday", "friday"], "09:00:00", "17:00:00", "GMT Standard Time");
}

/// <summary>A mailbox's calendar set-up (seed file or admin endpoint).</summary>
/// <param name="Busy">Busy times.</param>
/// <param name="WorkingHours">Working hours; null keeps the current ones.</param>
public sealed record CalendarSetup(IReadOnlyList<BusyTime>? Busy, WorkingHoursSetup? WorkingHours);

/// <summary>An event held in a mailbox's calendar.</summary>
public sealed class StoredEvent
{
    /// <summary>The organiser's mailbox (where it was created).</summary>
    public required StandInUser Organizer { get; init; }

    /// <summary>The event as Graph returns it (times kept in UTC).</summary>
    public required GraphEvent Event { get; init; }

    /// <summary>Start in UTC.</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>End in UTC.</summary>
    public DateTimeOffset End { get; set; }

    /// <summary>Bumped on each change, as iCalendar SEQUENCE.</summary>
    public int Sequence { get; set; }

    /// <summary>The cancellation comment sent to attendees.</summary>
    public string? CancelComment { get; set; }
}

/// <summary>A mail sent with sendMail.</summary>
/// <param name="From">The sending mailbox.</param>
/// <param name="To">Recipients.</param>
/// <param name="Subject">Subject.</param>
/// <param name="Body">Body content.</param>
/// <param name="Attachments">Attachment names.</param>
/// <param name="SaveToSentItems">As the request said (null = not sent).</param>
/// <param name="SentAt">When.</param>
public sealed record SentMail(string From, IReadOnlyList<string> To, string Subject, string Body, IReadOnlyList<string> Attachments, bool? SaveToSentItems, DateTimeOffset SentAt);

/// <summary>An app installed for a user.</summary>
/// <param name="Id">Installation id.</param>
/// <param name="CatalogId">teamsApp id (the stand-in uses the manifest id as catalog id too).</param>
/// <param name="ChatId">The user's 1:1 chat with the app.</param>
public sealed record InstalledApp(string Id, string CatalogId, string ChatId);

/// <summary>A fault to inject: a status <see cref="Times"/> times (null = every call) and/or a delay.</summary>
public sealed class Fault
{
    /// <summary>Applies to paths containing this (case-insensitive); null = every Graph path.</summary>
    public string? PathContains { get; set; }

    /// <summary>Applies to this HTTP method only; null = any.</summary>
    public string? Method { get; set; }

    /// <summary>429, 503, 403, 404...; null = no error (delay only).</summary>
    public int? Status { get; set; }

    /// <summary>How many calls get the error; null = all.</summary>
    public int? Times { get; set; }

    /// <summary>Retry-After header in seconds (429 and 503).</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Delay before answering, in milliseconds.</summary>
    public int? DelayMs { get; set; }

    /// <summary>True when the fault applies to this request.</summary>
    public bool Matches(HttpRequest request)
        => (PathContains is null || Uri.UnescapeDataString(request.Path.Value ?? "").Contains(PathContains, StringComparison.OrdinalIgnoreCase))
            && (Method is null || string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A Graph call the stand-in received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query, decoded.</param>
/// <param name="At">When it arrived.</param>
public sealed record RecordedRequest(string Method, string Path, DateTimeOffset At);

/// <summary>Everything the stand-in holds, behind one lock (it is a test double, not a database).</summary>
public sealed class StandInState
{
    private readonly Dictionary<string, StandInUser> users = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyDictionary<string, CalendarSetup> seedCalendars;
    private readonly Dictionary<string, (List<BusyTime> Busy, WorkingHoursSetup Hours)> calendars = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<InstalledApp>> installs = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> refusingInstall = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the state from the known users and seeded calendars.</summary>
    public StandInState(IEnumerable<StandInUser> knownUsers, IReadOnlyDictionary<string, CalendarSetup> seed, string defaultTimeZone)
    {
        ArgumentNullException.ThrowIfNull(knownUsers);
        foreach (var user in knownUsers)
        {
            users[user.Id] = user;
            users[user.Mail] = user;
        }

        seedCalendars = seed;
        DefaultHours = WorkingHoursSetup.Default with { TimeZone = defaultTimeZone };
        Reset();
    }

    /// <summary>The lock every endpoint takes.</summary>
    public object Gate { get; } = new();

    /// <summary>Working hours of a mailbox nobody set.</summary>
    public WorkingHoursSetup DefaultHours { get; }

    /// <summary>Distinct known users.</summary>
    public IEnumerable<StandInUser> Users => users.Values.Distinct();

    /// <summary>Events, in creation order.</summary>
    public List<StoredEvent> Events { get; } = [];

    /// <summary>Mails, in order sent.</summary>
    public List<SentMail> Mails { get; } = [];

    /// <summary>Active faults.</summary>
    public List<Fault> Faults { get; } = [];

    /// <summary>Graph calls received.</summary>
    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Back to the seeded state: no events, mails, installations, faults or recorded calls.</summary>
    public void Reset()
    {
        lock (Gate)
        {
            Events.Clear();
            Mails.Clear();
            Faults.Clear();
            Requests.Clear();
            installs.Clear();
            refusingInstall.Clear();
            calendars.Clear();
            foreach (var (mailbox, setup) in seedCalendars)
            {
                SetCalendar(mailbox, setup);
            }
        }
    }

    /// <summary>The user with this object id or address, or null.</summary>
    public StandInUser? FindUser(string idOrMail) => users.GetValueOrDefault(Uri.UnescapeDataString(idOrMail));

    /// <summary>Replaces a mailbox's busy times (and working hours when given).</summary>
    public void SetCalendar(string mailbox, CalendarSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var key = FindUser(mailbox)?.Mail ?? mailbox;
        var hours = setup.WorkingHours ?? (calendars.TryGetValue(key, out var current) ? current.Hours : DefaultHours);
        calendars[key] = ([.. setup.Busy ?? []], hours);
    }

    /// <summary>Busy times set for the mailbox plus the meetings it organises or is invited to (not declined).</summary>
    public IEnumerable<BusyTime> BusyTimes(string mail)
    {
        var set = calendars.TryGetValue(mail, out var calendar) ? calendar.Busy : [];
        var meetings = Events
            .Where(e => e.Event.IsCancelled != true && Involves(e, mail) && ResponseOf(e, mail) != "declined")
            .Select(e => new BusyTime(e.Start, e.End, ResponseOf(e, mail) is "accepted" or "organizer" ? "busy" : "tentative"));
        return set.Concat(meetings).OrderBy(b => b.Start);
    }

    /// <summary>The mailbox's working hours.</summary>
    public WorkingHoursSetup HoursOf(string mail) => calendars.TryGetValue(mail, out var calendar) ? calendar.Hours : DefaultHours;

    /// <summary>True when <paramref name="mail"/> organises or attends the event.</summary>
    public static bool Involves(StoredEvent stored, string mail)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return string.Equals(stored.Organizer.Mail, mail, StringComparison.OrdinalIgnoreCase)
            || (stored.Event.Attendees ?? []).Any(a => string.Equals(a.EmailAddress?.Address, mail, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The mailbox's response to the event ("organizer" for its organiser).</summary>
    public static string? ResponseOf(StoredEvent stored, string mail)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return string.Equals(stored.Organizer.Mail, mail, StringComparison.OrdinalIgnoreCase)
            ? "organizer"
            : stored.Event.Attendees?.FirstOrDefault(a => string.Equals(a.EmailAddress?.Address, mail, StringComparison.OrdinalIgnoreCase))?.Status?.Response;
    }

    /// <summary>Apps installed for a user.</summary>
    public List<InstalledApp> InstalledFor(StandInUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!installs.TryGetValue(user.Id, out var apps))
        {
            installs[user.Id] = apps = [];
        }

        return apps;
    }

    /// <summary>Makes installation for a user refused (403), as a tenant's app permission policy would.</summary>
    public void SetInstallRefused(string idOrMail, bool refused)
    {
        var id = FindUser(idOrMail)?.Id ?? idOrMail;
        _ = refused ? refusingInstall.Add(id) : refusingInstall.Remove(id);
    }

    /// <summary>True when installation is refused for the user.</summary>
    public bool InstallRefused(StandInUser user) => refusingInstall.Contains(user?.Id ?? "");

    /// <summary>The event as Graph returns it, with times in <paramref name="zone"/> (UTC unless Prefer says otherwise).</summary>
    public static JsonNode Project(StoredEvent stored, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var node = JsonSerializer.SerializeToNode(stored.Event, GraphJson.Options)!;
        node["start"] = JsonSerializer.SerializeToNode(GraphTime.From(stored.Start, zone), GraphJson.Options);
        node["end"] = JsonSerializer.SerializeToNode(GraphTime.From(stored.End, zone), GraphJson.Options);
        return node;
    }
}

/// <summary>Graph's dateTimeTimeZone to and from instants.</summary>
public static class GraphTime
{
    /// <summary>The instant, or null when the date or zone cannot be read.</summary>
    public static DateTimeOffset? ToInstant(DateTimeTimeZone? value)
    {
        if (value?.DateTime is null || !DateTime.TryParse(value.DateTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = Zone(value.TimeZone);
        if (zone is null)
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>The instant in <paramref name="zone"/>, as Graph writes it.</summary>
    public static DateTimeTimeZone From(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new DateTimeTimeZone
        {
            DateTime = TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            TimeZone = zone == TimeZoneInfo.Utc ? "UTC" : zone.Id,
        };
    }

    /// <summary>A Windows or IANA zone, or null.</summary>
    public static TimeZoneInfo? Zone(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;
    }

    /// <summary>The reply zone from <c>Prefer: outlook.timezone="..."</c>, UTC without it.</summary>
    public static TimeZoneInfo PreferredZone(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var prefer in request.Headers["Prefer"])
        {
            const string Key = "outlook.timezone=";
            var at = prefer?.IndexOf(Key, StringComparison.OrdinalIgnoreCase) ?? -1;
            if (at >= 0)
            {
                return Zone(prefer![(at + Key.Length)..].Trim().Trim('"')) ?? TimeZoneInfo.Utc;
            }
        }

        return TimeZoneInfo.Utc;
    }
}
