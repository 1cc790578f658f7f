using System.Net;

namespace ReviewBot.Teams;

/// <summary>
/// A call to the Bot Framework connector failed. <see cref="Exception.Message"/> names the operation, the HTTP
/// status and the service's error code only; the service's own message is in <see cref="ServiceMessage"/>.
/// </summary>
public class ConnectorException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public ConnectorException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message (no personal data).</param>
    public ConnectorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message (no personal data).</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a failed connector response.</summary>
    /// <param name="operation">The operation, e.g. <c>SendToConversation</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The <c>error.code</c> of the response body, if any.</param>
    /// <param name="serviceMessage">The <c>error.message</c> of the response body, if any.</param>
    public ConnectorException(string operation, HttpStatusCode statusCode, string? errorCode, string? serviceMessage)
        : base(Describe(operation, statusCode, errorCode))
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
    }

    /// <summary>The connector operation that failed.</summary>
    public string? Operation { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error code of the response body (<c>{"error":{"code"}}</c>), if any.</summary>
    public string? ErrorCode { get; }

    /// <summary>The error message of the response body, if any (kept out of <see cref="Exception.Message"/>).</summary>
    public string? ServiceMessage { get; }

    private static string Describe(string operation, HttpStatusCode statusCode, string? errorCode) =>
        errorCode is null
            ? $"Connector {operation} failed with HTTP {(int)statusCode}."
            : $"Connector {operation} failed with HTTP {(int)statusCode} ({errorCode}).";
}

/// <summary>
/// The connector answered 403 <c>BotNotInConversationRoster</c>: the app was removed from the conversation (or
/// never installed for that user or team). Record it and stop sending there; it is never retried.
/// </summary>
public sealed class BotNotInConversationRosterException : ConnectorException
{
    /// <summary>The connector's error code for this case.</summary>
    public const string Code = "BotNotInConversationRoster";

    /// <summary>Creates an exception without details.</summary>
    public BotNotInConversationRosterException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message (no personal data).</param>
    public BotNotInConversationRosterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message (no personal data).</param>
    /// <param name="innerException">The cause.</param>
    public BotNotInConversationRosterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a 403 response.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="serviceMessage">The service's error message, if any.</param>
    public BotNotInConversationRosterException(string operation, string? serviceMessage)
        : base(operation, HttpStatusCode.Forbidden, Code, serviceMessage)
    {
    }
}

/// <summary>
/// The service URL is malformed or not on an allowed host (<see cref="ServiceHosts"/>): nothing was sent, and the
/// bot's token did not leave the process. Never retried.
/// </summary>
public sealed class UntrustedServiceUrlException : ConnectorException
{
    /// <summary>Creates the exception with the standard message.</summary>
    public UntrustedServiceUrlException()
        : base("The service URL is not a Bot Framework service host (or an allowed one); nothing was sent.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message (no personal data).</param>
    public UntrustedServiceUrlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message (no personal data).</param>
    /// <param name="innerException">The cause.</param>
    public UntrustedServiceUrlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
