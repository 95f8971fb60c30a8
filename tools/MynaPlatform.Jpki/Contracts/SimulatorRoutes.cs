namespace MynaPlatform.Jpki.Contracts;

/// <summary>HTTP routes of the JPKI simulator, the test stand-in for J-LIS.</summary>
public static class SimulatorRoutes
{
    public const string IssueCard = "/counter/cards";
    public const string LiftHold = "/counter/cards/{cardId}/hold";
    public const string ChangeAddress = "/counter/cards/{cardId}/address-change";
    public const string PlaceHold = "/hotline/cards/{cardId}/hold";
    public const string RevocationList = "/crl/{authority}.crl";
    public const string CaCertificate = "/ca/{authority}.cer";
    public const string IndividualNumberLookup = "/verifier/individual-number";
    public const string VerifierHold = "/verifier/holds";

    public static string ForCard(string route, string cardId) =>
        route.Replace("{cardId}", Uri.EscapeDataString(cardId), StringComparison.Ordinal);

    public static string ForAuthority(string route, string authority) =>
        route.Replace("{authority}", authority, StringComparison.Ordinal);
}

/// <summary>Names of the simulator's certificate authorities, as used in its CRL and CA routes.</summary>
public static class AuthorityNames
{
    /// <summary>Issues login certificates (利用者証明用電子証明書).</summary>
    public const string Login = "login";

    /// <summary>Issues signature certificates (署名用電子証明書).</summary>
    public const string Signature = "signature";

    /// <summary>Same names as the trusted authorities but other keys; no verifier trusts them.</summary>
    public const string UnknownLogin = "unknown-login";

    public const string UnknownSignature = "unknown-signature";
}
