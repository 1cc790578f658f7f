namespace ReviewBot.Ports;

/// <summary>Why a Microsoft 365 call (calendar, mail, Teams installation) failed.</summary>
public enum Microsoft365FailureKind
{
    /// <summary>Throttled (429) even after the client's own retries: try again later.</summary>
    Throttled,

    /// <summary>The service is down, slow or unreachable (5xx, timeout, network): try again later.</summary>
    Unavailable,

    /// <summary>The app may not do this (403): a tenant administrator must change a grant or scope.</summary>
    AccessDenied,

    /// <summary>A user, mailbox or item does not exist (404): fix the board configuration.</summary>
    NotFound,

    /// <summary>The request was refused as invalid (other 4xx): a fault in ReviewBot or its data.</summary>
    Rejected,
}

/// <summary>
/// A failed Microsoft 365 call, typed so the case can record it and show the business manager what to fix.
/// Messages name the operation and the fix, never a person or their address.
/// </summary>
public sealed class Microsoft365Exception : Exception
{
    /// <summary>Creates the failure.</summary>
    /// <param name="kind">Why it failed.</param>
    /// <param name="operation">What was attempted, e.g. "create the panel meeting".</param>
    /// <param name="whatToFix">What a person should do about it.</param>
    /// <param name="serviceCode">The service's error code (e.g. ErrorAccessDenied), if any.</param>
    /// <param name="innerException">The SDK's exception.</param>
    public Microsoft365Exception(Microsoft365FailureKind kind, string operation, string whatToFix, string? serviceCode = null, Exception? innerException = null)
        : base($"Could not {operation}: {Describe(kind)}{(serviceCode is null ? "" : $" ({serviceCode})")}. {whatToFix}", innerException)
    {
        Kind = kind;
        Operation = operation;
        WhatToFix = whatToFix;
        ServiceCode = serviceCode;
    }

    /// <summary>Why it failed.</summary>
    public Microsoft365FailureKind Kind { get; }

    /// <summary>What was attempted.</summary>
    public string Operation { get; }

    /// <summary>What a person should do about it.</summary>
    public string WhatToFix { get; }

    /// <summary>The service's error code, if any.</summary>
    public string? ServiceCode { get; }

    /// <summary>True when retrying unchanged will not help: keep the effect for a retry after the fix.</summary>
    public bool IsPermanent => Kind is Microsoft365FailureKind.AccessDenied or Microsoft365FailureKind.NotFound or Microsoft365FailureKind.Rejected;

    private static string Describe(Microsoft365FailureKind kind) => kind switch
    {
        Microsoft365FailureKind.Throttled => "Microsoft 365 is throttling the app",
        Microsoft365FailureKind.Unavailable => "Microsoft 365 did not answer",
        Microsoft365FailureKind.AccessDenied => "access was denied to the app",
        Microsoft365FailureKind.NotFound => "a user or item was not found",
        _ => "the request was refused",
    };
}
