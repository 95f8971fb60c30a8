using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Domain;
using MynaPlatform.JpkiSimulator.Registry;

namespace MynaPlatform.JpkiSimulator.Verifiers;

/// <summary>
/// Gives a registered verifier the individual number behind a login certificate that the trusted
/// login CA issued. The number itself is never logged.
/// </summary>
public sealed partial class IndividualNumberLookup(ResidentRegistry registry, ILogger<IndividualNumberLookup> logger)
{
    public async Task<IndividualNumberLookupResponse> FindAsync(string verifier, string? certificateText, CancellationToken cancellationToken)
    {
        using var certificate = ReadCertificate(certificateText);
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);

        var found = await registry.ReadAsync(document =>
        {
            var card = document.Cards.FirstOrDefault(card => card.Certificates.Any(record =>
                record is { Kind: CertificateKind.Login, Authority: AuthorityNames.Login } && record.Thumbprint == thumbprint));
            var resident = card is null ? null : document.Residents.Single(resident => resident.ResidentId == card.ResidentId);
            return (card, resident);
        }, cancellationToken);

        if (found is not { card: { } card, resident: { } resident })
        {
            Log.LookupUnknownCertificate(logger, verifier);
            throw new JpkiRequestException(JpkiReasonCodes.CertificateUnknown, "証明書が見つかりません。",
                "loginCertificate は J-LIS (シミュレーター) の利用者証明用認証局が発行した証明書ではありません。カードの利用者証明用電子証明書を指定してください。");
        }

        Log.NumberLookedUp(logger, verifier, card.CardId);
        return new IndividualNumberLookupResponse(resident.IndividualNumber, card.Certificate(CertificateKind.Login).State);
    }

    private static X509Certificate2 ReadCertificate(string? text)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new FormatException();
            }

            return text.Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            throw new JpkiRequestException(JpkiReasonCodes.RequestInvalid, "申請内容に誤りがあります。",
                "loginCertificate には利用者証明用電子証明書を PEM 形式または DER の Base64 で指定してください。");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "NumberLookedUp", Level = LogLevel.Information,
            Message = "Verifier {Verifier} looked up the individual number of card {CardId}")]
        public static partial void NumberLookedUp(ILogger logger, string verifier, string cardId);

        [LoggerMessage(EventId = 2, EventName = "LookupUnknownCertificate", Level = LogLevel.Warning,
            Message = "Verifier {Verifier} asked about a certificate the login CA did not issue")]
        public static partial void LookupUnknownCertificate(ILogger logger, string verifier);
    }
}
