using System.Net.Sockets;
using Azure;
using ReviewBot.Core.Ports;

namespace ReviewBot.Storage;

/// <summary>Tells a store outage (worth trying again later) from a request the store refused.</summary>
internal static class StorageFaults
{
    /// <summary>
    /// True for faults of the store or the network: no response (status 0), timeouts (408 or our network
    /// timeout), server errors (5xx), socket failures, and the retry policy giving up on those.
    /// </summary>
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0
            && aggregate.InnerExceptions.All(inner => IsUnavailable(inner, cancellationToken)),
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>True when the table itself is missing (e.g. storage came back empty after an outage).</summary>
    public static bool IsTableMissing(Exception exception)
        => exception is RequestFailedException { Status: 404, ErrorCode: "TableNotFound" };

    /// <summary>True for a lost optimistic-concurrency race: 412 (ETag changed) or 409 (row already there).</summary>
    public static bool IsConflict(Exception exception)
        => exception is RequestFailedException { Status: 409 or 412 };

    /// <summary>The exception callers see for an outage; the message holds no personal data.</summary>
    public static StoreUnavailableException Unavailable(Exception cause)
        => new("Table storage is unavailable; nothing was written.", cause);
}
