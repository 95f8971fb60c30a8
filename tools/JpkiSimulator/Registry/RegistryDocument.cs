using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.JpkiSimulator.Registry;

/// <summary>
/// Everything the simulator remembers about residents and their cards. As the stand-in for J-LIS it
/// is the only part of the platform that stores individual numbers.
/// </summary>
public sealed class RegistryDocument
{
    public List<ResidentRecord> Residents { get; set; } = [];

    public List<CardRecord> Cards { get; set; } = [];
}

public sealed class ResidentRecord
{
    public required string ResidentId { get; init; }

    public required string IndividualNumber { get; init; }

    public required string Name { get; init; }

    public required string Address { get; set; }

    public required DateOnly DateOfBirth { get; init; }

    public required ResidentSex Sex { get; init; }
}

public sealed class CardRecord
{
    public required string CardId { get; init; }

    public required string ResidentId { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public List<CertificateRecord> Certificates { get; init; } = [];

    public CertificateRecord Certificate(CertificateKind kind) => Certificates.Single(record => record.Kind == kind);
}

public sealed class CertificateRecord
{
    public required string Authority { get; init; }

    public required CertificateKind Kind { get; init; }

    /// <summary>Upper-case hex of the encoded serial, as <see cref="X509Certificate2.SerialNumber"/> gives it.</summary>
    public required string SerialNumber { get; init; }

    /// <summary>SHA-256 of the certificate's DER, which identifies exactly the certificate issued.</summary>
    public required string Thumbprint { get; init; }

    public CertificateState State { get; set; } = CertificateState.Good;

    public DateTimeOffset? StateChangedAt { get; set; }

    [JsonConverter(typeof(JsonStringEnumConverter<X509RevocationReason>))]
    public X509RevocationReason? RevocationReason { get; set; }

    public void PutOnHold(DateTimeOffset now)
    {
        if (State == CertificateState.Good)
        {
            State = CertificateState.OnHold;
            StateChangedAt = now;
            RevocationReason = X509RevocationReason.CertificateHold;
        }
    }

    public void ReleaseHold()
    {
        if (State == CertificateState.OnHold)
        {
            State = CertificateState.Good;
            StateChangedAt = null;
            RevocationReason = null;
        }
    }

    /// <summary>Revokes for good; a held certificate may be revoked too (RFC 5280 section 5.3.1).</summary>
    public void Revoke(DateTimeOffset now, X509RevocationReason reason)
    {
        if (State != CertificateState.Revoked)
        {
            State = CertificateState.Revoked;
            StateChangedAt = now;
            RevocationReason = reason;
        }
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<CertificateKind>))]
public enum CertificateKind
{
    Login,
    Signature,
}
