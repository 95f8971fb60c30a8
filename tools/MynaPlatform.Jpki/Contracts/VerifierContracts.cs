namespace MynaPlatform.Jpki.Contracts;

/// <summary>
/// A registered verifier's request for the individual number behind a login certificate. The
/// verifier authenticates with <c>Authorization: Bearer {verifier key}</c>.
/// </summary>
public sealed record IndividualNumberLookupRequest(string LoginCertificate);

public sealed record IndividualNumberLookupResponse(string IndividualNumber, CertificateState State);
