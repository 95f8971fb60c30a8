using MynaPlatform.Identity.Accounts;
using MynaPlatform.Identity.Cards;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Jpki;

namespace MynaPlatform.Identity.Login;

/// <summary>The person a card proof identified, and the certificate serial used, for the session.</summary>
public sealed record VerifiedCardLogin(string PersonId, string CertificateSerialNumber);

/// <summary>
/// Checks a card's proof in a fixed order. The challenge is consumed first, so even a failed
/// attempt uses it up. Then come the kind of certificate, the signature over the challenge, the
/// platform's own lost-card hold, the certificate's chain, dates, key usage and revocation, and last the person.
/// </summary>
public sealed partial class CardLogin(
    ChallengeStore challenges,
    LoginCertificateVerifier certificates,
    PersonDirectory persons,
    CardHoldStore holds,
    ILogger<CardLogin> logger)
{
    public async Task<VerifiedCardLogin> VerifyAsync(string? challengeId, string? certificate, string? signature, CancellationToken cancellationToken)
    {
        try
        {
            using var proof = CardProof.Parse(challengeId, certificate, signature);
            var challenge = await challenges.ConsumeAsync(proof.ChallengeId, cancellationToken);
            LoginCertificateVerifier.RejectWrongKind(proof.Certificate);

            if (!proof.SignatureMatches(challenge))
            {
                throw new JpkiRejectedException(JpkiReasonCodes.SignatureInvalid, StatusCodes.Status400BadRequest,
                    "署名を確認できません。",
                    "signature はこの証明書の鍵によるチャレンジへの署名ではありません。新しいチャレンジを取得し、同じカードで署名し直してください。");
            }

            // The platform's own hold takes effect at once, before J-LIS's next CRL shows it.
            if (await holds.IsHeldAsync(CertificateSerialNumber.Canonical(proof.Certificate), cancellationToken))
            {
                throw new JpkiRejectedException(JpkiReasonCodes.CertificateOnHold, StatusCodes.Status400BadRequest,
                    "証明書は一時保留中です。",
                    "カードの紛失届により証明書が一時保留されています。カードが見つかった場合は市区町村の窓口で保留を解除してください。");
            }

            var serialNumber = await certificates.VerifyAsync(proof.Certificate, cancellationToken);
            var personId = await persons.FindOrCreateAsync(proof.Certificate, cancellationToken);
            Log.Verified(logger, proof.ChallengeId);
            return new VerifiedCardLogin(personId, serialNumber);
        }
        catch (JpkiRejectedException rejection)
        {
            Log.Rejected(logger, rejection.ReasonCode);
            throw;
        }
    }

    private static partial class Log
    {
        // The certificate's subject and serial identify the person, so only the challenge is logged.
        [LoggerMessage(EventId = 1, EventName = "CardLoginVerified", Level = LogLevel.Information,
            Message = "Card login verified for challenge {ChallengeId}")]
        public static partial void Verified(ILogger logger, string challengeId);

        [LoggerMessage(EventId = 2, EventName = "CardLoginRejected", Level = LogLevel.Information,
            Message = "Card login rejected: {ReasonCode}")]
        public static partial void Rejected(ILogger logger, string reasonCode);
    }
}
