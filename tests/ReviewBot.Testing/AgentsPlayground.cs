using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewBot.Testing;

/// <summary>
/// The Microsoft 365 Agents Playground (a real Teams client that runs offline) driven through its HTTP
/// API, with the bot's messages read from its WebSocket stream exactly as its web UI reads them.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly NodeProcess process;
    private readonly HttpClient http;
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<PlaygroundMessage> messages = new();
    private readonly SemaphoreSlim arrived = new(0);
    private Task? reader;

    private AgentsPlayground(NodeProcess process, int port)
    {
        this.process = process;
        Port = port;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The Playground's port (its UI is at http://127.0.0.1:PORT/).</summary>
    public int Port { get; }

    /// <summary>The Playground's mock tenant, users, chats and teams (GET /_internal/v1/config).</summary>
    public JsonObject Config { get; private set; } = [];

    /// <summary>The personal (1:1) chat of the current user.</summary>
    public string PersonalChatId => Config["personalChat"]!["id"]!.GetValue<string>();

    /// <summary>The first group chat.</summary>
    public string GroupChatId => Config["groupChats"]![0]!["id"]!.GetValue<string>();

    /// <summary>The first team's id (its General channel has the same id).</summary>
    public string TeamId => Config["teams"]![0]!["id"]!.GetValue<string>();

    /// <summary>The current user's Teams id.</summary>
    public string CurrentUserId => Config["currentUser"]!["id"]!.GetValue<string>();

    /// <summary>The current user's Entra object id.</summary>
    public string CurrentUserObjectId => Config["currentUser"]!["aadObjectId"]!.GetValue<string>();

    /// <summary>The bot's id and name as the Playground knows them.</summary>
    public (string Id, string Name) Bot => (Config["bot"]!["id"]!.GetValue<string>(), Config["bot"]!["name"]!.GetValue<string>());

    /// <summary>Every message seen on the stream so far (user's and bot's), oldest first.</summary>
    public IReadOnlyList<PlaygroundMessage> Messages => [.. messages];

    /// <summary>What the Playground printed (for failure messages).</summary>
    public string Output => process.Output;

    /// <summary>
    /// Starts the Playground on a free port, pointed at the bot's messaging endpoint; <paramref name="configFile"/>
    /// replaces its built-in tenant, users and chats (its .m365agentsplayground.yml format; with one, the Playground
    /// waits for the bot to answer before it serves).
    /// </summary>
    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, bool expectReplies = false, string? configFile = null)
    {
        var port = FreePort.Next();
        var script = Path.Combine(RepositoryPaths.NodeModules, "@microsoft", "m365agentsplayground", "cli.js");
        List<string> args = ["start", "-e", botEndpoint.ToString(), "-c", "msteams", "-p", port.ToString(CultureInfo.InvariantCulture), "--disable-telemetry"];
        if (expectReplies)
        {
            args.AddRange(["--delivery-mode", "expectReplies"]);
        }

        var environment = new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none" };
        if (configFile is not null)
        {
            environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configFile;
        }

        var process = NodeProcess.Start(script, args, environment);
        var playground = new AgentsPlayground(process, port);
        try
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60));
            playground.Config = await playground.ReadConfigAsync();
            await playground.ConnectStreamAsync();
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary>Installs the app in a conversation (installationUpdate + conversationUpdate to the bot).</summary>
    public async Task InstallAsync(string conversationId)
        => await EnsureOk(await http.PostAsJsonAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new { }));

    /// <summary>The current user types a message; in channels and group chats the bot is @mentioned.</summary>
    public async Task<JsonObject> SendAsync(string conversationId, string text, bool mentionBot = false)
    {
        object body = mentionBot
            ? new
            {
                from = new { id = CurrentUserId },
                text = $"<at>{Bot.Name}</at> {text}",
                textFormat = "plain",
                mentions = new[] { new { mentioned = new { id = Bot.Id }, text = $"<at>{Bot.Name}</at>" } },
            }
            : new { from = new { id = CurrentUserId }, text, textFormat = "plain" };
        var response = await http.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
        await EnsureOk(response);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The current user presses an Action.Execute button on a card; returns the bot's invoke response.</summary>
    public async Task<JsonObject?> InvokeAsync(string conversationId, string replyToId, string verb, JsonObject? data = null)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = CurrentUserId },
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? [] },
                ["trigger"] = "manual",
            },
        };
        var response = await http.PostAsJsonAsync("_conversation/v1/invoke", body);
        await EnsureOk(response);
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)?.AsObject();
    }

    /// <summary>The current user presses an Action.Submit button (a message activity with value).</summary>
    public async Task SubmitAsync(string conversationId, string replyToId, JsonObject value)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = CurrentUserId },
            ["replyToId"] = replyToId,
            ["value"] = value,
        };
        await EnsureOk(await http.PostAsJsonAsync("_conversation/v1/submit", body));
    }

    /// <summary>
    /// Waits for the next bot message (created or updated) matching <paramref name="match"/> that arrives
    /// after <paramref name="afterIndex"/> in <see cref="Messages"/>.
    /// </summary>
    public async Task<PlaygroundMessage> WaitForBotMessageAsync(Func<PlaygroundMessage, bool> match, int afterIndex = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = Messages.Skip(afterIndex).FirstOrDefault(m => m.FromBot(Bot.Id) && match(m));
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                var seen = string.Join("\n", Messages.Skip(afterIndex).Select(m => m.Describe()));
                throw new TimeoutException($"No matching bot message. Seen since #{afterIndex}:\n{seen}\nPlayground output:\n{Output}");
            }

            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (reader is not null)
        {
            try
            {
                await reader;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // Expected when the Playground goes away first.
            }
        }

        socket.Dispose();
        http.Dispose();
        await process.DisposeAsync();
        stopping.Dispose();
        arrived.Dispose();
    }

    /// <summary>The port may accept connections a moment before the HTTP app answers: retry briefly.</summary>
    private async Task<JsonObject> ReadConfigAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await http.GetFromJsonAsync<JsonObject>("_internal/v1/config"))!["config"]!.AsObject();
            }
            catch (HttpRequestException) when (attempt < 50 && process.IsRunning)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task EnsureOk(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"Playground answered {(int)response.StatusCode}: {body}");
        }
    }

    private async Task ConnectStreamAsync()
    {
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), stopping.Token);
        reader = Task.Run(ReadStreamAsync);
    }

    private async Task ReadStreamAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (!stopping.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, stopping.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var json = Encoding.UTF8.GetString(frame.ToArray());
            frame.SetLength(0);
            if (PlaygroundMessage.TryParse(json, out var message))
            {
                messages.Enqueue(message);
                arrived.Release();
            }
        }
    }
}

