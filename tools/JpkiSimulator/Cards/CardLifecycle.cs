using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Domain;
using MynaPlatform.JpkiSimulator.Registry;

namespace MynaPlatform.JpkiSimulator.Cards;

/// <summary>
/// Changes to an issued card: the hotline's hold (一時保留), the counter lifting it, and an address
/// change, which revokes the signature certificate only.
/// </summary>
public sealed partial class CardLifecycle(ResidentRegistry registry, TimeProvider clock, ILogger<CardLifecycle> logger)
{
    public async Task<CardStatusResponse> PlaceHoldAsync(string cardId, CancellationToken cancellationToken)
    {
        var status = await UpdateCardAsync(cardId, card =>
        {
            var now = clock.GetUtcNow();
            card.Certificates.ForEach(certificate => certificate.PutOnHold(now));
        }, cancellationToken);

        Log.HoldPlaced(logger, cardId);
        return status;
    }

    /// <summary>Puts on hold the card whose login certificate this is, for a verifier that took a lost-card report.</summary>
    public async Task<CardStatusResponse> PlaceHoldByCertificateAsync(string verifier, string? loginCertificate, CancellationToken cancellationToken)
    {
        var thumbprint = LoginCertificateThumbprint(loginCertificate);
        var status = await registry.UpdateAsync(document =>
        {
            var card = document.Cards.FirstOrDefault(card => card.Certificate(CertificateKind.Login).Thumbprint == thumbprint)
                ?? throw new JpkiRequestException(JpkiReasonCodes.CertificateUnknown, "証明書が見つかりません。",
                    "loginCertificate はシミュレーターが発行したカードの利用者証明用電子証明書ではありません。");
            var now = clock.GetUtcNow();
            card.Certificates.ForEach(certificate => certificate.PutOnHold(now));
            return ToStatus(card);
        }, cancellationToken);

        Log.HoldPlacedForVerifier(logger, status.CardId, verifier);
        return status;
    }

    /// <summary>Returns what the platform needs to apply a hold or lift of this card: the login serial number and the holder's number.</summary>
    public Task<CardHoldNotice> DescribeForPlatformAsync(string cardId, CancellationToken cancellationToken) =>
        registry.ReadAsync(document =>
        {
            var card = FindCard(document, cardId);
            var resident = document.Residents.Single(resident => resident.ResidentId == card.ResidentId);
            return new CardHoldNotice(CertificateSerialNumber.Canonical(card.Certificate(CertificateKind.Login).SerialNumber), resident.IndividualNumber);
        }, cancellationToken);

    public async Task<CardStatusResponse> LiftHoldAsync(string cardId, CancellationToken cancellationToken)
    {
        var status = await UpdateCardAsync(cardId, card => card.Certificates.ForEach(certificate => certificate.ReleaseHold()), cancellationToken);

        Log.HoldLifted(logger, cardId);
        return status;
    }

    /// <summary>
    /// Records a new address. The signature certificate carries the address, so it is revoked; the
    /// login certificate carries none and stays valid.
    /// </summary>
    public async Task<CardStatusResponse> ChangeAddressAsync(string cardId, string? address, CancellationToken cancellationToken)
    {
        var newAddress = IssueCardValidator.CheckAddress(address);
        var status = await registry.UpdateAsync(document =>
        {
            var card = FindCard(document, cardId);
            document.Residents.Single(resident => resident.ResidentId == card.ResidentId).Address = newAddress;
            card.Certificate(CertificateKind.Signature).Revoke(clock.GetUtcNow(), X509RevocationReason.AffiliationChanged);
            return ToStatus(card);
        }, cancellationToken);

        Log.SignatureRevokedForAddressChange(logger, cardId);
        return status;
    }

    private Task<CardStatusResponse> UpdateCardAsync(string cardId, Action<CardRecord> change, CancellationToken cancellationToken) =>
        registry.UpdateAsync(document =>
        {
            var card = FindCard(document, cardId);
            change(card);
            return ToStatus(card);
        }, cancellationToken);

    private static CardRecord FindCard(RegistryDocument document, string cardId) =>
        document.Cards.FirstOrDefault(card => card.CardId == cardId)
        ?? throw new JpkiRequestException(JpkiReasonCodes.CardNotFound, "カードが見つかりません。",
            "URL のカード ID (cardId) のカードは発行されていません。カードファイルのカード ID を確認してください。");

    private static string LoginCertificateThumbprint(string? text)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text ?? ""));
            return certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        }
        catch (Exception exception) when (exception is FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new JpkiRequestException(JpkiReasonCodes.RequestInvalid, "申請内容に誤りがあります。",
                "loginCertificate には利用者証明用電子証明書を DER の Base64 で指定してください。");
        }
    }

    private static CardStatusResponse ToStatus(CardRecord card) =>
        new(card.CardId, card.Certificate(CertificateKind.Login).State, card.Certificate(CertificateKind.Signature).State);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "HoldPlaced", Level = LogLevel.Information,
            Message = "Put the certificates of card {CardId} on hold")]
        public static partial void HoldPlaced(ILogger logger, string cardId);

        [LoggerMessage(EventId = 2, EventName = "HoldLifted", Level = LogLevel.Information,
            Message = "Lifted the hold on the certificates of card {CardId}")]
        public static partial void HoldLifted(ILogger logger, string cardId);

        [LoggerMessage(EventId = 4, EventName = "HoldPlacedForVerifier", Level = LogLevel.Information,
            Message = "Put the certificates of card {CardId} on hold at the request of verifier {Verifier}")]
        public static partial void HoldPlacedForVerifier(ILogger logger, string cardId, string verifier);

        [LoggerMessage(EventId = 3, EventName = "SignatureRevokedForAddressChange", Level = LogLevel.Information,
            Message = "Revoked the signature certificate of card {CardId} after an address change")]
        public static partial void SignatureRevokedForAddressChange(ILogger logger, string cardId);
    }
}
