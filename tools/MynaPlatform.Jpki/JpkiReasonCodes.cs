namespace MynaPlatform.Jpki;

/// <summary>
/// Stable reason codes for JPKI failures, shared by the simulator, the identity service and
/// <c>myna-card</c>. Scripts and tests match on these strings, so a code is never renamed or reused.
/// </summary>
public static class JpkiReasonCodes
{
    // The card and its PINs.
    public const string PinFormatInvalid = "PIN_FORMAT_INVALID";
    public const string PinIncorrect = "PIN_INCORRECT";
    public const string PinLocked = "PIN_LOCKED";
    public const string CardFileNotFound = "CARD_FILE_NOT_FOUND";
    public const string CardFileInvalid = "CARD_FILE_INVALID";
    public const string CardFileExists = "CARD_FILE_EXISTS";
    public const string CardFileWriteFailed = "CARD_FILE_WRITE_FAILED";

    // Certificate checks by a verifier.
    public const string CertificateExpired = "CERTIFICATE_EXPIRED";
    public const string CertificateNotYetValid = "CERTIFICATE_NOT_YET_VALID";
    public const string CertificateOnHold = "CERTIFICATE_ON_HOLD";
    public const string CertificateRevoked = "CERTIFICATE_REVOKED";
    public const string CertificateUntrusted = "CERTIFICATE_UNTRUSTED";
    public const string CertificateKeyUsageInvalid = "CERTIFICATE_KEY_USAGE_INVALID";
    public const string CertificateUnknown = "CERTIFICATE_UNKNOWN";
    public const string RevocationStatusUnknown = "REVOCATION_STATUS_UNKNOWN";
    public const string SignatureInvalid = "SIGNATURE_INVALID";
    public const string CertificateMalformed = "CERTIFICATE_MALFORMED";
    public const string CertificateNotForLogin = "CERTIFICATE_NOT_FOR_LOGIN";

    // The login challenge that the card signs.
    public const string ChallengeUnknown = "CHALLENGE_UNKNOWN";
    public const string ChallengeExpired = "CHALLENGE_EXPIRED";
    public const string ChallengeReused = "CHALLENGE_REUSED";

    // Requests to the simulator (the stand-in for J-LIS).
    public const string RequestInvalid = "REQUEST_INVALID";
    public const string CertificateRequestInvalid = "CERTIFICATE_REQUEST_INVALID";
    public const string CardNotFound = "CARD_NOT_FOUND";
    public const string RenewalMismatch = "RENEWAL_MISMATCH";
    public const string VerifierUnauthorized = "VERIFIER_UNAUTHORIZED";

    // Lost-card reports to the platform.
    public const string LostCardReportLimited = "LOST_CARD_REPORT_LIMITED";

    // Reaching a server and reading local input.
    public const string EndpointNotConfigured = "ENDPOINT_NOT_CONFIGURED";
    public const string EndpointUnreachable = "ENDPOINT_UNREACHABLE";

    /// <summary>The server returned 404 without a reason code, so the URL points at a server without this API.</summary>
    public const string ApiNotFound = "API_NOT_FOUND";
    public const string ServerError = "SERVER_ERROR";
    public const string InputFileNotFound = "INPUT_FILE_NOT_FOUND";
    public const string UsageInvalid = "USAGE_INVALID";

    /// <summary>Name of the ProblemDetails extension member that carries the reason code.</summary>
    public const string ProblemExtension = "reasonCode";
}