/// <summary>A message as the Playground's UI receives it.</summary>
/// <param name="Action">createMessage or updateMessage.</param>
/// <param name="ConversationId">The conversation it appears in.</param>
/// <param name="MessageId">Its id (replyToId for buttons on it).</param>
/// <param name="FromId">Sender's id.</param>
/// <param name="Text">Its text, if any.</param>
/// <param name="Attachments">Its attachments (cards).</param>
public sealed record PlaygroundMessage(string Action, string ConversationId, string MessageId, string FromId, string? Text, JsonArray Attachments)
{
    /// <summary>The first Adaptive Card attached, if any.</summary>
    public JsonObject? Card => Attachments
        .Select(a => a?.AsObject())
        .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();

    /// <summary>Text and card JSON together, for "contains" checks.</summary>
    public string AllText => (Text ?? string.Empty) + "\n" + (Card?.ToJsonString() ?? string.Empty);

    /// <summary>True when the bot sent it.</summary>
    public bool FromBot(string botId) => FromId == botId;

    /// <summary>One line for failure messages.</summary>
    public string Describe() => $"[{Action} {ConversationId} {MessageId} from {FromId}] {Text} {(Card is null ? string.Empty : "card: " + Truncate(Card.ToJsonString()))}";

    internal static bool TryParse(string json, out PlaygroundMessage message)
    {
        message = null!;
        if (JsonNode.Parse(json) is not JsonObject node || node["message"] is not JsonObject body)
        {
            return false;
        }

        var action = node["action"]?.GetValue<string>() ?? string.Empty;
        if (action is not ("createMessage" or "updateMessage"))
        {
            return false;
        }

        message = new PlaygroundMessage(
            action,
            node["actionConversationId"]?.GetValue<string>() ?? string.Empty,
            body["messageId"]?.ToString() ?? string.Empty,
            body["from"]?["id"]?.GetValue<string>() ?? string.Empty,
            body["text"]?.GetValue<string>(),
            body["attachments"]?.AsArray() is { } attachments ? (JsonArray)attachments.DeepClone() : []);
        return true;
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
