namespace MynaPlatform.MynaLog.Cli;

/// <summary>
/// Stable reason codes for failures of <c>myna-log</c> itself. Verification failures use the codes
/// in <see cref="AccessLog.Domain.Verification.ChainReasonCodes"/>. Scripts match on these strings,
/// so a code is never renamed or reused.
/// </summary>
public static class MynaLogReasonCodes
{
    public const string UsageInvalid = "USAGE_INVALID";
    public const string TokenMissing = "TOKEN_MISSING";
    public const string TokenRejected = "TOKEN_REJECTED";
    public const string EndpointNotConfigured = "ENDPOINT_NOT_CONFIGURED";
    public const string EndpointUnreachable = "ENDPOINT_UNREACHABLE";
    public const string ApiNotFound = "API_NOT_FOUND";
    public const string ServerError = "SERVER_ERROR";
    public const string ResponseInvalid = "RESPONSE_INVALID";
    public const string StateFileInvalid = "STATE_FILE_INVALID";
    public const string StateFileWriteFailed = "STATE_FILE_WRITE_FAILED";
    public const string KeysFileNotFound = "KEYS_FILE_NOT_FOUND";
    public const string KeysFileInvalid = "KEYS_FILE_INVALID";
    public const string SigningKeyChanged = "SIGNING_KEY_CHANGED";
}

/// <summary>A failure of <c>myna-log</c> with its reason code and the value it concerns (a path, URL or status).</summary>
public sealed class MynaLogException(string reasonCode, string? subject = null, Exception? inner = null)
    : Exception($"{reasonCode}: {subject}", inner)
{
    public string ReasonCode { get; } = reasonCode;

    public string? Subject { get; } = subject;

    /// <summary>Sequence number of the entry at fault, for verification failures.</summary>
    public long? Sequence { get; init; }
}
