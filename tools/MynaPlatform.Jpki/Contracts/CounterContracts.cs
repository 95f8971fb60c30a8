using System.Text.Json.Serialization;

namespace MynaPlatform.Jpki.Contracts;

/// <summary>
/// A request for a new card. The certificate requests are PEM-encoded PKCS#10 requests made by the
/// card, so its private keys never leave it.
/// </summary>
public sealed record IssueCardRequest(
    string LoginCertificateRequest,
    string SignatureCertificateRequest,
    ResidentDetails? Resident = null,
    CardRenewal? Renewal = null,
    TestIssuingOptions? TestOptions = null);

/// <summary>The four basic attributes (基本4情報) of a fictitious resident; missing ones are made up.</summary>
public sealed record ResidentDetails(string? Name, string? Address, DateOnly? DateOfBirth, ResidentSex? Sex);

[JsonConverter(typeof(JsonStringEnumConverter<ResidentSex>))]
public enum ResidentSex
{
    Male,
    Female,
}

/// <summary>The card being replaced; the number must match the one the simulator holds for it.</summary>
public sealed record CardRenewal(string CardId, string IndividualNumber);

/// <summary>Options that make deliberately faulty certificates for refusal tests.</summary>
public sealed record TestIssuingOptions(
    TestValidity Validity = TestValidity.Normal,
    bool OmitDigitalSignatureKeyUsage = false,
    bool UnknownCa = false,
    TestSerialNumber SerialNumber = TestSerialNumber.Random);

[JsonConverter(typeof(JsonStringEnumConverter<TestValidity>))]
public enum TestValidity
{
    Normal,
    Expired,
    NotYetValid,
}

[JsonConverter(typeof(JsonStringEnumConverter<TestSerialNumber>))]
public enum TestSerialNumber
{
    Random,

    /// <summary>A serial whose top bit is set, so its DER encoding starts with a 0x00 byte.</summary>
    LeadingZeroByte,

    /// <summary>A 20-octet serial, the maximum RFC 5280 allows.</summary>
    TwentyBytes,
}

/// <summary>A new card. Certificates are PEM-encoded.</summary>
public sealed record IssueCardResponse(
    string CardId,
    string IndividualNumber,
    ResidentDetails Resident,
    string LoginCertificate,
    string SignatureCertificate,
    string LoginCaCertificate,
    string SignatureCaCertificate);

public sealed record ChangeAddressRequest(string Address);

[JsonConverter(typeof(JsonStringEnumConverter<CertificateState>))]
public enum CertificateState
{
    Good,
    OnHold,
    Revoked,
}

/// <summary>The state of both certificates of a card after a hotline or counter operation.</summary>
public sealed record CardStatusResponse(string CardId, CertificateState Login, CertificateState Signature);
