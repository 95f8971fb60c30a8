using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Revocation;

namespace MynaPlatform.Identity.Jpki;

/// <summary>
/// Verifies a login certificate (利用者証明用電子証明書) as a JPKI verifier: chain to a trusted login
/// CA whose basic constraints allow issuing, validity dates, the digitalSignature key usage, and
/// hold or revocation from the CA's own CRL.
/// </summary>
public sealed class LoginCertificateVerifier(TrustAnchors trustAnchors, RevocationListCache revocationLists, TimeProvider clock)
{
    private const string SignaturePurposeUnit = "OU=JPKI for digital signature";

    /// <summary>Returns the canonical serial number of a certificate that passed every check.</summary>
    public async Task<string> VerifyAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        RejectWrongKind(certificate);

        var now = clock.GetUtcNow();
        var issuer = await FindIssuerAsync(certificate, now, cancellationToken);

        if (now < certificate.NotBefore.ToUniversalTime())
        {
            throw Rejected(JpkiReasonCodes.CertificateNotYetValid, "証明書の有効期間がまだ始まっていません。",
                "このカードの利用者証明用電子証明書は有効期間の開始前です。開始日以降にログインしてください。");
        }

        if (now > certificate.NotAfter.ToUniversalTime())
        {
            throw Rejected(JpkiReasonCodes.CertificateExpired, "証明書の有効期限が切れています。",
                "利用者証明用電子証明書の有効期限が切れています。市区町村の窓口で証明書を更新してください。");
        }

        var keyUsage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (keyUsage is null || !keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature))
        {
            throw Rejected(JpkiReasonCodes.CertificateKeyUsageInvalid, "証明書の鍵用途が正しくありません。",
                "この証明書には digitalSignature の鍵用途がないため、ログインに使えません。利用者証明用電子証明書を使ってください。");
        }

        var serialNumber = CertificateSerialNumber.Canonical(certificate);
        await CheckRevocationAsync(certificate, issuer, serialNumber, cancellationToken);
        return serialNumber;
    }

    /// <summary>
    /// Rejects a CA certificate or a signature certificate with its own 400, because either is a client
    /// mistake. The text names the request's <paramref name="field"/> and what the certificate was sent for (<paramref name="use"/>).
    /// </summary>
    public static void RejectWrongKind(X509Certificate2 certificate, string field = "certificate", string use = "ログイン")
    {
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints?.CertificateAuthority == true)
        {
            throw Rejected(JpkiReasonCodes.CertificateNotForLogin, $"認証局の証明書は{use}に使えません。",
                $"{field} には認証局の証明書ではなく、カードの利用者証明用電子証明書を指定してください。");
        }

        if (certificate.Issuer.Contains(SignaturePurposeUnit, StringComparison.Ordinal))
        {
            throw Rejected(JpkiReasonCodes.CertificateNotForLogin, $"署名用電子証明書は{use}に使えません。",
                $"{field} には署名用電子証明書ではなく、利用者証明用電子証明書 (暗証番号 4 桁の証明書) を指定してください。");
        }
    }

    private async Task<X509Certificate2> FindIssuerAsync(X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var anchors = await trustAnchors.GetAsync(cancellationToken);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;

        // The leaf's dates get their own reason codes below; here only the chain itself counts.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;

        try
        {
            if (!chain.Build(certificate) || chain.ChainElements.Count != 2)
            {
                throw Untrusted();
            }

            var issuer = chain.ChainElements[1].Certificate;
            var constraints = issuer.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            var issuerValid = now >= issuer.NotBefore.ToUniversalTime() && now <= issuer.NotAfter.ToUniversalTime();
            if (constraints is not { CertificateAuthority: true } || !issuerValid)
            {
                throw Untrusted();
            }

            return anchors.Single(anchor => anchor.RawData.AsSpan().SequenceEqual(issuer.RawData));
        }
        finally
        {
            // The chain's element certificates are copies that disposing the chain leaves open, so
            // each login would otherwise leave native handles for the finalizer.
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }

    private async Task CheckRevocationAsync(
        X509Certificate2 certificate, X509Certificate2 issuer, string serialNumber, CancellationToken cancellationToken)
    {
        var url = DistributionPoints.Read(certificate).FirstOrDefault()
            ?? throw Rejected(JpkiReasonCodes.RevocationStatusUnknown, "証明書の失効状態を確認できませんでした。",
                "証明書に CRL 配布点がないため、失効状態を確認できません。", StatusCodes.Status400BadRequest);

        var entry = await revocationLists.FindAsync(url, issuer, serialNumber, cancellationToken);
        if (entry is null)
        {
            return;
        }

        if (entry.Reason == X509RevocationReason.CertificateHold)
        {
            throw Rejected(JpkiReasonCodes.CertificateOnHold, "証明書は一時保留中です。",
                "カードの紛失届により証明書が一時保留されています。カードが見つかった場合は市区町村の窓口で保留を解除してください。");
        }

        throw Rejected(JpkiReasonCodes.CertificateRevoked, "証明書は失効しています。",
            "この利用者証明用電子証明書は失効しています。市区町村の窓口で新しい証明書の発行を受けてください。");
    }

    private static JpkiRejectedException Untrusted() =>
        Rejected(JpkiReasonCodes.CertificateUntrusted, "証明書の発行元を確認できません。",
            "この証明書は信頼する利用者証明用認証局 (J-LIS) が発行したものではありません。マイナンバーカードの利用者証明用電子証明書を使ってください。");

    private static JpkiRejectedException Rejected(string reasonCode, string title, string detail, int status = StatusCodes.Status400BadRequest) =>
        new(reasonCode, status, title, detail);
}
