using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.Jpki.Revocation;
using MynaPlatform.MynaCard.Card;

namespace MynaPlatform.MynaCard.Simulator;

/// <summary>
/// Finds a certificate's revocation state as a verifier would: from the CRL at its distribution
/// point, checked against the issuer's signature and the CRL's next update.
/// </summary>
public static class RevocationCheck
{
    /// <param name="fallbackBase">
    /// Simulator address to try, with the same path, when the distribution point is unreachable.
    /// That happens when the simulator restarts on another port.
    /// </param>
    public static async Task<CertificateState> FindStateAsync(
        X509Certificate2 certificate, X509Certificate2 issuer, Uri? fallbackBase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var url = DistributionPoints.Read(certificate).FirstOrDefault()
            ?? throw new CardException(JpkiReasonCodes.RevocationStatusUnknown, "no CRL distribution point");

        var der = await DownloadAsync(url, fallbackBase, cancellationToken);
        RevocationList crl;
        try
        {
            crl = RevocationList.Parse(der);
        }
        catch (CryptographicException exception)
        {
            throw new CardException(JpkiReasonCodes.RevocationStatusUnknown, url.AbsoluteUri, inner: exception);
        }

        if (!crl.IsSignedBy(issuer) || crl.NextUpdate < now)
        {
            throw new CardException(JpkiReasonCodes.RevocationStatusUnknown, url.AbsoluteUri);
        }

        var entry = crl.Find(certificate);
        if (entry is null)
        {
            return CertificateState.Good;
        }

        return entry.Reason == X509RevocationReason.CertificateHold ? CertificateState.OnHold : CertificateState.Revoked;
    }

    private static async Task<byte[]> DownloadAsync(Uri url, Uri? fallbackBase, CancellationToken cancellationToken)
    {
        using var client = new SimulatorClient(new Uri(url.GetLeftPart(UriPartial.Authority)));
        try
        {
            return await client.GetRevocationListAsync(url, cancellationToken);
        }
        catch (CardException failure) when (failure.ReasonCode == JpkiReasonCodes.EndpointUnreachable && fallbackBase is not null)
        {
            using var fallback = new SimulatorClient(fallbackBase);
            return await fallback.GetRevocationListAsync(new Uri(fallbackBase, url.PathAndQuery), cancellationToken);
        }
    }
}
