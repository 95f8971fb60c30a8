namespace MynaPlatform.Jpki.Contracts;

/// <summary>Routes and parameters of the identity service's JPKI login, shared with <c>myna-card</c>.</summary>
public static class LoginRoutes
{
    public const string Challenges = "/api/identity/jpki/challenges";
    public const string Token = "/api/identity/connect/token";
    public const string DeviceAuthorization = "/api/identity/connect/device";
    public const string DeviceVerification = "/api/identity/connect/verify";
    public const string JsonWebKeySet = "/api/identity/.well-known/jwks";
    public const string Configuration = "/api/identity/.well-known/openid-configuration";

    /// <summary>Lost-card reports by the card holder (<c>myna-card report-lost</c>); no token needed.</summary>
    public const string LostCardReports = "/api/identity/lost-card-reports";

    /// <summary>Lost-card reports by an operator.</summary>
    public const string OperatorLostCardReports = "/api/identity/operator/lost-card-reports";

    /// <summary>Holds placed by J-LIS (the simulator's hotline), called directly with the verifier key.</summary>
    public const string JpkiHolds = "/api/identity/jpki/holds";

    /// <summary>Holds lifted by J-LIS (the municipal counter), called directly with the verifier key.</summary>
    public const string JpkiHoldLifts = "/api/identity/jpki/hold-lifts";

    /// <summary>The custom grant in which a card's login certificate and signature prove the person.</summary>
    public const string JpkiGrantType = "urn:mynaplatform:params:oauth:grant-type:jpki";

    /// <summary>The public client of the <c>myna-card</c> command line.</summary>
    public const string CardClientId = "myna-card";

    /// <summary>
    /// The scopes that <c>myna-card login</c> requests: the card client's default scopes without
    /// <c>offline_access</c>, because the command prints the access token and keeps no refresh token.
    /// </summary>
    public const string CardLoginScope = "identity:account notices:read self-info:own access-log:read";

    public const string ScopeParameter = "scope";

    // Form parameters of the card's proof, in the JPKI grant and in the device verification.
    public const string ChallengeIdParameter = "challenge_id";
    public const string CertificateParameter = "certificate";
    public const string SignatureParameter = "signature";
}

/// <summary>
/// A one-time challenge. The card signs the bytes of <paramref name="Challenge"/> (Base64) with
/// its login key, using SHA-256 and PKCS#1 v1.5 padding.
/// </summary>
public sealed record LoginChallengeResponse(string ChallengeId, string Challenge, DateTimeOffset ExpiresAt);
