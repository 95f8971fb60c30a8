using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Identity.Login;

/// <summary>
/// What a card sends to prove the person: the challenge it answered, its login certificate (DER,
/// Base64) and its signature (Base64) over the challenge's bytes.
/// </summary>
public sealed record CardProof(string ChallengeId, X509Certificate2 Certificate, byte[] Signature) : IDisposable
{
    private const int MaxCertificateBase64Length = 16 * 1024;
    private const int MaxSignatureBase64Length = 2 * 1024;

    /// <summary>Reads the three form values; anything missing or unreadable is a 400 naming the field.</summary>
    public static CardProof Parse(string? challengeId, string? certificate, string? signature)
    {
        if (string.IsNullOrWhiteSpace(challengeId) || challengeId.Length > 64)
        {
            throw Invalid(JpkiReasonCodes.RequestInvalid, LoginRoutes.ChallengeIdParameter,
                "チャレンジ取得 API が返した challengeId を指定してください。");
        }

        var certificateBytes = DecodeBase64(certificate, MaxCertificateBase64Length, LoginRoutes.CertificateParameter,
            JpkiReasonCodes.CertificateMalformed, "利用者証明用電子証明書を DER 形式の Base64 で指定してください。");
        var signatureBytes = DecodeBase64(signature, MaxSignatureBase64Length, LoginRoutes.SignatureParameter,
            JpkiReasonCodes.RequestInvalid, "チャレンジへの署名を Base64 で指定してください。");

        X509Certificate2 parsed;
        try
        {
            parsed = X509CertificateLoader.LoadCertificate(certificateBytes);
        }
        catch (CryptographicException)
        {
            throw Invalid(JpkiReasonCodes.CertificateMalformed, LoginRoutes.CertificateParameter,
                "値を X.509 証明書 (DER) として読み取れません。途中で切れていないか、PEM の見出し行を含めていないかを確認してください。");
        }

        return new CardProof(challengeId, parsed, signatureBytes);
    }

    /// <summary>Checks the signature over exactly the challenge's bytes with the certificate's public key.</summary>
    public bool SignatureMatches(byte[] challenge)
    {
        using var key = Certificate.GetRSAPublicKey();
        try
        {
            return key is not null && key.VerifyData(challenge, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => Certificate.Dispose();

    private static byte[] DecodeBase64(string? value, int maxLength, string field, string reasonCode, string fix)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(reasonCode, field, $"値がありません。{fix}");
        }

        if (value.Length > maxLength)
        {
            throw Invalid(reasonCode, field, $"値が長すぎます ({maxLength} 文字まで)。{fix}");
        }

        try
        {
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw Invalid(reasonCode, field, $"値が Base64 ではありません。{fix}");
        }
    }

    private static JpkiRejectedException Invalid(string reasonCode, string field, string detail) =>
        new(reasonCode, StatusCodes.Status400BadRequest, $"{field} が正しくありません。", $"{field}: {detail}");
}
