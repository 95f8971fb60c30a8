using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Authorities;
using MynaPlatform.JpkiSimulator.Domain;
using MynaPlatform.JpkiSimulator.Registry;

namespace MynaPlatform.JpkiSimulator.Cards;

/// <summary>The municipal counter: issues a new card, or a renewed card for the same resident.</summary>
public sealed partial class CardIssuer(
    AuthorityStore authorities, ResidentRegistry registry, TimeProvider clock, ILogger<CardIssuer> logger)
{
    public async Task<IssueCardResponse> IssueAsync(IssueCardRequest request, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var loginKey = IssueCardValidator.ReadPublicKey(request.LoginCertificateRequest, "loginCertificateRequest");
        var signatureKey = IssueCardValidator.ReadPublicKey(request.SignatureCertificateRequest, "signatureCertificateRequest");
        IssueCardValidator.CheckResident(request.Resident, DateOnly.FromDateTime(now.ToOffset(ValidityRule.JapanOffset).DateTime));

        var options = request.TestOptions ?? new TestIssuingOptions();
        var loginAuthority = authorities.Get(options.UnknownCa ? AuthorityNames.UnknownLogin : AuthorityNames.Login);
        var signatureAuthority = authorities.Get(options.UnknownCa ? AuthorityNames.UnknownSignature : AuthorityNames.Signature);

        var response = await registry.UpdateAsync(document =>
        {
            var resident = request.Renewal is null
                ? Register(document, request.Resident)
                : Renew(document, request.Renewal, request.Resident, now);

            var details = new Resident(resident.Name, resident.Address, resident.DateOfBirth, resident.Sex);
            var validity = CardValidity.For(options.Validity, resident.DateOfBirth, now);

            using var login = loginAuthority.Issue(
                CertificateProfiles.Login(loginKey, options, RevocationListUrl(publicBaseUrl, loginAuthority)),
                validity.NotBefore, validity.NotAfter, SerialNumbers.Create(options.SerialNumber));
            using var signature = signatureAuthority.Issue(
                CertificateProfiles.Signature(signatureKey, details, options, RevocationListUrl(publicBaseUrl, signatureAuthority)),
                validity.NotBefore, validity.NotAfter, SerialNumbers.Create(options.SerialNumber));

            var card = new CardRecord
            {
                CardId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ResidentId = resident.ResidentId,
                IssuedAt = now,
                Certificates = [Record(login, loginAuthority, CertificateKind.Login), Record(signature, signatureAuthority, CertificateKind.Signature)],
            };
            document.Cards.Add(card);

            return new IssueCardResponse(
                card.CardId,
                resident.IndividualNumber,
                new ResidentDetails(resident.Name, resident.Address, resident.DateOfBirth, resident.Sex),
                login.ExportCertificatePem(),
                signature.ExportCertificatePem(),
                loginAuthority.Certificate.ExportCertificatePem(),
                signatureAuthority.Certificate.ExportCertificatePem());
        }, cancellationToken);

        Log.CardIssued(logger, response.CardId, request.Renewal is not null, options != new TestIssuingOptions());
        return response;
    }

    public static Uri RevocationListUrl(Uri publicBaseUrl, CertificateAuthority authority) =>
        new($"{publicBaseUrl.AbsoluteUri.TrimEnd('/')}{SimulatorRoutes.ForAuthority(SimulatorRoutes.RevocationList, authority.Name)}");

    private static ResidentRecord Register(RegistryDocument document, ResidentDetails? requested)
    {
        var details = FictitiousResidents.Complete(requested);
        var number = IndividualNumber.CreateFictitious();
        while (document.Residents.Any(resident => resident.IndividualNumber == number))
        {
            number = IndividualNumber.CreateFictitious();
        }

        var record = new ResidentRecord
        {
            ResidentId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            IndividualNumber = number,
            Name = details.Name,
            Address = details.Address,
            DateOfBirth = details.DateOfBirth,
            Sex = details.Sex,
        };
        document.Residents.Add(record);
        return record;
    }

    /// <summary>Finds the resident of the old card and revokes its certificates, as the old card is returned.</summary>
    private static ResidentRecord Renew(RegistryDocument document, CardRenewal renewal, ResidentDetails? requested, DateTimeOffset now)
    {
        if (requested is not null)
        {
            throw new JpkiRequestException(JpkiReasonCodes.RequestInvalid, "申請内容に誤りがあります。",
                "更新 (renewal) では resident を指定できません。住民の情報は元のカードから引き継がれます。resident を省いて送り直してください。");
        }

        var oldCard = document.Cards.FirstOrDefault(card => card.CardId == renewal.CardId)
            ?? throw new JpkiRequestException(JpkiReasonCodes.CardNotFound, "カードが見つかりません。",
                "renewal.cardId のカードは発行されていません。更新元のカードファイルを確認してください。");
        var resident = document.Residents.Single(record => record.ResidentId == oldCard.ResidentId);

        if (!CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(resident.IndividualNumber),
            System.Text.Encoding.ASCII.GetBytes(renewal.IndividualNumber ?? "")))
        {
            throw new JpkiRequestException(JpkiReasonCodes.RenewalMismatch, "更新元のカードと一致しません。",
                "renewal.individualNumber が更新元のカードの個人番号と一致しません。更新元のカードファイルを確認してください。");
        }

        foreach (var certificate in oldCard.Certificates)
        {
            certificate.Revoke(now, X509RevocationReason.Superseded);
        }

        return resident;
    }

    private static CertificateRecord Record(X509Certificate2 certificate, CertificateAuthority authority, CertificateKind kind) => new()
    {
        Authority = authority.Name,
        Kind = kind,
        SerialNumber = certificate.SerialNumber,
        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "CardIssued", Level = LogLevel.Information,
            Message = "Issued card {CardId} (renewal: {IsRenewal}, test options: {HasTestOptions})")]
        public static partial void CardIssued(ILogger logger, string cardId, bool isRenewal, bool hasTestOptions);
    }
}
