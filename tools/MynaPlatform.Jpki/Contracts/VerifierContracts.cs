namespace MynaPlatform.Jpki.Contracts;

/// <summary>
/// A registered verifier's request for the individual number behind a login certificate. The
/// verifier authenticates with <c>Authorization: Bearer {verifier key}</c>.
/// </summary>
public sealed record IndividualNumberLookupRequest(string LoginCertificate);

public sealed record IndividualNumberLookupResponse(string IndividualNumber, CertificateState State);

/// <summary>
/// The hold or lift of a card's login certificate, sent between J-LIS (the simulator) and the
/// platform's identity service, each side authenticating with the verifier key.
/// </summary>
/// <param name="LoginSerialNumber">Serial number of the card's login certificate, in the canonical form.</param>
/// <param name="IndividualNumber">The holder's individual number, which identity keeps only as a keyed digest.</param>
public sealed record CardHoldNotice(string LoginSerialNumber, string IndividualNumber);

/// <summary>Identity's request to J-LIS to put the card of this login certificate (DER, Base64) on hold.</summary>
public sealed record VerifierHoldRequest(string LoginCertificate);

/// <summary>A lost-card report to the platform: the card's login certificate (DER, Base64).</summary>
public sealed record LostCardReportRequest(string? LoginCertificate);

/// <summary>The hold a report created or found; a repeated report returns the same hold.</summary>
public sealed record LostCardReportResponse(string HoldId, DateTimeOffset PlacedAt, bool AlreadyHeld);
