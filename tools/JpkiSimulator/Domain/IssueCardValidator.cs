using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.JpkiSimulator.Domain;

/// <summary>Checks a card request before anything is issued or stored.</summary>
public static class IssueCardValidator
{
    public const int MaxNameLength = 64;
    public const int MaxAddressLength = 128;
    private const int RequiredKeySize = 2048;
    private static readonly DateOnly EarliestDateOfBirth = new(1900, 1, 1);

    /// <summary>Loads a PEM PKCS#10 request and checks its self-signature, which proves the card has the private key.</summary>
    public static PublicKey ReadPublicKey(string? pem, string field)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw Invalid(JpkiReasonCodes.CertificateRequestInvalid, $"{field} がありません。カードで作成した PKCS#10 証明書署名要求を PEM 形式で指定してください。");
        }

        CertificateRequest request;
        try
        {
            request = CertificateRequest.LoadSigningRequestPem(pem, HashAlgorithmName.SHA256, signerSignaturePadding: RSASignaturePadding.Pkcs1);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw Invalid(JpkiReasonCodes.CertificateRequestInvalid, $"{field} を PKCS#10 証明書署名要求として読み取れないか、署名が正しくありません。PEM 形式の要求を送り直してください。");
        }

        using var rsa = request.PublicKey.GetRSAPublicKey();
        if (rsa?.KeySize != RequiredKeySize)
        {
            throw Invalid(JpkiReasonCodes.CertificateRequestInvalid, $"{field} の公開鍵は RSA 2048 ビットである必要があります。");
        }

        return request.PublicKey;
    }

    public static void CheckResident(ResidentDetails? resident, DateOnly today)
    {
        if (resident?.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength))
        {
            throw Invalid(JpkiReasonCodes.RequestInvalid, $"resident.name は 1〜{MaxNameLength} 文字で指定してください。");
        }

        if (resident?.Address is { } address && (string.IsNullOrWhiteSpace(address) || address.Length > MaxAddressLength))
        {
            throw Invalid(JpkiReasonCodes.RequestInvalid, $"resident.address は 1〜{MaxAddressLength} 文字で指定してください。");
        }

        if (resident?.DateOfBirth is { } dateOfBirth && (dateOfBirth < EarliestDateOfBirth || dateOfBirth > today))
        {
            throw Invalid(JpkiReasonCodes.RequestInvalid, $"resident.dateOfBirth は {EarliestDateOfBirth:yyyy-MM-dd} から今日までの日付で指定してください。");
        }
    }

    public static string CheckAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > MaxAddressLength)
        {
            throw Invalid(JpkiReasonCodes.RequestInvalid, $"address は 1〜{MaxAddressLength} 文字の新しい住所で指定してください。");
        }

        return address;
    }

    private static JpkiRequestException Invalid(string reasonCode, string detail) =>
        new(reasonCode, "申請内容に誤りがあります。", detail);
}
