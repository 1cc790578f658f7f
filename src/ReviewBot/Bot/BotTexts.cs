namespace ReviewBot.Bot;

/// <summary>Fixed things the bot says, in one place so they read consistently.</summary>
public static class BotTexts
{
    /// <summary>Storage is down: nothing was lost, try again.</summary>
    public const string StoreUnavailable = "I can't save right now, but nothing was lost. Please try again in a minute.";

    /// <summary>Two turns raced in one conversation.</summary>
    public const string ConversationConflict = "Two answers arrived at the same moment and I kept the first. Please send your last answer again.";

    /// <summary>An Action.Submit with a verb we don't know.</summary>
    public const string UnknownButton = "I don't recognise that button; it may be from an older card. Type 'help' to see what I can do.";

    /// <summary>Anything we could not read.</summary>
    public const string NotUnderstood = "Sorry, I didn't understand that. Type 'refer' to refer a case, 'status SCR-2026-0001' for a case's status, 'my tasks', or 'help'.";

    /// <summary>A status request without a case reference.</summary>
    public const string WhichCase = "Which case? Type status and its reference, for example status SCR-2026-0001. Type my tasks to see your cases.";

    /// <summary>The tenant has no board set up.</summary>
    public const string NoBoard = "This Teams organisation isn't set up for ReviewBot yet. Please ask your safeguarding board's business manager.";

    /// <summary>Case details are never asked for in a shared conversation.</summary>
    public const string MovingToPrivateChat = "Referral details are personal data, so I'll continue with you in a private chat. Look for a message from me there.";

    /// <summary>A command longer than <see cref="ChatCommands.MaxCommandLength"/>.</summary>
    public const string MessageTooLong = "That message is too long for me to read as a command. Type help to see what I can do.";

    /// <summary>The activity carries no Entra object id, so nobody can be identified or given a role.</summary>
    public const string NoIdentity = "I can't tell who you are from this message, so I haven't acted on it. Please use ReviewBot from Microsoft Teams, signed in with your work account.";

    /// <summary>Teams would not open a 1:1 chat (an outage, or the app not installed for the person).</summary>
    public const string PrivateChatUnavailable = "Referral details are personal data, so referrals happen in a private chat with me, but I couldn't open one just now. Please open a chat with ReviewBot yourself and type 'refer', or try again in a few minutes.";

    /// <summary>Teams did not take a reply.</summary>
    public const string TeamsUnavailable = "Your action was saved, but I couldn't reach Teams to show the result. It will catch up shortly.";

    /// <summary>The short answer to a greeting, thanks, a cancel with nothing to cancel, or anything else.</summary>
    public static string Reply(Core.Referrals.ChatIntentKind kind) => kind switch
    {
        Core.Referrals.ChatIntentKind.Greeting => "Hello! I can help you refer a case, check where a case stands, or show your tasks. Type help to see everything.",
        Core.Referrals.ChatIntentKind.Thanks => "You're welcome. Type help if you need anything else.",
        Core.Referrals.ChatIntentKind.Cancel => "There's no referral in progress, so there's nothing to cancel. Type refer to start one.",
        _ => NotUnderstood,
    };
}
